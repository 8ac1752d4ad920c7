package org.safeload.app.platform;

/**
 * A date entered in the GOV.UK date input pattern: day, month and year in three boxes. Converts to
 * the ISO text that the core parsers read, so one set of rules checks every way in.
 */
public class DateParts {

  private String day = "";
  private String month = "";
  private String year = "";

  public DateParts() {}

  public static DateParts of(java.time.LocalDate date) {
    DateParts parts = new DateParts();
    if (date != null) {
      parts.day = String.valueOf(date.getDayOfMonth());
      parts.month = String.valueOf(date.getMonthValue());
      parts.year = String.valueOf(date.getYear());
    }
    return parts;
  }

  public boolean blank() {
    return day.isBlank() && month.isBlank() && year.isBlank();
  }

  /**
   * The date as ISO text ({@code 2024-03-27}), {@code ""} when every box is empty, or the boxes as
   * typed (which the parser then refuses) when they do not make a date.
   */
  public String toIso() {
    if (blank()) {
      return "";
    }
    String d = day.strip();
    String m = month.strip();
    String y = year.strip();
    if (d.matches("\\d{1,2}") && m.matches("\\d{1,2}") && y.matches("\\d{4}")) {
      return y + "-" + (m.length() == 1 ? "0" + m : m) + "-" + (d.length() == 1 ? "0" + d : d);
    }
    return d + "/" + m + "/" + y;
  }

  public java.time.LocalDate toDate() {
    try {
      return blank() ? null : java.time.LocalDate.parse(toIso());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  public String getDay() {
    return day;
  }

  public void setDay(String day) {
    this.day = day == null ? "" : day;
  }

  public String getMonth() {
    return month;
  }

  public void setMonth(String month) {
    this.month = month == null ? "" : month;
  }

  public String getYear() {
    return year;
  }

  public void setYear(String year) {
    this.year = year == null ? "" : year;
  }
}
