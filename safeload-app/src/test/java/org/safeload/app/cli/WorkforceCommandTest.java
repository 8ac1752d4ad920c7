package org.safeload.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code safeload workforce} on the example register in docs/examples (the hand-worked register of
 * the core's WorkforceCensusTest, as files): the pinned keys, FTE to 2 dp, rates in percent to 1 dp
 * or null, and exit 2 naming each bad line.
 */
class WorkforceCommandTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void theExampleRegisterGivesTheHandWorkedFigures() {
    CommandRun run =
        run(
            "workforce",
            "--workers",
            EXAMPLES.resolve("workforce-workers.csv").toString(),
            "--establishment",
            EXAMPLES.resolve("workforce-establishment.csv").toString(),
            "--year-end",
            "2025-09-30",
            "--format",
            "json");

    assertThat(run.code()).as(run.err()).isZero();
    Map<String, Object> json = JsonPath.read(run.out(), "$");
    assertThat(json.keySet())
        .containsExactly(
            "yearStart",
            "yearEnd",
            "inPostFte",
            "inPostHeadcount",
            "agencyFte",
            "agencyHeadcount",
            "establishmentFte",
            "vacancyFte",
            "vacancyRate",
            "agencyRate",
            "agencyCoverFte",
            "agencyCoverRate",
            "startersFte",
            "leaversFte",
            "turnoverRate",
            "teams");
    assertThat(run.out())
        .contains(
            "\"yearStart\" : \"2024-10-01\"",
            "\"inPostFte\" : 3.50",
            "\"agencyFte\" : 3.60",
            "\"establishmentFte\" : 9.00",
            "\"vacancyFte\" : 6.50",
            "\"vacancyRate\" : 65.0",
            "\"agencyRate\" : 50.7",
            "\"agencyCoverFte\" : 3.00",
            "\"agencyCoverRate\" : 46.2",
            "\"startersFte\" : 1.00",
            "\"leaversFte\" : 0.80",
            "\"turnoverRate\" : 22.9");
    assertThat(JsonPath.<Integer>read(run.out(), "$.inPostHeadcount")).isEqualTo(4);
    assertThat(JsonPath.<List<String>>read(run.out(), "$.teams[*].team"))
        .containsExactly("Alpha", "bravo", "Charlie");
    assertThat(JsonPath.<List<Double>>read(run.out(), "$.teams[*].vacancyRate"))
        .containsExactly(66.7, 83.3, 0.0);
    assertThat(JsonPath.<List<Object>>read(run.out(), "$.teams[*].agencyCoverRate"))
        .containsExactly(25.0, 80.0, null);
    assertThat(JsonPath.<Map<String, Object>>read(run.out(), "$.teams[0]"))
        .doesNotContainKeys("yearStart", "yearEnd");
  }

  @Test
  void badInputIsExitTwoWithEveryProblemAndItsLine(@TempDir Path dir) throws Exception {
    Path workers = dir.resolve("w.csv");
    Files.writeString(
        workers,
        "name,role,employment_type,fte,start_date,end_date,qualification_date,asye_start_date,"
            + "swe_registration,team\nAna,social-worker,permanent,1.5,2024-01-01,,2015-07-01,,SW1,Alpha\n"
            + "Bo,social-worker,permanent,1,2024-01-01,,2015-07-01,,SW2,\n");
    Path posts = dir.resolve("e.csv");
    Files.writeString(posts, "team,role,fte\nAlpha,social-worker,1.005\n");

    CommandRun run =
        run(
            "workforce",
            "--workers",
            workers.toString(),
            "--establishment",
            posts.toString(),
            "--year-end",
            "2025-09-30");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            workers + ": line 2, fte: FTE must be more than 0 and at most 1",
            workers + ": line 3, team: Enter the team's name",
            posts
                + ": line 2, fte: Must be at least 0 and at most 100000, with at most 2 decimal"
                + " places (not 1.005)");
    assertThat(
            run(
                    "workforce",
                    "--workers",
                    workers.toString(),
                    "--establishment",
                    posts.toString(),
                    "--year-end",
                    "30/09/2025")
                .err())
        .contains("--year-end must be a date like 2025-09-30");
  }

  private static CommandRun example(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "workforce",
                "--workers",
                EXAMPLES.resolve("workforce-workers.csv").toString(),
                "--establishment",
                EXAMPLES.resolve("workforce-establishment.csv").toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void theCensusReturnReadsBackToTheSameCouncilFigures(@TempDir Path dir) throws Exception {
    CommandRun figures = example("--year-end", "2025-09-30", "--format", "json");
    CommandRun written = example("--year-end", "2025-09-30", "--format", "csww", "--lea", "301");

    assertThat(written.code()).as(written.err()).isZero();
    assertThat(written.out())
        .contains(
            "<LEA>301</LEA>",
            "<NumberOfVacancies>6.50</NumberOfVacancies>",
            "<SWENo>SW910006</SWENo>")
        .doesNotContain("Fen", "Secondee");
    Path xml = dir.resolve("return.xml");
    Files.writeString(xml, written.out());

    CommandRun read = run("workforce", "--csww", xml.toString(), "--format", "json");

    assertThat(read.code()).as(read.err()).isZero();
    Map<String, Object> before = JsonPath.read(figures.out(), "$");
    Map<String, Object> after = JsonPath.read(read.out(), "$");
    before.remove("teams");
    assertThat(after.remove("teams")).isEqualTo(List.of());
    assertThat(after).isEqualTo(before);
    assertThat(read.out()).contains("\"establishmentFte\" : 9.00", "\"vacancyRate\" : 65.0");
  }

  @Test
  void theQuarterlyAgencyReturnListsTheAgencyWorkersOfTheQuarter() {
    CommandRun run =
        run(
            "workforce",
            "--workers",
            EXAMPLES.resolve("workforce-workers.csv").toString(),
            "--format",
            "agency-return",
            "--quarter-end",
            "2025-09-30");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "team,role,employment_type,project_team,swe_number,start_date,end_date,fte,"
                + "days_in_quarter,dfe_rules_met,dfe_rules_failed",
            "Alpha,social-worker,agency,no,SW910005,2025-01-06,,1.00,92,,",
            "bravo,social-worker,managed-service,yes,SW910007,2025-06-01,,1.00,92,,",
            "Bravo,social-worker,managed-service,yes,SW910008,2025-06-01,2025-12-31,1.00,92,,",
            "Charlie,social-worker,agency,no,SW910012,2025-02-01,,0.60,92,,");
    CommandRun notAQuarter =
        run(
            "workforce",
            "--workers",
            EXAMPLES.resolve("workforce-workers.csv").toString(),
            "--format",
            "agency-return",
            "--quarter-end",
            "2025-08-31");
    assertThat(notAQuarter.code()).isEqualTo(2);
    assertThat(notAQuarter.err()).contains("--quarter-end must be the last day of a quarter");
  }

  @Test
  void aBadCensusReturnIsExitTwoWithItsLineAndElement(@TempDir Path dir) throws Exception {
    Path xml = dir.resolve("bad.xml");
    Files.writeString(
        xml,
        """
        <Message>
          <Header>
            <CollectionDetails><ReferenceDate>2025-09-30</ReferenceDate></CollectionDetails>
            <Source><LEA>301</LEA></Source>
          </Header>
          <LALevelVacancies>
            <NumberOfVacancies>two</NumberOfVacancies>
            <NoAgencyFTE>0.00</NoAgencyFTE>
            <NoAgencyHeadcount>0</NoAgencyHeadcount>
          </LALevelVacancies>
          <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>SW1</SWENo></CSWWWorker>
        </Message>
        """);

    CommandRun run = run("workforce", "--csww", xml.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            xml + ": line 7, NumberOfVacancies: Must be a number like 1.5 (not two)",
            xml + ": line 11, FTE: The CSWWWorker must give FTE");
    assertThat(example("--year-end", "2025-09-30", "--format", "csww").err())
        .contains("--lea must be the council's three-digit local authority code");
    assertThat(run("workforce", "--csww", xml.toString(), "--year-end", "2025-09-30").err())
        .contains("--csww reads a census return on its own");
  }
}
