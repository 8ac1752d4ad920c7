package org.safeload.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases an outside review of the Annex A and census readers found, each worked by hand. */
class AnnexAReviewTest {

  @TempDir Path dir;

  static final List<Object> L3 =
      List.of(
          "Child Unique ID",
          "Date of Referral",
          "Referral NFA?",
          "Allocated Team",
          "Allocated Worker");
  static final List<Object> L4 =
      List.of(
          "Child Unique ID",
          "Continuous Assessment Start Date",
          "Continuous Assessment Date of Authorisation",
          "Allocated Team",
          "Allocated Worker");
  static final List<Object> L6 =
      List.of(
          "Child Unique ID",
          "CIN Start Date",
          "Date Child Was Last Seen",
          "CIN Closure Date",
          "Allocated Team",
          "Allocated Worker");
  static final List<Object> L7 =
      List.of(
          "Child Unique ID",
          "Child Protection Plan Start Date",
          "Date of the Last Statutory Visit",
          "Date of latest review conference",
          "Child Protection Plan End Date",
          "Allocated Team",
          "Allocated Worker");
  static final List<Object> L8 =
      List.of(
          "Child Unique ID",
          "Date Started to be Looked After",
          "Date of Last Social Work Visit",
          "Date Ceased to be Looked After",
          "Allocated Team",
          "Allocated Worker");

  static List<Object> row(Object... cells) {
    return new ArrayList<>(Arrays.asList(cells));
  }

  static LocalDate d(int y, int m, int day) {
    return LocalDate.of(y, m, day);
  }

  Extract read(String name, Map<String, List<List<Object>>> sheets, ExtractOptions o)
      throws IOException {
    return AnnexA.read(Workbooks.write(dir.resolve(name), sheets), o);
  }

  // Each assessment with no List 3 referral before it gets its own, whatever the row order.
  @Test
  void assessmentsWithNoReferralGroupTheSameWhateverTheirRowOrder() throws IOException {
    List<Object> jan = row("K1", d(2024, 1, 10), d(2024, 2, 1), "Duty", "Al Bee");
    List<Object> mar = row("K1", d(2024, 3, 1), d(2024, 4, 1), "Duty", "Al Bee");
    Extract a = read("a.xlsx", Map.of("List 4", List.of(L4, jan, mar)), ExtractOptions.DEFAULTS);
    Extract b = read("b.xlsx", Map.of("List 4", List.of(L4, mar, jan)), ExtractOptions.DEFAULTS);
    // The issue: "when there is none [List 3 referral], to a referral written on the assessment
    // start
    // date": each assessment gets its own referral, so 2 cases either way.
    assertThat(b.cases()).isEqualTo(2);
    assertThat(a.cases()).isEqualTo(2);
  }

  // A row starting after its episode closed opens an episode of its own: a later care start does
  // not land on a closed case.
  @Test
  void aChildComingIntoCareTheDayTheirCinCaseClosesIsANewCase() throws IOException {
    Map<String, List<List<Object>>> s = new LinkedHashMap<>();
    s.put(
        "List 6",
        List.of(L6, row("K1", d(2024, 1, 8), d(2024, 2, 1), d(2024, 3, 1), "CIN", "Al Bee")));
    s.put("List 8", List.of(L8, row("K1", d(2024, 3, 1), d(2024, 4, 1), null, "Care", "Al Bee")));
    Extract x = read("same-day.xlsx", s, ExtractOptions.DEFAULTS);
    assertThat(x.cases()).isEqualTo(2);
    // Last seen Mon 1 April; 6 weeks on is Mon 13 May: overdue on 14 June.
    assertThat(items(x, d(2024, 6, 14))).contains("cla-visit-6w K1 overdue 2024-05-13");
  }

  @Test
  void aChildInCareAfterAClosedCinIsStillMeasured() throws IOException {
    Map<String, List<List<Object>>> s = new LinkedHashMap<>();
    s.put(
        "List 6",
        List.of(L6, row("K1", d(2024, 1, 8), d(2024, 2, 1), d(2024, 3, 1), "CIN", "Al Bee")));
    s.put("List 8", List.of(L8, row("K1", d(2024, 3, 4), d(2024, 4, 1), null, "Care", "Al Bee")));
    Extract x = read("c.xlsx", s, ExtractOptions.DEFAULTS);
    // Last seen Mon 1 April; 6 weeks on is Mon 13 May: overdue on 14 June.
    assertThat(items(x, d(2024, 6, 14))).contains("cla-visit-6w K1 overdue 2024-05-13");
  }

  // Skipping then fixing: no event already written changes case, so the re-import is accepted.
  @Test
  void reReadingAfterAFixKeepsEveryEventAlreadyWritten() throws IOException {
    List<Object> assess = row("K1", d(2024, 3, 5), d(2024, 4, 10), "Duty", "Al Bee");
    Extract skipped =
        read(
            "s.xlsx",
            Map.of(
                "List 3",
                List.of(L3, row("K1", d(2024, 3, 4), "maybe", "Duty", "Al Bee")),
                "List 4",
                List.of(L4, assess)),
            new ExtractOptions(null, true));
    Extract fixed =
        read(
            "f.xlsx",
            Map.of(
                "List 3",
                List.of(L3, row("K1", d(2024, 3, 4), "No", "Duty", "Al Bee")),
                "List 4",
                List.of(L4, assess)),
            ExtractOptions.DEFAULTS);
    Map<String, ExtractEvent> after = new LinkedHashMap<>();
    fixed.events().forEach(e -> after.put(e.eventId(), e));
    for (ExtractEvent e : skipped.events()) {
      if (after.containsKey(e.eventId())) {
        assertThat(after.get(e.eventId())).isEqualTo(e);
      }
    }
  }

  // The exact header wins over a short variant earlier in the row.
  @Test
  void theFullHeaderWinsOverAShortVariantBeforeIt() throws IOException {
    Extract x =
        read(
            "h.xlsx",
            Map.of(
                "List 3",
                List.of(
                    List.of(
                        "ID",
                        "Child Unique ID",
                        "Date of Referral",
                        "Allocated Team",
                        "Worker",
                        "Allocated Worker"),
                    row("R-991", "K1", d(2024, 3, 4), "Duty", "Referrer Jones", "Al Bee"))),
            ExtractOptions.DEFAULTS);
    assertThat(x.children()).extracting(c -> c.id()).containsExactly("K1");
    assertThat(x.workers()).extracting(Named::name).containsExactly("Al Bee");
  }

  // A malformed cell reference is a problem, not hundreds of millions of padded cells.
  @Test
  void aCellBeyondTheLastColumnIsAProblem() throws IOException {
    Path f =
        Workbooks.write(
            dir.resolve("z.xlsx"),
            Map.of("List 3", List.of(L3, row("K1", d(2024, 3, 4), "No", "Duty", "Al Bee"))));
    Path bad = rewrite(f, "xl/worksheets/sheet1.xml", x -> x.replace("r=\"B2\"", "r=\"ZZZZZZ2\""));
    Extract x = AnnexA.read(bad, ExtractOptions.DEFAULTS);
    assertThat(x.refused()).isTrue();
    assertThat(x.problems())
        .extracting(ExtractProblem::text)
        .containsExactly("List 3, row 2: has a cell beyond the last column (ZZZZZZ2)");
  }

  @Test
  void anEmptyFileOrAMissingSharedStringIsAProblem() throws IOException {
    Path empty = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
    String notAWorkbook =
        ": is not an Excel workbook (.xlsx) that can be read: save it from Excel as an .xlsx"
            + " workbook";
    assertThat(AnnexA.read(empty, ExtractOptions.DEFAULTS).problems())
        .extracting(ExtractProblem::text)
        .containsExactly("empty.xlsx" + notAWorkbook);
    try (var in = Files.newInputStream(empty)) {
      assertThat(AnnexA.read(in, "e.xlsx", ExtractOptions.DEFAULTS).problems())
          .extracting(ExtractProblem::text)
          .containsExactly("e.xlsx" + notAWorkbook);
    }
    Path f =
        Workbooks.write(
            dir.resolve("ss.xlsx"),
            Map.of("List 3", List.of(L3, row("K1", d(2024, 3, 4), "No", "Duty", "Al Bee"))));
    Path bad =
        rewrite(
            f,
            "xl/worksheets/sheet1.xml",
            x -> x.replaceFirst("(<c r=\"A2\" t=\"s\"[^>]*><v>)\\d+", "$19999"));
    assertThat(AnnexA.read(bad, ExtractOptions.DEFAULTS).problems())
        .extracting(ExtractProblem::text)
        .containsExactly("List 3, row 2: has a cell whose text is missing from the workbook");
  }

  // A sheet "List 12" (or "List 0") is reported as another sheet.
  @Test
  void everySheetIsInTheReport() throws IOException {
    Extract x =
        read(
            "l12.xlsx",
            Map.of(
                "List 3",
                List.of(L3, row("K1", d(2024, 3, 4), "No", "Duty", "Al Bee")),
                "List 12",
                List.of(List.of("Child Unique ID"), row("K9"))),
            ExtractOptions.DEFAULTS);
    assertThat(x.lists()).anyMatch(l -> "List 12".equals(l.sheet()));
  }

  // A workbook without any of Lists 3 to 8 is refused.
  @Test
  void aWorkbookWithNoListsIsRefused() throws IOException {
    Extract x =
        read(
            "none.xlsx",
            Map.of("Sheet1", List.of(List.of("Child Unique ID"), row("K1"))),
            ExtractOptions.DEFAULTS);
    assertThat(x.refused()).isTrue();
  }

  // The 1904 date system.
  @Test
  void dates1904() throws IOException {
    Path f =
        Workbooks.write(
            dir.resolve("w.xlsx"),
            Map.of("List 3", List.of(L3, row("K1", 40_000, "No", "Duty", "Al Bee"))));
    Path g =
        rewrite(f, "xl/workbook.xml", x -> x.replace("date1904=\"false\"", "date1904=\"true\""));
    Extract x = AnnexA.read(g, ExtractOptions.DEFAULTS);
    assertThat(x.problems()).isEmpty();
    // Serial 40,000 counts from 1 January 1904 in such a workbook (7 July 2013), not from 30
    // December 1899 (6 July 2009).
    assertThat(x.extractDate()).isEqualTo(LocalDate.of(1904, 1, 1).plusDays(40_000));
  }

  // A visit on the plan's start day starts the measured window and meets nothing (docs: "a target
  // at the same instant as the measured-from meets nothing").
  @Test
  void aVisitOnThePlansFirstDayMeetsNothing() throws IOException {
    Extract x =
        read(
            "si.xlsx",
            Map.of(
                "List 7",
                List.of(L7, row("K1", d(2024, 6, 3), d(2024, 6, 3), null, null, "CP", "Al Bee"))),
            ExtractOptions.DEFAULTS);
    // 10 working days after Mon 3 June: Mon 17 June; and, with no review or conference recorded,
    // the first review is due three months after the plan's start, 3 September.
    assertThat(items(x, d(2024, 6, 14)))
        .containsExactlyInAnyOrder(
            "cp-visit-10wd K1 pending 2024-06-17", "rcpc-3m-then-6m K1 pending 2024-09-03");
  }

  // A plan started over 3 months ago with no review and no ICPC in List 5: its review is overdue.
  @Test
  void aPlanWithNoReviewForMonthsIsOverdue() throws IOException {
    Extract x =
        read(
            "nr.xlsx",
            Map.of(
                "List 7",
                List.of(L7, row("K1", d(2024, 1, 2), d(2024, 6, 10), null, null, "CP", "Al Bee"))),
            ExtractOptions.DEFAULTS);
    assertThat(items(x, d(2024, 6, 14))).anyMatch(i -> i.startsWith("rcpc-3m-then-6m K1 overdue"));
  }

  // Census: two episodes referred before the census year have a measured-from each.
  @Test
  void eachEpisodeBeforeTheCensusYearIsMeasuredFromItsStart() {
    String xml =
        CinCensusTest.text(CinCensusTest.HAND_MADE)
            .replace("<CINreferralDate>2022-05-03", "<CINreferralDate>2021-05-03")
            .replace("<CINclosureDate>2022-05-03", "<CINclosureDate>2021-05-03")
            .replace("<CINreferralDate>2022-09-05", "<CINreferralDate>2021-09-05");
    Extract x = CinCensusTest.read(xml, "c.xml", ExtractOptions.DEFAULTS);
    assertThat(x.problems()).isEmpty();
    assertThat(x.events())
        .filteredOn(e -> e.childId().equals("CH003") && e.type().code().equals("measured-from"))
        .extracting(ExtractEvent::caseId)
        .containsExactlyInAnyOrder("CH003-2021-05-03", "CH003-2021-09-05");
  }

  static Path rewrite(Path in, String entry, UnaryOperator<String> edit) throws IOException {
    Path out = in.resolveSibling("re-" + in.getFileName());
    try (ZipFile z = new ZipFile(in.toFile());
        ZipOutputStream o = new ZipOutputStream(Files.newOutputStream(out))) {
      for (var e : java.util.Collections.list(z.entries())) {
        byte[] b = z.getInputStream(e).readAllBytes();
        if (e.getName().equals(entry)) {
          b = edit.apply(new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        o.putNextEntry(new ZipEntry(e.getName()));
        o.write(b);
        o.closeEntry();
      }
    }
    return out;
  }

  static List<String> items(Extract x, LocalDate asOf) {
    return AnnexATest.items(x, asOf);
  }
}
