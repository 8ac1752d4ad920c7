package org.safeload.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeload.timeliness.ChildCsv;

/**
 * The children in need census (docs/annex-a.md, "Children in need census"): the Department's sample
 * (liia-tools, MIT: LICENSE-liia-tools.txt beside it) follows the schema and is refused for its
 * 1970s dates; a hand-made return with dates in the calendar maps to events worked out by hand; a
 * broken copy is refused with the schema's messages and lines.
 */
class CinCensusTest {

  static final String SAMPLE = "cin-census-2022-sample.xml";
  static final String HAND_MADE = "cin-census-hand-made.xml";

  static String text(String resource) {
    try (InputStream in = CinCensusTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Extract read(String xml, String name, ExtractOptions options) {
    return CinCensus.read(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), name, options);
  }

  /** Each list's rows are read or skipped, one by one. */
  static void everyRowIsAccountedFor(Extract x) {
    for (ListReport l : x.lists()) {
      assertThat(l.read() + l.skipped().size()).as(l.list()).isEqualTo(l.rows());
    }
  }

  static List<String> problems(Extract x) {
    return x.problems().stream().map(ExtractProblem::text).toList();
  }

  @Test
  void theSampleFollowsTheSchema() throws IOException {
    try (InputStream in = CinCensusTest.class.getResourceAsStream(SAMPLE)) {
      assertThat(CinCensus.validate(in, SAMPLE)).isEmpty();
    }
    try (InputStream in = CinCensusTest.class.getResourceAsStream(HAND_MADE)) {
      assertThat(CinCensus.validate(in, HAND_MADE)).isEmpty();
    }
  }

  @Test
  void theSamplesDatesAreOutsideTheCalendarSoItIsRefused() {
    Extract x = read(text(SAMPLE), SAMPLE, ExtractOptions.DEFAULTS);
    // Every date the sample gives (the child's birth in 1966 and death in 1980, the CINdetails' in
    // 1970 and 1971; lines read from the file) is before the calendar's first year, 2000.
    String outside = " is outside the calendar (2000 to 2040)";
    assertThat(problems(x))
        .containsExactly(
            SAMPLE + ", row 24, column PersonBirthDate: the date 1966-03-24" + outside,
            SAMPLE + ", row 25, column ExpectedPersonBirthDate: the date 1966-03-22" + outside,
            SAMPLE + ", row 27, column PersonDeathDate: the date 1980-10-08" + outside,
            SAMPLE + ", row 37, column CINreferralDate: the date 1970-10-06" + outside,
            SAMPLE + ", row 40, column CINclosureDate: the date 1971-02-27" + outside,
            SAMPLE + ", row 44, column AssessmentActualStartDate: the date 1970-06-03" + outside,
            SAMPLE + ", row 46, column AssessmentAuthorisationDate: the date 1971-07-18" + outside,
            SAMPLE + ", row 53, column CINPlanStartDate: the date 1971-01-24" + outside,
            SAMPLE + ", row 57, column S47ActualStartDate: the date 1970-06-02" + outside,
            SAMPLE + ", row 59, column DateOfInitialCPC: the date 1970-06-17" + outside,
            SAMPLE + ", row 64, column CPPstartDate: the date 1970-02-17" + outside,
            SAMPLE + ", row 65, column CPPendDate: the date 1971-03-14" + outside,
            SAMPLE + ", row 70, column CPPreviewDate: the date 1971-02-15" + outside);
    assertThat(x.refused()).isTrue();
    assertThat(x.events()).isEmpty();
    assertThat(x.extractDate()).isEqualTo(LocalDate.of(2022, 3, 31)); // the Header's ReferenceDate
    ListReport episodes = x.lists().get(1);
    assertThat(episodes.rows()).isEqualTo(1);
    assertThat(episodes.read()).isZero();
    assertThat(episodes.skipped()).singleElement().asString().startsWith("CINdetails at line 36:");

    // Skipping the unreadable leaves nothing: refused all the same, with the problems kept.
    Extract skipping = read(text(SAMPLE), SAMPLE, new ExtractOptions(null, true));
    assertThat(skipping.refused()).isTrue();
    assertThat(skipping.events()).isEmpty();
    assertThat(skipping.children()).isEmpty();
    assertThat(skipping.problems()).hasSize(13);
    everyRowIsAccountedFor(x);
    everyRowIsAccountedFor(skipping);
    assertThat(skipping.lists().get(6).skipped())
        .containsExactly("line 70: its CINdetails (line 36) is skipped");
  }

  /**
   * The hand-made return's events, worked out from the file by hand (docs/annex-a.md): one case per
   * CINdetails, named by the child and the referral date; at one instant a type change comes before
   * a meeting, and a meeting before an assessment's completion or a closure.
   */
  static final String HAND_MADE_EVENTS =
      """
      event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date
      CIN-CH001-referral-2022-04-04,2022-04-04T00:00,referral,CH001-2022-04-04,CH001,,,,,
      CIN-CH001-cin-start-2022-06-10,2022-06-10T00:00,case-type-changed,CH001-2022-04-04,CH001,,,cin,,
      CIN-CH001-assessment-2022-06-10,2022-06-10T00:00,assessment-completed,CH001-2022-04-04,CH001,,,,,
      CIN-CH001-strategy-2022-07-01,2022-07-01T00:00,meeting,CH001-2022-04-04,CH001,,,strategy-discussion,,
      CIN-CH001-cp-start-2022-07-20,2022-07-20T00:00,case-type-changed,CH001-2022-04-04,CH001,,,cp,,
      CIN-CH001-icpc-2022-07-20,2022-07-20T00:00,meeting,CH001-2022-04-04,CH001,,,icpc,,
      CIN-CH001-review-2022-10-18,2022-10-18T00:00,meeting,CH001-2022-04-04,CH001,,,rcpc,,
      CIN-CH001-cp-end-2023-01-10,2023-01-10T00:00,stepped-down,CH001-2022-04-04,CH001,,,cin,,
      CIN-CH001-cin-closure-2023-02-28,2023-02-28T00:00,closed,CH001-2022-04-04,CH001,,,,,
      CIN-CH002-referral-2022-04-04,2022-04-04T00:00,referral,CH002-2022-04-04,CH002,,,,,
      CIN-CH002-strategy-2022-05-10,2022-05-10T00:00,meeting,CH002-2022-04-04,CH002,,,strategy-discussion-no-icpc,,
      CIN-CH002-assessment-2022-06-14,2022-06-14T00:00,assessment-completed,CH002-2022-04-04,CH002,,,,,
      CIN-CH002-cin-closure-2022-06-20,2022-06-20T00:00,closed,CH002-2022-04-04,CH002,,,,,
      CIN-CH003-referral-2022-05-03,2022-05-03T00:00,referral,CH003-2022-05-03,CH003,,,,,
      CIN-CH003-nfa-2022-05-03,2022-05-03T00:00,closed,CH003-2022-05-03,CH003,,,,,
      CIN-CH003-referral-2022-09-05,2022-09-05T00:00,referral,CH003-2022-09-05,CH003,,,,,
      CIN-CH003-strategy-2023-03-01,2023-03-01T00:00,meeting,CH003-2022-09-05,CH003,,,strategy-discussion,,
      """;

  @Test
  void aHandMadeReturnMapsToTheEventsWorkedOutByHand() {
    Extract x = read(text(HAND_MADE), HAND_MADE, ExtractOptions.DEFAULTS);
    assertThat(x.problems()).isEmpty();
    assertThat(x.refused()).isFalse();
    // CH001: the CIN plan's end (20 July) is not an event; the CP plan's end steps down to cin; the
    // closure rides on the CIN plan. Its episode-level DateOfInitialCPC is its Section47's.
    // CH002: ICPCnotRequired 1 makes the strategy discussion one with no conference due; with no
    // CIN plan, the closure is written alone.
    // CH003: an NFA referral is closed that day (its CINclosureDate, the same day, adds nothing);
    // the second episode's assessment is open (no event) and its enquiry has had no conference.
    assertThat(ExtractFiles.events(x)).isEqualTo(HAND_MADE_EVENTS);
    assertThat(x.children())
        .containsExactly(
            new ChildCsv.Child("CH001", LocalDate.of(2015, 6, 1), null),
            new ChildCsv.Child("CH002", LocalDate.of(2019, 1, 15), null),
            new ChildCsv.Child("CH003", LocalDate.of(2010, 9, 9), null));
    assertThat(x.workers()).isEmpty();
    assertThat(x.teams()).isEmpty();
    assertThat(x.unallocated()).isEmpty();
    assertThat(x.cases()).isEqualTo(4);
    assertThat(x.extractDate()).isEqualTo(LocalDate.of(2023, 3, 31));
    assertThat(x.kind()).isEqualTo("Children in need census");
    // Counted by hand: 3 children, 4 CINdetails, 3 assessments, 1 CIN plan, 3 enquiries, 1 plan,
    // 1 review; all read.
    assertThat(x.lists())
        .extracting(l -> l.list() + " " + l.rows() + "/" + l.read())
        .containsExactly(
            "Children (Child) 3/3",
            "Episodes (CINdetails) 4/4",
            "Assessments 3/3",
            "CIN plans (CINPlanDates) 1/1",
            "Section 47 enquiries (Section47) 3/3",
            "Child protection plans (ChildProtectionPlans) 1/1",
            "Review conferences (CPPreviewDate) 1/1");
    everyRowIsAccountedFor(x);
  }

  @Test
  void anEpisodeReferredBeforeTheCensusYearIsMeasuredFromTheYearsStart() {
    // The reference date is 31 March 2023, so the census year starts on 1 April 2022. CH002
    // referred
    // on 1 December 2021 instead: its assessment (authorised 14 June 2022) may have been one of
    // several, the earlier ones not in this return, so its timescales run from 1 April 2022.
    String xml =
        text(HAND_MADE)
            .replaceFirst(
                "(<LAchildID>CH002</LAchildID>[\\s\\S]*?<CINreferralDate>)2022-04-04",
                "$12021-12-01");
    Extract x = read(xml, HAND_MADE, ExtractOptions.DEFAULTS);
    assertThat(x.problems()).isEmpty();
    assertThat(ExtractFiles.events(x))
        .contains(
            "CIN-CH002-referral-2021-12-01,2021-12-01T00:00,referral,CH002-2021-12-01,CH002,,,,,\n"
                + "CIN-CH002-measured-from-2021-12-01-2022-04-01,2022-04-01T00:00,measured-from,"
                + "CH002-2021-12-01,CH002,,,assessment-45wd icpc-15wd rcpc-3m-then-6m,,\n");
    // So its referral gives no assessment item (it would be late: 45 working days from 1 December
    // 2021 ran out in February 2022), and CH001's is still measured (met on 10 June 2022).
    var read =
        org.safeload.timeliness.EventCsv.read(new java.io.StringReader(ExtractFiles.events(x)));
    var rules = org.safeload.timeliness.KpiRuleSet.read(ExtractFiles.rules(x));
    var items =
        new org.safeload.timeliness.Timeliness(
                org.safeload.calendar.WorkingCalendar.englandAndWales())
            .evaluate(read.log(), rules, LocalDate.of(2023, 3, 31), java.util.Map.of());
    List<String> assessments = new java.util.ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (rules.rules().get(items.rule(i)).id().equals("assessment-45wd")) {
        assessments.add(read.log().children().get(items.childOf(i)) + " " + items.status(i));
      }
    }
    assertThat(assessments).containsExactlyInAnyOrder("CH001 0", "CH003 2");
  }

  @Test
  void whatTheCensusCannotMeasureIsLeftOutOfItsRules() {
    Extract x = read(text(HAND_MADE), HAND_MADE, ExtractOptions.DEFAULTS);
    assertThat(x.notMeasured())
        .containsOnlyKeys("referral-decision-1wd", "cp-visit-10wd", "cla-visit-6w");
    String rules = ExtractFiles.rules(x);
    assertThat(rules)
        .contains("id: statutory-measurable")
        .contains("  - id: assessment-45wd")
        .contains("  - id: icpc-15wd")
        .contains("  - id: rcpc-3m-then-6m")
        .doesNotContain("referral-decision-1wd")
        .doesNotContain("cp-visit-10wd")
        .doesNotContain("cla-visit-6w");
    assertThat(ExtractFiles.mapping(x))
        .contains("- `cp-visit-10wd`: the census holds no visits")
        .contains("The census names no workers or teams");
  }

  @Test
  void theExtractDateIsTheOptionsThenTheReferenceDateThenTheLatestDate() {
    String xml = text(HAND_MADE);
    assertThat(
            read(xml, HAND_MADE, new ExtractOptions(LocalDate.of(2023, 1, 31), false))
                .extractDate())
        .isEqualTo(LocalDate.of(2023, 1, 31));
    String noReference = xml.replace("<ReferenceDate>2023-03-31</ReferenceDate>", "");
    // The latest date read is CH003's strategy discussion, 1 March 2023.
    assertThat(read(noReference, HAND_MADE, ExtractOptions.DEFAULTS).extractDate())
        .isEqualTo(LocalDate.of(2023, 3, 1));
  }

  @Test
  void aDateOutsideTheCalendarRefusesTheFileOrSkipsItsCinDetails() {
    // CH002's referral moved to 1999 (line 77 of the hand-made file).
    String xml =
        text(HAND_MADE)
            .replace(
                "<CINreferralDate>2022-04-04</CINreferralDate>\n        <ReferralSource>1A"
                    + "</ReferralSource>\n        <CINclosureDate>2022-06-20",
                "<CINreferralDate>1999-12-31</CINreferralDate>\n        <ReferralSource>1A"
                    + "</ReferralSource>\n        <CINclosureDate>2022-06-20");
    Extract refused = read(xml, "moved.xml", ExtractOptions.DEFAULTS);
    assertThat(problems(refused))
        .containsExactly(
            "moved.xml, row 77, column CINreferralDate: the date 1999-12-31 is outside the"
                + " calendar (2000 to 2040)");
    assertThat(refused.refused()).isTrue();

    Extract skipping = read(xml, "moved.xml", new ExtractOptions(null, true));
    assertThat(skipping.refused()).isFalse();
    assertThat(skipping.problems()).hasSize(1);
    // CH002's CINdetails is left out; the rest are as read from the whole file.
    assertThat(skipping.events()).noneMatch(e -> e.childId().equals("CH002"));
    assertThat(skipping.events()).hasSize(18 - 5);
    assertThat(skipping.children())
        .extracting(ChildCsv.Child::id)
        .containsExactly("CH001", "CH003");
    assertThat(skipping.lists().get(1).skipped())
        .containsExactly("CINdetails at line 76: line 77, CINreferralDate (below)");
    // Its assessment (line 81) and enquiry (line 85) go with it.
    assertThat(skipping.lists().get(2).skipped())
        .containsExactly("line 81: its CINdetails (line 76) is skipped");
    assertThat(skipping.lists().get(4).skipped())
        .containsExactly("line 85: its CINdetails (line 76) is skipped");
    everyRowIsAccountedFor(skipping);
  }

  @Test
  void aBrokenCopyIsRefusedWithTheSchemasMessagesAndLines() {
    String xml =
        text(HAND_MADE)
            // A date that is not one (line 38).
            .replace(
                "<AssessmentActualStartDate>2022-04-05</AssessmentActualStartDate>",
                "<AssessmentActualStartDate>05/04/2022</AssessmentActualStartDate>")
            // ReferralNFA before the referral date (line 77, after the CINdetails of line 76): out
            // of the schema's order.
            .replace(
                "<CINdetails>\n        <CINreferralDate>2022-04-04</CINreferralDate>\n"
                    + "        <ReferralSource>1A</ReferralSource>\n"
                    + "        <CINclosureDate>2022-06-20",
                "<CINdetails>\n        <ReferralNFA>0</ReferralNFA>\n"
                    + "        <CINreferralDate>2022-04-04</CINreferralDate>\n"
                    + "        <ReferralSource>1A</ReferralSource>\n"
                    + "        <CINclosureDate>2022-06-20");
    for (boolean skip : new boolean[] {false, true}) {
      Extract x = read(xml, "broken.xml", new ExtractOptions(null, skip));
      assertThat(x.refused()).as("refused whatever --skip-invalid says").isTrue();
      assertThat(x.events()).isEmpty();
      assertThat(x.children()).isEmpty();
      assertThat(problems(x))
          .containsExactly(
              "broken.xml, row 38, column AssessmentActualStartDate: cvc-datatype-valid.1.2.1:"
                  + " '05/04/2022' is not a valid value for 'date'.",
              "broken.xml, row 38, column AssessmentActualStartDate: cvc-type.3.1.3: The value"
                  + " '05/04/2022' of element 'AssessmentActualStartDate' is not valid.",
              "broken.xml, row 77, column ReferralNFA: cvc-complex-type.2.4.a: Invalid content was"
                  + " found starting with element 'ReferralNFA'. One of '{CINreferralDate}' is"
                  + " expected.");
    }
  }

  @Test
  void aThousandSchemaProblemsAreListedAndTheRestCounted() {
    // 600 children with a gender code the schema does not have: two messages each (the
    // enumeration, then the element's value), 1,200 in all.
    String child =
        "<Child><ChildIdentifiers><LAchildID>C</LAchildID><GenderCurrent>7</GenderCurrent>"
            + "</ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity>"
            + "</ChildCharacteristics><CINdetails><CINreferralDate>2022-04-04</CINreferralDate>"
            + "<ReferralSource>1A</ReferralSource><ReferralNFA>0</ReferralNFA></CINdetails>"
            + "</Child>\n";
    String xml = "<Message><Children>\n" + child.repeat(600) + "</Children></Message>\n";
    Extract x = read(xml, "many.xml", ExtractOptions.DEFAULTS);
    assertThat(x.problems()).hasSize(CinCensus.MAX_SCHEMA_PROBLEMS + 1);
    assertThat(problems(x).getFirst())
        .startsWith("many.xml, row 2, column GenderCurrent: cvc-enumeration-valid:");
    assertThat(problems(x).getLast())
        .isEqualTo(
            "many.xml: more than 1000 problems: the rest are not listed; put these right first");
  }

  @Test
  void aChildTwiceIsOneChildWithBothEpisodes() {
    // CH003's second CINdetails (lines 108 to 119) as a Child of its own after CH003, born a day
    // later.
    String xml = text(HAND_MADE);
    int from = xml.indexOf("      <CINdetails>\n        <CINreferralDate>2022-09-05");
    int to = xml.indexOf("</CINdetails>", from) + "</CINdetails>\n".length();
    String second = xml.substring(from, to);
    String twice =
        xml.replace(second, "")
            .replace(
                "    </Child>\n  </Children>",
                "    </Child>\n    <Child>\n      <ChildIdentifiers>\n"
                    + "        <LAchildID>CH003</LAchildID>\n"
                    + "        <PersonBirthDate>2010-09-10</PersonBirthDate>\n"
                    + "        <GenderCurrent>1</GenderCurrent>\n      </ChildIdentifiers>\n"
                    + "      <ChildCharacteristics>\n        <Ethnicity>BAFR</Ethnicity>\n"
                    + "      </ChildCharacteristics>\n"
                    + second
                    + "    </Child>\n  </Children>");
    Extract x = read(twice, HAND_MADE, ExtractOptions.DEFAULTS);
    assertThat(x.problems()).isEmpty();
    assertThat(ExtractFiles.events(x)).isEqualTo(HAND_MADE_EVENTS);
    assertThat(x.children())
        .hasSize(3)
        .last()
        .isEqualTo(new ChildCsv.Child("CH003", LocalDate.of(2010, 9, 9), null));
    assertThat(x.lists().getFirst().notes())
        .singleElement()
        .asString()
        .endsWith(": its episodes are the same child's, and the earlier birth date is kept");
    everyRowIsAccountedFor(x);
  }

  @Test
  void noDoctypeSoNoEntityIsEverRead() {
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Message [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + "<Message><Children>&x;</Children></Message>\n";
    Extract x = read(xml, "entity.xml", ExtractOptions.DEFAULTS);
    assertThat(x.refused()).isTrue();
    assertThat(problems(x))
        .singleElement()
        .asString()
        .startsWith("entity.xml, row 2: not well-formed XML: ")
        .contains("DOCTYPE");
  }

  @Test
  void bytesThatAreNotTheirEncodingsText() {
    byte[] xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n<Children>\u00ff"
            .getBytes(StandardCharsets.ISO_8859_1);
    Extract x = CinCensus.read(new ByteArrayInputStream(xml), "latin.xml", ExtractOptions.DEFAULTS);
    assertThat(x.refused()).isTrue();
    assertThat(problems(x)).singleElement().asString().startsWith("latin.xml, row 3");
  }

  @Test
  void aFileThatCannotBeOpened(@TempDir Path dir) {
    Extract x = CinCensus.read(dir.resolve("none.xml"), ExtractOptions.DEFAULTS);
    assertThat(x.refused()).isTrue();
    assertThat(problems(x)).containsExactly("none.xml: could not be read");
  }

  @Test
  void notXmlAtAll() {
    Extract x = read("child_id,date\nA,2022-01-01\n", "children.csv", ExtractOptions.DEFAULTS);
    assertThat(x.refused()).isTrue();
    assertThat(problems(x))
        .singleElement()
        .asString()
        .startsWith("children.csv, row 1: not well-formed XML: ");
  }
}
