package org.safeload.app.annexa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Annex A workbooks made by hand for tests, in the layout of the public sample (a header row per
 * sheet, dates as Excel dates): a sheet per list, each row's cells in the header's order (a {@link
 * LocalDate} becomes an Excel date, a number a number, text text, null a blank cell).
 */
public final class Workbooks {

  /** List 3's columns, as the sample has them. */
  public static final List<String> LIST_3 =
      List.of(
          "Child Unique ID",
          "Gender",
          "Ethnicity",
          "Date of Birth",
          "Age",
          "Date of Referral",
          "Referral Source",
          "Referral NFA?",
          "Number of Referrals in Last 12 Months",
          "Allocated Team",
          "Allocated Worker");

  /** List 4's columns, as the sample has them. */
  public static final List<String> LIST_4 =
      List.of(
          "Child Unique ID",
          "Gender",
          "Ethnicity",
          "Date of Birth",
          "Age",
          "Does the Child have a Disability",
          "Continuous Assessment Start Date",
          "Child Seen During Continuous Assessment",
          "Continuous Assessment Date of Authorisation",
          "Was the child assessed as requiring LA children's social care support?",
          "Allocated Team",
          "Allocated Worker");

  private final List<String> names = new ArrayList<>();
  private final List<List<String>> headers = new ArrayList<>();
  private final List<List<List<Object>>> rows = new ArrayList<>();

  public Workbooks sheet(String name, List<String> header) {
    names.add(name);
    headers.add(header);
    rows.add(new ArrayList<>());
    return this;
  }

  public Workbooks row(Object... cells) {
    rows.getLast().add(java.util.Arrays.asList(cells));
    return this;
  }

  /** A List 3 referral: child, date, team, worker (born 1 March 2012; not NFA). */
  public Workbooks referral(String child, LocalDate date, String team, String worker) {
    return row(
        child,
        "a) Male",
        "a) WBRI",
        LocalDate.of(2012, 3, 1),
        8,
        date,
        "q) 6: Police",
        "No",
        0,
        team,
        worker);
  }

  public byte[] bytes() {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      for (int s = 0; s < names.size(); s++) {
        Sheet sheet = book.createSheet(names.get(s));
        Row head = sheet.createRow(0);
        for (int c = 0; c < headers.get(s).size(); c++) {
          head.createCell(c).setCellValue(headers.get(s).get(c));
        }
        int r = 1;
        for (List<Object> values : rows.get(s)) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v == null) {
              continue;
            }
            Cell cell = row.createCell(c);
            if (v instanceof LocalDate d) {
              cell.setCellValue(d);
              cell.setCellStyle(date);
            } else if (v instanceof Number n) {
              cell.setCellValue(n.doubleValue());
            } else {
              cell.setCellValue(v.toString());
            }
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public sample (liia-tools, MIT: the licence is beside it in the test resources). */
  public static byte[] sample() {
    try (var in = Workbooks.class.getResourceAsStream("/samples/annex-a-sample.xlsx")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
