package org.safeload.bench.http;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an administrator does on the Accounts pages, through the pages: adds accounts, finds their
 * ids, and creates API tokens (the page that answers the form shows the new token once).
 */
public final class Accounts {

  private static final Pattern ROW =
      Pattern.compile("<tr class=\"govuk-table__row\">(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern USERNAME = Pattern.compile("<code>([^<]+)</code>");
  private static final Pattern TOKENS_LINK = Pattern.compile("/admin/users/(\\d+)/tokens");
  private static final Pattern NEW_TOKEN = Pattern.compile("value=\"(slt_[A-Za-z0-9_-]+)\"");
  private static final Pattern ERROR =
      Pattern.compile("govuk-error-message\"[^>]*>(?:<span[^>]*>[^<]*</span>)?\\s*([^<]+)<");

  private final AppClient admin;

  /**
   * @param admin signed in as an administrator
   */
  public Accounts(AppClient admin) {
    this.admin = admin;
  }

  /** Adds an account with a password and a role ({@code HEAD_OF_SERVICE}, …). */
  public void create(String username, String displayName, String password, String role) {
    HttpResponse<String> r =
        admin.submit(
            "/admin/users/new",
            "/admin/users/new",
            Map.of(
                "username",
                username,
                "displayName",
                displayName,
                "password",
                password,
                "role",
                role,
                "providerId",
                ""));
    if (r.statusCode() != 302) {
      Matcher m = ERROR.matcher(r.body());
      throw new BenchFailure(
          "Could not add the account "
              + username
              + ": HTTP "
              + r.statusCode()
              + (m.find() ? ": " + m.group(1).strip() : ""));
    }
  }

  /** Every account's id by username, read from the Accounts list, page by page. */
  public Map<String, Long> ids() {
    Map<String, Long> ids = new HashMap<>();
    for (int page = 1; page < 1000; page++) {
      int before = ids.size();
      Matcher row = ROW.matcher(admin.page("/admin/users?page=" + page));
      while (row.find()) {
        Matcher name = USERNAME.matcher(row.group(1));
        Matcher link = TOKENS_LINK.matcher(row.group(1));
        if (name.find() && link.find()) {
          ids.put(name.group(1), Long.parseLong(link.group(1)));
        }
      }
      // A page past the last shows the last page again: nothing new means the end.
      if (ids.size() == before) {
        break;
      }
    }
    return ids;
  }

  /** Creates an API token for the account and answers it (it is shown only this once). */
  public String createToken(long accountId, String label) {
    String path = "/admin/users/" + accountId + "/tokens";
    HttpResponse<String> r = admin.submit(path, path, Map.of("label", label));
    Matcher m = NEW_TOKEN.matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new BenchFailure(
          "Could not create an API token for account " + accountId + ": HTTP " + r.statusCode());
    }
    return m.group(1);
  }
}
