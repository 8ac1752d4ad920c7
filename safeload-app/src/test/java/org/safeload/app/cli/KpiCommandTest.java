package org.safeload.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kpi, calendar and generate commands answer the examples in docs/timeliness.md. */
class KpiCommandTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  private static Map<String, Object> kpi(String json, String id) {
    List<Map<String, Object>> kpis = JsonPath.read(json, "$.kpis[?(@.id == '" + id + "')]");
    return kpis.getFirst();
  }

  private static String counts(Map<String, Object> k) {
    return k.get("met") + "/" + k.get("late") + "/" + k.get("overdue") + "/" + k.get("pending");
  }

  @Test
  void theDocumentedExampleAsJson() {
    CommandRun run =
        run(
            "kpi",
            "--events",
            EXAMPLES.resolve("events.csv").toString(),
            "--rules",
            "contract",
            "--as-of",
            "2022-07-31");
    assertThat(run.code()).as(run.err()).isZero();
    // met/late/overdue/pending, worked by hand in docs/timeliness.md.
    assertThat(counts(kpi(run.out(), "oversight-24h"))).isEqualTo("1/1/0/0");
    assertThat(counts(kpi(run.out(), "seen-5wd"))).isEqualTo("1/1/0/0");
    assertThat(counts(kpi(run.out(), "write-up-48h"))).isEqualTo("1/1/0/0");
    assertThat(counts(kpi(run.out(), "review-4w"))).isEqualTo("1/0/0/1");
    assertThat(counts(kpi(run.out(), "minutes-72h"))).isEqualTo("1/0/0/0");
    assertThat(counts(kpi(run.out(), "documents-3wd"))).isEqualTo("1/0/0/0");
    assertThat(counts(kpi(run.out(), "supervision-4w"))).isEqualTo("2/0/2/0");
    assertThat(run.out()).contains("\"rate\" : 0.5000").contains("\"asOf\" : \"2022-07-31\"");
  }

  @Test
  void byProviderAsCsv() {
    CommandRun run =
        run(
            "kpi",
            "--events",
            EXAMPLES.resolve("events.csv").toString(),
            "--as-of",
            "2022-07-31",
            "--by",
            "provider",
            "--teams",
            EXAMPLES.resolve("teams.csv").toString(),
            "--format",
            "csv");
    assertThat(run.out().lines())
        .contains(
            "kpi,group,met,late,overdue,pending,due_soon,rate",
            "seen-5wd,,1,1,0,0,0,0.5000",
            "seen-5wd,(council),0,1,0,0,0,0.0000",
            "seen-5wd,Brightpath Social Work Ltd,1,0,0,0,0,1.0000");
  }

  @Test
  void aCsvCellASpreadsheetWouldRunIsWrittenAsText(@TempDir Path dir) throws Exception {
    Path teams = dir.resolve("teams.csv");
    Files.writeString(
        teams,
        "team_id,name,kind,provider\n"
            + "T1,Assessment Team North,substantive,\n"
            + "T5,Brightpath Project Team,managed,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n");
    CommandRun run =
        run(
            "kpi",
            "--events",
            EXAMPLES.resolve("events.csv").toString(),
            "--as-of",
            "2022-07-31",
            "--by",
            "provider",
            "--teams",
            teams.toString(),
            "--format",
            "csv");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .contains("seen-5wd,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1,0,0,0,0,1.0000")
        .noneMatch(line -> line.contains(",=") || line.contains(",\"="));
  }

  @Test
  void importEventsIntoTheDatabaseAllOrNothing(@TempDir Path dir) throws Exception {
    String db = "--spring.datasource.url=jdbc:h2:mem:import-cli;DB_CLOSE_DELAY=-1";
    String[] council = {db, "--safeload.admin.password=cli-test-password"};
    // The examples' teams and workers (T1, W1, ...) are not this council's: refused whole.
    CommandRun unknown = importEvents(EXAMPLES.resolve("events.csv"), council);
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err())
        .contains("line 2, team_id: The council has no team with the id T1")
        .contains("worker_id: The council has no worker with the id W1");
    // The demo council's first team and worker have the ids 1.
    Path events = dir.resolve("events.csv");
    Files.writeString(
        events,
        "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n"
            + "cli-1,2026-11-02T09:00,referral,CLI1,KCLI1,,1,,,\n"
            + "cli-2,2026-11-03T09:00,allocated,CLI1,KCLI1,1,1,cin,,\n"
            + "cli-3,2026-11-04T09:00,visit,CLI1,KCLI1,1,1,seen,,\n");
    CommandRun first = importEvents(events, council);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("Imported 3 events (0 already there)");
    CommandRun again = importEvents(events, council);
    assertThat(again.out()).contains("Imported 0 events (3 already there)");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n"
            + "x1,2022-01-01T09:00,visit,C9,K9,1,1,maybe,,\n");
    CommandRun refused = importEvents(bad, council);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("line 2, detail");
  }

  private static CommandRun importEvents(Path file, String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "import-events";
    args[1] = "--events";
    args[2] = file.toString();
    System.arraycopy(options, 0, args, 3, options.length);
    return run(args);
  }

  @Test
  void theCalendarExample() {
    CommandRun run = run("calendar", "--from", "2022-06-01", "--to", "2022-09-30");
    // June–September 2022: 88 weekdays less 2 and 3 June, 29 August and 19 September = 84.
    assertThat(JsonPath.<Integer>read(run.out(), "$.workingDays")).isEqualTo(84);
    assertThat(JsonPath.<List<String>>read(run.out(), "$.bankHolidays[*].date"))
        .containsExactly("2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19");
  }

  @Test
  void councilClosureDaysAreNotWorkingDays() {
    // A closure on Thu 29 Sep 2022 takes June–September 2022 from 84 working days to 83.
    CommandRun run =
        run("calendar", "--from", "2022-06-01", "--to", "2022-09-30", "--closures", "2022-09-29");
    assertThat(JsonPath.<Integer>read(run.out(), "$.workingDays")).isEqualTo(83);
    assertThat(JsonPath.<List<String>>read(run.out(), "$.bankHolidays[*].name"))
        .contains("Council closure");
    // C1 allocated Wed 1 June 2022 and seen Fri 10 June was on time; with Fri 10 June closed, the
    // fifth working day is Mon 13 June, and the write-up rules are unchanged.
    CommandRun kpi =
        run(
            "kpi",
            "--events",
            EXAMPLES.resolve("events.csv").toString(),
            "--as-of",
            "2022-07-31",
            "--closures",
            "2022-06-10");
    assertThat(counts(kpi(kpi.out(), "seen-5wd"))).isEqualTo("2/0/0/0");
  }

  @Test
  void aBadEventFileIsRefusedWithLinesAndFields(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\ne1,yesterday,visit,C1,K1,W1,T1,seen,,\n");
    CommandRun run = run("kpi", "--events", bad.toString(), "--as-of", "2022-07-31");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            bad
                + ": line 2, occurred_at: Must be a London date and time like 2022-05-03T14:30 (not yesterday)");
  }

  @Test
  void generateIsDeterministicAndItsOutputImportsCleanly(@TempDir Path dir) throws Exception {
    assertThat(
            run(
                    "generate",
                    "--children",
                    "150",
                    "--months",
                    "3",
                    "--seed",
                    "7",
                    "--out",
                    dir.resolve("a").toString())
                .code())
        .isZero();
    assertThat(
            run(
                    "generate",
                    "--children",
                    "150",
                    "--months",
                    "3",
                    "--seed",
                    "7",
                    "--out",
                    dir.resolve("b").toString())
                .code())
        .isZero();
    for (String file :
        List.of("events.csv", "teams.csv", "workers.csv", "worker-ids.csv", "children.csv")) {
      assertThat(Files.readString(dir.resolve("a").resolve(file)))
          .as(file)
          .isEqualTo(Files.readString(dir.resolve("b").resolve(file)));
    }
    assertThat(Files.readAllLines(dir.resolve("a").resolve("children.csv"))).hasSize(151);
    // The workers file is in the worker import format, and every row of it is valid.
    var workers =
        org.safeload.organisation.WorkerCsv.read(
            Files.readString(dir.resolve("a").resolve("workers.csv")));
    assertThat(workers.problems()).isEmpty();
    assertThat(workers.rows())
        .isNotEmpty()
        .allSatisfy(
            row ->
                assertThat(org.safeload.organisation.WorkerParser.parse(row.values()).problems())
                    .isEmpty());
    CommandRun withLeavers =
        run(
            "kpi",
            "--events",
            dir.resolve("a").resolve("events.csv").toString(),
            "--as-of",
            "2022-06-30",
            "--workers",
            dir.resolve("a").resolve("worker-ids.csv").toString(),
            "--teams",
            dir.resolve("a").resolve("teams.csv").toString(),
            "--by",
            "provider");
    assertThat(withLeavers.code()).as(withLeavers.err()).isZero();
    CommandRun kpi =
        run(
            "kpi",
            "--events",
            dir.resolve("a").resolve("events.csv").toString(),
            "--rules",
            "statutory",
            "--as-of",
            "2022-06-30");
    assertThat(kpi.code()).as(kpi.err()).isZero();
    assertThat(((Number) kpi(kpi.out(), "referral-decision-1wd").get("met")).intValue())
        .isGreaterThan(50);
  }
}
