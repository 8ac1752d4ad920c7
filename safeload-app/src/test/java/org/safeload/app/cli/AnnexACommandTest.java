package org.safeload.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annex-a command on the public sample workbook, then kpi on what it wrote. */
class AnnexACommandTest {

  private static final Path SAMPLE =
      Path.of(
          "..",
          "safeload-core",
          "src",
          "test",
          "resources",
          "org",
          "safeload",
          "extract",
          "annex-a-sample.xlsx");

  @TempDir Path dir;

  private static String counts(String json, String id) {
    List<Map<String, Object>> kpis = JsonPath.read(json, "$.kpis[?(@.id == '" + id + "')]");
    Map<String, Object> k = kpis.getFirst();
    return k.get("met") + "/" + k.get("late") + "/" + k.get("overdue") + "/" + k.get("pending");
  }

  @Test
  void theSampleIsWrittenAsCaseActivityAndKpiReportsOnIt() throws Exception {
    Path out = dir.resolve("out");
    CommandRun run = CommandRun.of("annex-a", SAMPLE.toString(), "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("extract date 2021-03-15: 32 cases");
    for (String f :
        List.of(
            "events.csv", "children.csv", "workers.csv", "teams.csv", "rules.yaml", "mapping.md")) {
      assertThat(out.resolve(f)).isRegularFile();
    }
    assertThat(Files.readString(out.resolve("workers.csv")))
        .startsWith("id,name\nW1,Dustin Hazlett\n");
    assertThat(Files.readString(out.resolve("mapping.md")))
        .contains("| List 3 (Referrals) | List 3 | 6 | 6 | 0 |")
        .contains("| List 7 (Child protection) | List 7 | 7 | 7 | 0 |")
        .contains("| List 1 (Contacts) | List 1 | not used |");

    CommandRun kpi =
        CommandRun.of(
            "kpi",
            "--events",
            out.resolve("events.csv").toString(),
            "--rules",
            out.resolve("rules.yaml").toString(),
            "--as-of",
            "2021-03-15");
    assertThat(kpi.code()).as(kpi.err()).isZero();
    assertThat(kpi.out()).doesNotContain("referral-decision");
    // Worked by hand from the sample (Excel serials from 1899-12-30):
    // - the 5 List 4 assessments start in 2019-20 with no List 3 referral before them, so each
    //   writes a referral on its start; each is authorised months later: 5 late. The 6 List 3
    //   referrals of 16 Sep 2020 have no assessment; 45 working days ran out in November: 6
    // overdue.
    assertThat(counts(kpi.out(), "assessment-45wd")).isEqualTo("0/5/6/0");
    // - 3 of the 5 strategy discussions (16 Sep 2020) had their ICPC on 1 or 5 Oct 2020, within
    //   15 working days (7 Oct); 2 were deemed unnecessary: no item.
    assertThat(counts(kpi.out(), "icpc-15wd")).isEqualTo("3/0/0/0");
    // - List 7: one plan last visited 21 Jan 2021 and ended 15 Feb, with its visit due 4 Feb:
    //   overdue; two last visited 2 March 2021, due 16 March: pending. The others ended before
    //   their next visit was due.
    assertThat(counts(kpi.out(), "cp-visit-10wd")).isEqualTo("0/0/1/2");
    // - List 8: last visits 6 Jan and 20 Jan 2021 are over six weeks before 15 March (overdue),
    //   as is 7 Aug 2020's for a child who ceased on 22 Sep 2020 (due 18 Sep); two on 22 Feb 2021
    //   are due 5 April (pending).
    assertThat(counts(kpi.out(), "cla-visit-6w")).isEqualTo("0/0/3/2");
  }

  @Test
  void aWorkbookWithUnreadableRowsExitsTwoAndWritesOnlyTheReport() throws Exception {
    Path notXlsx = Files.writeString(dir.resolve("list.xlsx"), "not a workbook");
    Path out = dir.resolve("out");
    CommandRun run = CommandRun.of("annex-a", notXlsx.toString(), "--out", out.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("list.xlsx: is not an Excel workbook (.xlsx)");
    assertThat(out.resolve("mapping.md")).isRegularFile();
    assertThat(out.resolve("events.csv")).doesNotExist();
  }
}
