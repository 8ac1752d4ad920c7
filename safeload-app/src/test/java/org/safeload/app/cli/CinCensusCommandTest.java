package org.safeload.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code safeload cin-census} end to end (docs/annex-a.md, "Children in need census"): the
 * hand-made return and the Department's sample (liia-tools, MIT: LICENSE-liia-tools.txt beside
 * them) in the core's test resources; then {@code safeload kpi} on the folder written.
 */
class CinCensusCommandTest {

  private static final Path RESOURCES =
      Path.of("..", "safeload-core", "src", "test", "resources", "org", "safeload", "extract");
  private static final Path HAND_MADE = RESOURCES.resolve("cin-census-hand-made.xml");
  private static final Path SAMPLE = RESOURCES.resolve("cin-census-2022-sample.xml");

  private static String counts(String json, String id) {
    List<Map<String, Object>> kpis = JsonPath.read(json, "$.kpis[?(@.id == '" + id + "')]");
    Map<String, Object> k = kpis.getFirst();
    return k.get("met") + "/" + k.get("late") + "/" + k.get("overdue") + "/" + k.get("pending");
  }

  @Test
  void aHandMadeReturnIsWrittenAndItsStatutoryKpisWorkedByHand(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("census");
    CommandRun run = CommandRun.of("cin-census", HAND_MADE.toString(), "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            "Children in need census, extract date 2023-03-31: 4 cases, 17 events, 3 children,"
                + " 0 workers, 0 teams written to "
                + out
                + "\n");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "events.csv", "children.csv", "workers.csv", "teams.csv", "rules.yaml", "mapping.md");
    }
    assertThat(Files.readAllLines(out.resolve("events.csv"))).hasSize(1 + 17);
    assertThat(Files.readString(out.resolve("children.csv"), StandardCharsets.UTF_8))
        .isEqualTo(
            "child_id,date_of_birth,family_group\n"
                + "CH001,2015-06-01,\nCH002,2019-01-15,\nCH003,2010-09-09,\n");
    assertThat(Files.readString(out.resolve("workers.csv"))).isEqualTo("id,name\n");

    CommandRun kpi =
        CommandRun.of(
            "kpi",
            "--events",
            out.resolve("events.csv").toString(),
            "--rules",
            out.resolve("rules.yaml").toString(),
            "--as-of",
            "2023-03-31");
    assertThat(kpi.code()).as(kpi.err()).isZero();
    // met/late/overdue/pending, worked by hand from the return:
    // assessment-45wd: CH001 referred Mon 4 April 2022; 45 working days, not counting Good Friday
    // (15 April), Easter Monday (18 April), 2 May and the Jubilee's 2 and 3 June, end on Monday 13
    // June (6 June were those five working days): authorised 10 June, met. CH002, referred the same
    // day, authorised 14 June: late. CH003's second episode, referred 5 September 2022 (19
    // September a bank holiday), is due by 8 November and not yet authorised: overdue. Its NFA
    // episode closed on the referral day: nothing due.
    assertThat(counts(kpi.out(), "assessment-45wd")).isEqualTo("1/1/1/0");
    // icpc-15wd: CH001's strategy discussion 1 July, conference 20 July (due 22 July): met.
    // CH002's enquiry needed no conference: no item. CH003's of 1 March 2023 was due by 22 March:
    // overdue.
    assertThat(counts(kpi.out(), "icpc-15wd")).isEqualTo("1/0/1/0");
    // rcpc-3m-then-6m: CH001's first review by 20 October, held 18 October: met; the next (18
    // April 2023) is not due when the plan ends on 10 January.
    assertThat(counts(kpi.out(), "rcpc-3m-then-6m")).isEqualTo("1/0/0/0");
    // What the census cannot show is not measured at all.
    assertThat(kpi.out())
        .doesNotContain("referral-decision-1wd")
        .doesNotContain("cp-visit-10wd")
        .doesNotContain("cla-visit-6w");
  }

  @Test
  void theSampleIsRefusedForItsDatesOutsideTheCalendar(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("sample");
    CommandRun run = CommandRun.of("cin-census", SAMPLE.toString(), "--out", out.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .contains(
            "cin-census-2022-sample.xml, row 24, column"
                + " PersonBirthDate: the date 1966-03-24 is outside the calendar (2000 to 2040)",
            "cin-census-2022-sample.xml, row 27, column"
                + " PersonDeathDate: the date 1980-10-08 is outside the calendar (2000 to 2040)",
            "cin-census-2022-sample.xml, row 37, column"
                + " CINreferralDate: the date 1970-10-06 is outside the calendar (2000 to 2040)",
            "cin-census-2022-sample.xml, row 70, column"
                + " CPPreviewDate: the date 1971-02-15 is outside the calendar (2000 to 2040)")
        .filteredOn(l -> l.contains("is outside the calendar"))
        .hasSize(13);
    // Only the mapping report, so nothing can be imported by mistake.
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("mapping.md");
    }
    assertThat(Files.readString(out.resolve("mapping.md")))
        .contains("**Not imported:** 13 problems");
  }

  @Test
  void aBrokenCopyIsRefusedWithTheSchemasMessageEvenWhenSkipping(@TempDir Path dir)
      throws Exception {
    Path broken = dir.resolve("broken.xml");
    // ReferralSource after ReferralNFA's place: out of the schema's order (line 32).
    Files.writeString(
        broken,
        Files.readString(HAND_MADE)
            .replace(
                "<ReferralSource>1A</ReferralSource>\n        <PrimaryNeedCode>N1",
                "<PrimaryNeedCode>N1"));
    Path out = dir.resolve("out");
    CommandRun run =
        CommandRun.of("cin-census", broken.toString(), "--out", out.toString(), "--skip-invalid");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "broken.xml, row 32, column PrimaryNeedCode: cvc-complex-type.2.4.a:"
                + " Invalid content was found starting with element 'PrimaryNeedCode'. One of"
                + " '{ReferralSource}' is expected.");
    assertThat(Files.exists(out.resolve("events.csv"))).isFalse();
  }

  @Test
  void skippingWritesTheReadableEpisodesAndListsTheRest(@TempDir Path dir) throws Exception {
    Path moved = dir.resolve("moved.xml");
    Files.writeString(
        moved,
        Files.readString(HAND_MADE)
            .replace(
                "<CINreferralDate>2022-09-05</CINreferralDate>",
                "<CINreferralDate>2041-09-05</CINreferralDate>"));
    Path out = dir.resolve("out");
    CommandRun refused = CommandRun.of("cin-census", moved.toString(), "--out", out.toString());
    assertThat(refused.code()).isEqualTo(2);
    CommandRun run =
        CommandRun.of(
            "cin-census",
            moved.toString(),
            "--out",
            out.toString(),
            "--skip-invalid",
            "--extract-date",
            "2023-03-15");
    assertThat(run.code()).as(run.err()).isZero();
    // CH003's second episode (line 108; its referral on line 109) is left out: 2 events fewer.
    assertThat(run.err())
        .isEqualTo(
            "skipped: moved.xml, row 109, column CINreferralDate: the date 2041-09-05"
                + " is outside the calendar (2000 to 2040)\n");
    assertThat(run.out()).startsWith("Children in need census, extract date 2023-03-15: 3 cases,");
    assertThat(Files.readAllLines(out.resolve("events.csv"))).hasSize(1 + 15);
  }

  @Test
  void aMissingFileIsBadInput(@TempDir Path dir) {
    CommandRun run =
        CommandRun.of(
            "cin-census", dir.resolve("none.xml").toString(), "--out", dir.resolve("o").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("none.xml: no such file");
  }
}
