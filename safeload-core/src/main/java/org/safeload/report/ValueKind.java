package org.safeload.report;

/** What a table cell or a chart's values are, which decides how they are written and aligned. */
public enum ValueKind {
  /** Words, left-aligned. */
  TEXT(false),
  /** Pounds to the penny: "£1,234.56", "−£12.00". */
  MONEY(true),
  /** A count or measure, up to two decimal places: "1,234", "18.5". */
  NUMBER(true),
  /** A percentage to one decimal place: "17.4%". */
  PERCENT(true),
  /** A date: "14 July 2026". */
  DATE(false);

  private final boolean numeric;

  ValueKind(boolean numeric) {
    this.numeric = numeric;
  }

  /** Whether values of this kind are numbers (right-aligned, may be summed, may be charted). */
  public boolean numeric() {
    return numeric;
  }
}
