package org.safeload.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The generated Annex A workbook, read back with POI's whole-workbook reader (small enough here):
 * the sample's sheets and headers, the value styles councils' systems write, its own counts, and
 * the same content from the same seed.
 */
class AnnexAWorkbookTest {

  private static final int CHILDREN = 1_200;

  private static XSSFWorkbook open(byte[] bytes) throws Exception {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  private static byte[] write(int children, long seed, AnnexAWorkbook.Counts[] counts)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    counts[0] = AnnexAWorkbook.write(out, children, seed);
    return out.toByteArray();
  }

  private static String text(Cell c) {
    return c == null ? "" : new DataFormatter().formatCellValue(c);
  }

  private static String id(Row row) {
    Cell c = row.getCell(0);
    return c.getCellType() == CellType.NUMERIC
        ? String.valueOf((long) c.getNumericCellValue())
        : c.getStringCellValue();
  }

  @Test
  void theSamplesSheetsAndHeaders() throws Exception {
    AnnexAWorkbook.Counts[] counts = new AnnexAWorkbook.Counts[1];
    byte[] bytes = write(CHILDREN, 1, counts);
    try (InputStream in = getClass().getResourceAsStream("annex-a-sample.xlsx");
        XSSFWorkbook sample = new XSSFWorkbook(in);
        XSSFWorkbook generated = open(bytes)) {
      assertThat(generated.getNumberOfSheets()).isEqualTo(11);
      for (int l = 1; l <= 11; l++) {
        Sheet s = sample.getSheet("List " + l);
        Sheet g = generated.getSheet("List " + l);
        assertThat(g).as("List " + l).isNotNull();
        List<String> expected = new ArrayList<>();
        s.getRow(0).forEach(c -> expected.add(c.getStringCellValue()));
        List<String> actual = new ArrayList<>();
        g.getRow(0).forEach(c -> actual.add(c.getStringCellValue()));
        assertThat(actual).as("List " + l).containsExactlyElementsOf(expected);
        assertThat(g.getLastRowNum()).as("List " + l).isEqualTo(counts[0].rows().get("List " + l));
      }
    }
  }

  @Test
  void volumesOfALargeCouncilScaleWithItsChildren() throws Exception {
    AnnexAWorkbook.Counts[] counts = new AnnexAWorkbook.Counts[1];
    write(CHILDREN, 1, counts);
    Map<String, Integer> rows = counts[0].rows();
    // A tenth of the 12,000-child council: about 600 referrals, 550 assessments, 180 section 47
    // enquiries, 400 children in need, 60 plans and 90 children in care (within a quarter).
    int[] expected = {0, 0, 600, 550, 180, 400, 60, 90};
    for (int l = 3; l <= 8; l++) {
      assertThat(rows.get("List " + l))
          .as("List " + l)
          .isBetween(expected[l - 1] * 3 / 4, expected[l - 1] * 5 / 4);
    }
    assertThat(counts[0].children()).isEqualTo(CHILDREN);
    assertThat(counts[0].referrals()).isEqualTo(rows.get("List 3"));
  }

  @Test
  void valuesAsCouncilsSystemsWriteThem() throws Exception {
    AnnexAWorkbook.Counts[] counts = new AnnexAWorkbook.Counts[1];
    byte[] bytes = write(CHILDREN, 1, counts);
    int nbsp = 0;
    int plainNames = 0;
    int na = 0;
    int formulas = 0;
    int textDates = 0;
    int serialDates = 0;
    int codedEthnicity = 0;
    Set<String> ids = new HashSet<>();
    LocalDate latest = LocalDate.MIN;
    try (XSSFWorkbook wb = open(bytes)) {
      for (int l = 1; l <= 11; l++) {
        Sheet sheet = wb.getSheet("List " + l);
        for (Row row : sheet) {
          if (row.getRowNum() == 0) {
            continue;
          }
          if (l <= 10) {
            ids.add(id(row));
          }
          for (Cell c : row) {
            String header = sheet.getRow(0).getCell(c.getColumnIndex()).getStringCellValue();
            if (c.getCellType() == CellType.FORMULA) {
              formulas++;
              // The cached value is there for a reader that does not evaluate.
              assertThat(c.getCachedFormulaResultType()).isEqualTo(CellType.NUMERIC);
              assertThat(c.getNumericCellValue()).isPositive();
            } else if (c.getCellType() == CellType.ERROR) {
              assertThat(c.getErrorCellValue()).isEqualTo(FormulaError.NA.getCode());
              na++;
            } else if (header.equals("Allocated Worker")) {
              String name = c.getStringCellValue();
              if (name.contains("\u00a0")) {
                nbsp++;
              } else {
                plainNames++;
              }
            } else if (header.startsWith("Date") || header.endsWith("Date")) {
              if (c.getCellType() == CellType.STRING) {
                assertThat(c.getStringCellValue()).matches("\\d\\d/\\d\\d/20\\d\\d");
                textDates++;
              } else {
                assertThat(DateUtil.isCellDateFormatted(c)).as(header).isTrue();
                LocalDate d = c.getLocalDateTimeCellValue().toLocalDate();
                if (!header.equals("Date of Birth")) {
                  assertThat(d)
                      .as(header)
                      .isBetween(LocalDate.of(2025, 1, 1), AnnexAWorkbook.EXTRACT);
                }
                latest = d.isAfter(latest) ? d : latest;
                serialDates++;
              }
            } else if (header.equals("Ethnicity") && text(c).matches("[a-t]\\) [A-Z]{4}")) {
              codedEthnicity++;
            }
          }
        }
      }
    }
    assertThat(ids).hasSize(CHILDREN);
    assertThat(nbsp).isPositive();
    assertThat(plainNames).isPositive();
    assertThat(na).isPositive();
    assertThat(formulas).isPositive();
    assertThat(textDates).isPositive();
    assertThat(serialDates).isGreaterThan(1_000);
    assertThat(codedEthnicity).isGreaterThan(1_000);
    assertThat(latest).isBeforeOrEqualTo(AnnexAWorkbook.EXTRACT);
  }

  @Test
  void itsCasesAreItsReferralsAndTheChildrenOpenBeforeWithNone() throws Exception {
    // Counted from the sheets, independently of the generator's own count: every List 3 row is a
    // case, and so is each child in Lists 4 to 8 with no List 3 row (their records share one);
    // beyond those, a row starting after its case closed (a child coming into care after their
    // child in need case closed) opens one more, and the generator says how many it wrote.
    AnnexAWorkbook.Counts[] counts = new AnnexAWorkbook.Counts[1];
    byte[] bytes = write(CHILDREN, 3, counts);
    try (XSSFWorkbook wb = open(bytes)) {
      Set<String> referred = new HashSet<>();
      Sheet list3 = wb.getSheet("List 3");
      for (Row row : list3) {
        if (row.getRowNum() > 0) {
          referred.add(id(row));
        }
      }
      Set<String> openBefore = new HashSet<>();
      for (int l = 4; l <= 8; l++) {
        for (Row row : wb.getSheet("List " + l)) {
          if (row.getRowNum() > 0 && !referred.contains(id(row))) {
            openBefore.add(id(row));
          }
        }
      }
      assertThat(counts[0].afterClosure()).isPositive();
      assertThat(counts[0].cases() - counts[0].afterClosure())
          .isEqualTo(list3.getLastRowNum() + openBefore.size());
    }
  }

  @Test
  void theSameSeedWritesTheSameCells() throws Exception {
    AnnexAWorkbook.Counts[] a = new AnnexAWorkbook.Counts[1];
    AnnexAWorkbook.Counts[] b = new AnnexAWorkbook.Counts[1];
    AnnexAWorkbook.Counts[] c = new AnnexAWorkbook.Counts[1];
    Map<String, String> first = cells(write(300, 5, a));
    Map<String, String> second = cells(write(300, 5, b));
    Map<String, String> other = cells(write(300, 6, c));
    assertThat(second).isEqualTo(first);
    assertThat(b[0]).isEqualTo(a[0]);
    assertThat(other).isNotEqualTo(first);
  }

  private static Map<String, String> cells(byte[] bytes) throws Exception {
    Map<String, String> cells = new HashMap<>();
    try (XSSFWorkbook wb = open(bytes)) {
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          for (Cell c : row) {
            cells.put(sheet.getSheetName() + "!" + c.getAddress(), c.toString());
          }
        }
      }
    }
    return cells;
  }
}
