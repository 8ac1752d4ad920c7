package org.safeload.document;

/** Writing text as CSV cells that a spreadsheet opens as text, never as a formula. */
public final class CsvCells {

  private CsvCells() {}

  /**
   * A text value as one CSV cell (RFC 4180). A value that a spreadsheet would run as a formula, one
   * starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, is
   * written after an apostrophe, as OWASP advises; a value holding a comma, quote or line end is
   * quoted. Numbers the program writes itself are not text and do not come here.
   */
  public static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = formula(value.charAt(0)) ? "'" + value : value;
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static boolean formula(char first) {
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }
}
