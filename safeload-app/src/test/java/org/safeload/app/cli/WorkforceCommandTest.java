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
}
