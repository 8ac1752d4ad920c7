package org.safeload.money;

import java.util.Optional;

/** What a price is for: a calendar day, a working day, a week or a month of one person or unit. */
public enum RatePer {
  CALENDAR_DAY("calendar-day"),
  WORKING_DAY("working-day"),
  WEEK("week"),
  MONTH("month"),
  /** Extras only: a single payment on its date. */
  ONE_OFF("one-off");

  private final String code;

  RatePer(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<RatePer> fromCode(String code) {
    return Codes.find(RatePer.class, RatePer::code, code);
  }
}
