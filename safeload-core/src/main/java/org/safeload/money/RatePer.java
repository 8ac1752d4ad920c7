package org.safeload.money;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** What a price is for: a calendar day, a working day, a week or a month of one person or unit. */
public enum RatePer implements Coded {
  CALENDAR_DAY("calendar-day", "calendar day"),
  WORKING_DAY("working-day", "working day"),
  WEEK("week", "week"),
  MONTH("month", "month"),
  /** Extras only: a single payment on its date. */
  ONE_OFF("one-off", "one-off payment");

  private final String code;
  private final String label;

  RatePer(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @Override
  public String code() {
    return code;
  }

  /** In words, to follow "per": "calendar day", "working day", "week", "month". */
  @Override
  public String label() {
    return label;
  }

  /** What a roster line's rate may be per (not one-off, which is for extras). */
  public static java.util.List<RatePer> rates() {
    return java.util.List.of(CALENDAR_DAY, WORKING_DAY, WEEK, MONTH);
  }

  public static Optional<RatePer> fromCode(String code) {
    return Codes.fromCode(RatePer.class, code);
  }
}
