package org.safeload.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small workbooks written for tests, sheet by sheet, row by row. */
final class Workbooks {

  /** A cell holding #N/A (as a lookup that found nothing leaves it). */
  static final Object NA = new Object();

  /** A formula with its cached value (a date), as Excel saves it. */
  record Formula(String formula, LocalDate value) {}

  private Workbooks() {}

  /** Writes the sheets (name to rows; a row's cells are String, Number, LocalDate, NA, Formula). */
  static Path write(Path file, Map<String, List<List<Object>>> sheets) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      var dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      for (var sheet : sheets.entrySet()) {
        XSSFSheet s = wb.createSheet(sheet.getKey());
        int r = 0;
        for (List<Object> cells : sheet.getValue()) {
          XSSFRow row = s.createRow(r++);
          for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            if (v == null) {
              continue;
            }
            XSSFCell cell = row.createCell(c);
            switch (v) {
              case String t -> cell.setCellValue(t);
              case Number n -> cell.setCellValue(n.doubleValue());
              case LocalDate d -> {
                cell.setCellValue(d);
                cell.setCellStyle(dateStyle);
              }
              case Formula f -> {
                cell.setCellFormula(f.formula());
                cell.setCellValue(f.value());
                cell.setCellStyle(dateStyle);
              }
              default -> cell.setCellErrorValue(FormulaError.NA);
            }
          }
        }
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    return file;
  }
}
