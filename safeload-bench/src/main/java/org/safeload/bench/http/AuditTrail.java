package org.safeload.bench.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size of the app's audit trail, as an administrator sees it on the page {@code /admin/audit}
 * ("Showing 1 to 25 of 12,345 entries"): one page, counted in the database.
 */
public final class AuditTrail {

  private static final Pattern SHOWING =
      Pattern.compile("id=\"showing\"[^>]*>\\s*(?:Showing [\\d,]+ to [\\d,]+ of ([\\d,]+)|No )");

  private AuditTrail() {}

  /**
   * How many entries the trail has.
   *
   * @param admin signed in as an administrator
   * @param action only this action ({@code read}: a child's case read), or null for all
   */
  public static long entries(AppClient admin, String action) {
    return count(admin.page("/admin/audit" + (action == null ? "" : "?action=" + action)));
  }

  /** The total the page shows. */
  static long count(String html) {
    Matcher m = SHOWING.matcher(html);
    if (!m.find()) {
      throw new BenchFailure("The audit page does not say how many entries it has");
    }
    return m.group(1) == null ? 0 : Long.parseLong(m.group(1).replace(",", ""));
  }
}
