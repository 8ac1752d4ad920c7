package org.safeload.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.KpiItems;
import org.safeload.timeliness.KpiRuleSet;
import org.safeload.timeliness.Timeliness;

/**
 * The Annex A reader and its mapping (docs/annex-a.md), on the public sample and hand-made rows.
 */
class AnnexATest {

  @TempDir Path dir;

  private static final List<Object> L3_HEADER =
      List.of(
          "Child Unique ID",
          "Date of Birth",
          "Date of Referral",
          "Referral NFA?",
          "Allocated Team",
          "Allocated Worker");

  private Extract sample() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("annex-a-sample.xlsx")) {
      return AnnexA.read(in, "annex-a-sample.xlsx", ExtractOptions.DEFAULTS);
    }
  }

  @Test
  void theSampleIsReadListByListAndEveryRowIsAccountedFor() throws IOException {
    Extract x = sample();
    assertThat(x.problems()).isEmpty();
    assertThat(x.refused()).isFalse();
    // Rows counted by hand in the sample: List 3 has 6 referrals, 4 to 8 have 5, 5, 5, 7 and 5.
    Map<String, List<Object>> lists = new LinkedHashMap<>();
    for (ListReport l : x.lists()) {
      lists.put(l.list(), List.of(l.used(), l.rows(), l.read(), l.skipped().size()));
    }
    assertThat(lists)
        .containsEntry("List 3 (Referrals)", List.of(true, 6, 6, 0))
        .containsEntry("List 4 (Assessments)", List.of(true, 5, 5, 0))
        .containsEntry("List 5 (Section 47 enquiries)", List.of(true, 5, 5, 0))
        .containsEntry("List 6 (Children in need)", List.of(true, 5, 5, 0))
        .containsEntry("List 7 (Child protection)", List.of(true, 7, 7, 0))
        .containsEntry("List 8 (Children in care)", List.of(true, 5, 5, 0));
    assertThat(x.lists().stream().filter(l -> !l.used()).map(ListReport::list))
        .containsExactly(
            "List 1 (Contacts)",
            "List 2 (Early help assessments)",
            "List 9 (Care leavers)",
            "List 10 (Adoption)",
            "List 11 (Adopters)");
    // The latest date in Lists 3 to 8 is List 6's last seen 44270, 15 March 2021.
    assertThat(x.extractDate()).isEqualTo(LocalDate.of(2021, 3, 15));
    // List 6's five children have #N/A for team and worker: no allocation, listed.
    assertThat(x.unallocated()).hasSize(5).allMatch(u -> u.contains("List 6"));
    // Worker names with non-breaking spaces are normalised; the first named is List 3 row 2's.
    assertThat(x.workers().getFirst()).isEqualTo(new Named("W1", "Dustin Hazlett"));
    assertThat(x.teams().getFirst()).isEqualTo(new Named("T1", "Multi Agency Safeguarding Hub"));
    // Child 6537810 is referred on 16 Sep 2020 (List 3) and has a strategy discussion that day and
    // an ICPC on 5 Oct 2020 (List 5): one case, List 3's worker (not List 5's Reagan Mor).
    assertThat(rows(x, "6537810"))
        .containsExactly(
            "L3-6537810-referral-2020-09-16 referral 6537810-2020-09-16",
            "L3-6537810-allocated-2020-09-16 allocated 6537810-2020-09-16 W1 T1",
            "L5-6537810-strategy-2020-09-16 meeting 6537810-2020-09-16 strategy-discussion",
            "L5-6537810-icpc-2020-10-05 meeting 6537810-2020-09-16 icpc");
    // The events are a valid event file.
    assertThat(EventCsv.read(new StringReader(ExtractFiles.events(x))).problems()).isEmpty();
  }

  @Test
  void theSamplesRulesLeaveOutReferralDecisions() throws IOException {
    Extract x = sample();
    KpiRuleSet rules = KpiRuleSet.read(ExtractFiles.rules(x));
    assertThat(rules.rules())
        .extracting(r -> r.id())
        .containsExactly(
            "assessment-45wd", "icpc-15wd", "rcpc-3m-then-6m", "cp-visit-10wd", "cla-visit-6w");
    assertThat(ExtractFiles.mapping(x)).contains("`referral-decision-1wd`");
  }

  /** A hand-made workbook whose statutory timeliness is worked out by hand (below). */
  private Path handMade() throws IOException {
    LocalDate mar4 = LocalDate.of(2024, 3, 4);
    LocalDate mar5 = LocalDate.of(2024, 3, 5);
    LocalDate mar20 = LocalDate.of(2024, 3, 20);
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    sheets.put(
        "List 1",
        List.of(
            List.of("Child Unique ID", "Date of Contact"),
            List.of("K1", LocalDate.of(2024, 3, 1))));
    sheets.put(
        "List 3",
        List.of(
            L3_HEADER,
            row("K1", LocalDate.of(2014, 1, 1), mar4, "No", "Duty Team", "Ann\u00a0Smith"),
            row("K2", null, mar4, "b) No", "Duty Team", "Ann Smith"),
            row("K3", null, mar4, "a) Yes", "Duty Team", "Bo Jones")));
    sheets.put(
        "List4",
        List.of(
            List.of(
                "Child ID",
                "Continuous Assessment Start Date",
                "Continuous Assessment Date of Authorisation",
                "Allocated Team",
                "Allocated Worker"),
            row("K1", mar5, LocalDate.of(2024, 5, 9), "Duty Team", "Cy Brown"),
            row("K2", mar5, LocalDate.of(2024, 5, 10), "Duty Team", "Ann Smith")));
    sheets.put(
        "List 5 - Section 47",
        List.of(
            List.of(
                "Child Unique ID",
                "Strategy discussion initiating Section 47 Enquiry Start Date",
                "Was an Initial Child Protection Conference deemed unnecessary?",
                "Date of Initial Child Protection Conference",
                "Allocated Team",
                "Allocated Worker"),
            row("K4", mar20, "No", LocalDate.of(2024, 4, 12), "CP Team", "Di Green"),
            row("K5", mar20, "b) No", LocalDate.of(2024, 4, 11), "CP Team", "Di Green"),
            row("K6", "20/03/2024", "", LocalDate.of(2024, 4, 15), "CP Team", "Di Green"),
            row("K7", mar20, "a) Yes", null, "CP Team", "Di Green")));
    sheets.put(
        "List 6",
        List.of(
            List.of(
                "Child Unique ID",
                "CIN Start Date",
                "Date Child Was Last Seen",
                "CIN Closure Date",
                "Allocated Team",
                "Allocated Worker"),
            row(
                "K10",
                LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 6, 3),
                null,
                "Locality Team",
                "")));
    sheets.put(
        "List 7",
        List.of(
            List.of(
                "Child Unique ID",
                "Child Protection Plan Start Date",
                "Date of the Last Statutory Visit",
                "Date of latest review conference",
                "Child Protection Plan End Date",
                "Allocated Team",
                "Allocated Worker"),
            row(
                "K8",
                LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 6, 10),
                LocalDate.of(2024, 5, 20),
                null,
                "CP Team",
                "Ed White"),
            row(
                "K9",
                LocalDate.of(2024, 4, 2),
                LocalDate.of(2024, 5, 28),
                null,
                null,
                "CP Team",
                "Ed White")));
    sheets.put(
        "List 8",
        List.of(
            List.of(
                "Child Unique ID",
                "Date Started to be Looked After",
                "Date of Last Social Work Visit",
                "Date Ceased to be Looked After",
                "Allocated Team",
                "Allocated Worker"),
            row(
                "K11",
                LocalDate.of(2024, 1, 8),
                new Workbooks.Formula("DATE(2024,5,20)", LocalDate.of(2024, 5, 20)),
                null,
                "Care Team",
                Workbooks.NA)));
    return Workbooks.write(dir.resolve("hand-made.xlsx"), sheets);
  }

  private static List<Object> row(Object... cells) {
    return new ArrayList<>(java.util.Arrays.asList(cells));
  }

  @Test
  void theStatutoryTimescalesOfAHandMadeWorkbook() throws IOException {
    Extract x = AnnexA.read(handMade(), new ExtractOptions(LocalDate.of(2024, 6, 14), false));
    assertThat(x.problems()).isEmpty();
    // Worked by hand, as of Fri 14 June 2024 (bank holidays: Good Friday 29 March, Easter Monday
    // 1 April, 6 May):
    // - K1 and K2 referred Mon 4 March: 45 working days run to Thu 9 May. K1's assessment is
    //   authorised on 9 May (met, its last day); K2's on Fri 10 May (late). K3's referral is NFA:
    //   closed the same day, so no assessment is due.
    // - K4–K7: strategy discussions on Wed 20 March; 15 working days run to Fri 12 April. K4's ICPC
    //   is on 12 April (met, its last day), K5's on 11 April (met), K6's on Mon 15 April (late);
    //   K7's conference was deemed unnecessary: no item.
    // - K8, on a plan from 1 May, last visited Mon 10 June: measured from then, the next is due 10
    //   working days on, Mon 24 June (pending, not within 5 working days of the 14th). Its latest
    //   review, Mon 20 May: the next is due six months on, 20 November (pending).
    // - K9, last visited Tue 28 May: due Tue 11 June, overdue. Its plan (from Tue 2 April) has
    //   had no review and no conference is recorded: the plan starts at its initial conference, so
    //   the first review is due three months on, 2 July (pending).
    // - K11 in care from 8 January, last visited Mon 20 May (a formula's cached value): due six
    //   weeks on, Mon 1 July (pending).
    assertThat(items(x, LocalDate.of(2024, 6, 14)))
        .containsExactlyInAnyOrder(
            "assessment-45wd K1 met 2024-05-09",
            "assessment-45wd K2 late 2024-05-09",
            "icpc-15wd K4 met 2024-04-12",
            "icpc-15wd K5 met 2024-04-12",
            "icpc-15wd K6 late 2024-04-12",
            "rcpc-3m-then-6m K8 pending 2024-11-20",
            "cp-visit-10wd K8 pending 2024-06-24",
            "cp-visit-10wd K9 overdue 2024-06-11",
            "rcpc-3m-then-6m K9 pending 2024-07-02",
            "cla-visit-6w K11 pending 2024-07-01");
  }

  @Test
  void eachListsRowsBecomeTheirEvents() throws IOException {
    Extract x = AnnexA.read(handMade(), ExtractOptions.DEFAULTS);
    // List 3 wins the worker over List 4 (Cy Brown): Ann Smith, whose name had a non-breaking
    // space.
    assertThat(rows(x, "K1"))
        .containsExactly(
            "L3-K1-referral-2024-03-04 referral K1-2024-03-04",
            "L3-K1-allocated-2024-03-04 allocated K1-2024-03-04 W1 T1",
            "L4-K1-assessment-2024-05-09 assessment-completed K1-2024-03-04");
    assertThat(rows(x, "K3"))
        .containsExactly(
            "L3-K3-referral-2024-03-04 referral K3-2024-03-04",
            "L3-K3-allocated-2024-03-04 allocated K3-2024-03-04 W2 T1",
            "L3-K3-nfa-2024-03-04 closed K3-2024-03-04");
    // A dd/mm/yyyy text date and a blank "deemed unnecessary" (no).
    assertThat(rows(x, "K6"))
        .containsExactly(
            "L5-K6-allocated-2024-03-20 allocated K6-2024-03-20 W4 T2",
            "L5-K6-strategy-2024-03-20 meeting K6-2024-03-20 strategy-discussion",
            "L5-K6-icpc-2024-04-15 meeting K6-2024-03-20 icpc");
    assertThat(rows(x, "K7"))
        .containsExactly(
            "L5-K7-allocated-2024-03-20 allocated K7-2024-03-20 W4 T2",
            "L5-K7-strategy-2024-03-20 meeting K7-2024-03-20 strategy-discussion-no-icpc");
    // No referral and a blank worker: the case opens with its team only, so no assessment is due.
    assertThat(rows(x, "K10"))
        .containsExactly(
            "L6-K10-team-2024-02-01 transferred K10-2024-02-01 T3",
            "L6-K10-cin-start-2024-02-01 case-type-changed K10-2024-02-01 cin",
            "L6-K10-seen-2024-06-03 visit K10-2024-02-01 seen");
    assertThat(rows(x, "K8"))
        .containsExactly(
            "L7-K8-allocated-2024-05-01 allocated K8-2024-05-01 W5 T2",
            "L7-K8-cp-start-2024-05-01 case-type-changed K8-2024-05-01 cp",
            "L7-K8-review-2024-05-20 meeting K8-2024-05-01 rcpc",
            "L7-K8-measured-from-2024-05-20 measured-from K8-2024-05-01 rcpc-3m-then-6m",
            "L7-K8-visit-2024-06-10 visit K8-2024-05-01 seen",
            "L7-K8-measured-from-2024-06-10 measured-from K8-2024-05-01 cp-visit-10wd");
    // #N/A worker: the team only; the visit date came from a formula's cached value.
    assertThat(rows(x, "K11"))
        .containsExactly(
            "L8-K11-team-2024-01-08 transferred K11-2024-01-08 T4",
            "L8-K11-cla-start-2024-01-08 case-type-changed K11-2024-01-08 cla",
            "L8-K11-cla-visit-2024-05-20 visit K11-2024-01-08 seen",
            "L8-K11-measured-from-2024-05-20 measured-from K11-2024-01-08 cla-visit-6w");
    assertThat(x.workers())
        .extracting(Named::name)
        .containsExactly("Ann Smith", "Bo Jones", "Cy Brown", "Di Green", "Ed White");
    assertThat(x.teams())
        .extracting(Named::name)
        .containsExactly("Duty Team", "CP Team", "Locality Team", "Care Team");
    assertThat(x.children()).hasSize(11);
    assertThat(x.children().getFirst().dateOfBirth()).isEqualTo(LocalDate.of(2014, 1, 1));
    // The latest date in Lists 3 to 8: K8's visit on 10 June 2024.
    assertThat(x.extractDate()).isEqualTo(LocalDate.of(2024, 6, 10));
    // Reading it again gives the same events, ids and all.
    assertThat(AnnexA.read(handMade(), ExtractOptions.DEFAULTS).events()).isEqualTo(x.events());
  }

  @Test
  void headersAreFoundWhateverTheirCaseSpacingAndPunctuation() throws IOException {
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    sheets.put(
        "list_3 - Referrals",
        List.of(
            List.of("Annex A List 3: referrals"),
            List.of(
                "CHILD\u00a0 unique id",
                "Referral Date",
                "Referral NFA (Y/N))",
                " allocated   team ",
                "Allocated Worker"),
            row(12345678, "01/10/2024", "Y", "Duty", "Al Bee")));
    Extract x =
        AnnexA.read(Workbooks.write(dir.resolve("v.xlsx"), sheets), ExtractOptions.DEFAULTS);
    assertThat(x.problems()).isEmpty();
    assertThat(rows(x, "12345678"))
        .containsExactly(
            "L3-12345678-referral-2024-10-01 referral 12345678-2024-10-01",
            "L3-12345678-allocated-2024-10-01 allocated 12345678-2024-10-01 W1 T1",
            "L3-12345678-nfa-2024-10-01 closed 12345678-2024-10-01");
    assertThat(
            x.lists().stream()
                .filter(l -> l.list().startsWith("List 4"))
                .findFirst()
                .orElseThrow()
                .notes())
        .containsExactly("not in the workbook");
  }

  @Test
  void unreadableRowsAreReportedWithSheetRowAndColumnAndRefuseTheWorkbook() throws IOException {
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    sheets.put(
        "List 3",
        List.of(
            L3_HEADER,
            row("K1", null, LocalDate.of(2024, 3, 4), "No", "Duty", "Al Bee"),
            row("", null, LocalDate.of(2024, 3, 4), "No", "Duty", "Al Bee"),
            row("K3", null, "31/02/2024", "No", "Duty", "Al Bee"),
            row("K4", null, LocalDate.of(1998, 3, 4), "maybe", "Duty", "Al Bee")));
    Path file = Workbooks.write(dir.resolve("bad.xlsx"), sheets);
    Extract x = AnnexA.read(file, ExtractOptions.DEFAULTS);
    assertThat(x.refused()).isTrue();
    assertThat(x.problems())
        .extracting(ExtractProblem::text)
        .containsExactly(
            "List 3, row 3, column Child Unique ID: no child id",
            "List 3, row 4, column Date of Referral: is not a date (31/02/2024): give it as a date"
                + " or dd/mm/yyyy",
            "List 3, row 5, column Date of Referral: the date 1998-03-04 is outside the calendar (2000"
                + " to 2040)",
            "List 3, row 5, column Referral NFA?: is neither yes nor no (maybe)");
    // Skipping them: the readable row is read and the report keeps the rest.
    Extract skipping = AnnexA.read(file, new ExtractOptions(null, true));
    assertThat(skipping.refused()).isFalse();
    assertThat(skipping.events()).extracting(ExtractEvent::childId).containsOnly("K1");
    ListReport l3 =
        skipping.lists().stream()
            .filter(l -> l.list().startsWith("List 3"))
            .findFirst()
            .orElseThrow();
    assertThat(List.of(l3.rows(), l3.read(), l3.skipped().size())).containsExactly(4, 1, 3);
    assertThat(ExtractFiles.mapping(skipping))
        .contains("row 5: Date of Referral: the date 1998-03-04");
    // Put right, the workbook gives the same events for K1 and new ones for the rest.
    List<List<Object>> fixed = new ArrayList<>(sheets.get("List 3"));
    fixed.set(2, row("K2", null, LocalDate.of(2024, 3, 4), "No", "Duty", "Al Bee"));
    fixed.set(3, row("K3", null, "29/02/2024", "No", "Duty", "Al Bee"));
    fixed.set(4, row("K4", null, LocalDate.of(2024, 3, 4), "No", "Duty", "Al Bee"));
    Extract again =
        AnnexA.read(
            Workbooks.write(dir.resolve("fixed.xlsx"), Map.of("List 3", fixed)),
            ExtractOptions.DEFAULTS);
    assertThat(again.problems()).isEmpty();
    assertThat(again.events()).containsAll(skipping.events()).hasSize(skipping.events().size() * 4);
  }

  @Test
  void aListWithoutItsNeededColumnsIsReportedOnce() throws IOException {
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    sheets.put("List 6", List.of(List.of("Child Unique ID", "Case Status"), row("K1", "Open")));
    Extract x =
        AnnexA.read(Workbooks.write(dir.resolve("c.xlsx"), sheets), ExtractOptions.DEFAULTS);
    assertThat(x.problems())
        .extracting(ExtractProblem::text)
        .containsExactly(
            "List 6, row 1, column CIN Start Date: no such column in the header, so the list cannot"
                + " be read (headers: Child Unique ID | Case Status)");
  }

  @Test
  void aFileThatIsNotAWorkbookIsRefusedWithAMessage() throws IOException {
    Path notXlsx =
        Files.writeString(dir.resolve("list.xlsx"), "Child Unique ID,Date of Referral\n");
    Extract x = AnnexA.read(notXlsx, new ExtractOptions(null, true));
    assertThat(x.refused()).isTrue();
    assertThat(x.problems())
        .extracting(ExtractProblem::text)
        .containsExactly(
            "list.xlsx: is not an Excel workbook (.xlsx) that can be read: save it from Excel as an"
                + " .xlsx workbook");
  }

  /** A child's events as "id type case [worker team] [detail]", in file order. */
  private static List<String> rows(Extract x, String child) {
    List<String> out = new ArrayList<>();
    for (ExtractEvent e : x.events()) {
      if (e.childId().equals(child)) {
        StringBuilder s = new StringBuilder(e.eventId() + " " + e.type().code() + " " + e.caseId());
        for (String v : List.of(e.workerId(), e.teamId(), e.detail())) {
          if (!v.isEmpty()) {
            s.append(' ').append(v);
          }
        }
        out.add(s.toString());
      }
    }
    return out;
  }

  /** Every item of the extract's rules as "rule child status deadline", as of a date. */
  static List<String> items(Extract x, LocalDate asOf) {
    var read = EventCsv.read(new StringReader(ExtractFiles.events(x)));
    assertThat(read.problems()).isEmpty();
    KpiRuleSet rules = KpiRuleSet.read(ExtractFiles.rules(x));
    KpiItems items =
        new Timeliness(WorkingCalendar.englandAndWales())
            .evaluate(read.log(), rules, asOf, Map.of());
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      out.add(
          rules.rules().get(items.rule(i)).id()
              + " "
              + read.log().children().get(items.childOf(i))
              + " "
              + new String[] {"met", "late", "overdue", "pending"}[items.status(i)]
              + " "
              + LocalDate.ofEpochDay(items.deadlineDay(i)));
    }
    return out;
  }
}
