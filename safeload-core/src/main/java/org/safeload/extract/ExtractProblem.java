package org.safeload.extract;

/**
 * A row that could not be read: the sheet (or file), its row (or line), the column and why. Row 0
 * is the sheet or file as a whole.
 */
public record ExtractProblem(String sheet, int row, String column, String reason) {

  /** "List 4, row 7, column Continuous Assessment Start Date: not a date (31/02/2021)". */
  public String text() {
    StringBuilder s = new StringBuilder(sheet);
    if (row > 0) {
      s.append(", row ").append(row);
    }
    if (column != null && !column.isEmpty()) {
      s.append(", column ").append(column);
    }
    return s.append(": ").append(reason).toString();
  }
}
