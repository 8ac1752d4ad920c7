package org.safeload.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeload.app.money.OcdsSchema;

/** The evaluate and ocds commands answer the documented examples. */
class EvaluateCommandTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void theIssuesExampleToThePennyAsJson() {
    CommandRun run = run("evaluate", EXAMPLES.resolve("scenario.yaml").toString());
    assertThat(run.code()).as(run.err()).isZero();
    String json = run.out();
    // The JSON carries the figures as written by hand in the issue, with their pennies.
    assertThat(json)
        .contains("\"asOf\" : \"2025-02-01\"")
        .contains("\"month\" : \"2025-01\"")
        .contains("\"team\" : 58900.00")
        .contains("\"extras\" : 10000.00")
        .contains("\"total\" : 162400.00")
        .contains("\"offsets\" : 20000.00")
        .contains("\"net\" : 142400.00")
        .contains("\"ceiling\" : 170000.00")
        .contains("\"headroom\" : 7600.00")
        .contains("\"keyDecision\" : false");
    assertThat(JsonPath.<List<Double>>read(json, "$.contracts[0].months[*].total"))
        .containsExactly(58900.0, 53200.0, 50300.0);
  }

  @Test
  void theProjectionExampleAsJsonWithItsTaper() {
    CommandRun run = run("evaluate", EXAMPLES.resolve("projection.yaml").toString());
    assertThat(run.code()).as(run.err()).isZero();
    String json = run.out();
    // The contract is still costed; the projection and the taper come beside it.
    assertThat(JsonPath.<List<String>>read(json, "$.contracts[*].id")).containsExactly("mt-north");
    assertThat(
            JsonPath.<List<Integer>>read(
                json, "$.projection.teams[0].months[*].managedSocialWorkers"))
        .containsExactly(7, 7, 4, 4, 2, 0, 0, 0, 0, 0, 0, 0);
    assertThat(JsonPath.<Integer>read(json, "$.projection.runs")).isEqualTo(10000);
    assertThat(JsonPath.<String>read(json, "$.projection.teams[0].months[0].month"))
        .isEqualTo("2026-03");
    assertThat(JsonPath.<Integer>read(json, "$.taper.controlled")).isEqualTo(5);
    assertThat(JsonPath.<Integer>read(json, "$.taper.startingSize")).isEqualTo(7);
    assertThat(JsonPath.<List<Integer>>read(json, "$.taper.council.socialWorkers"))
        .startsWith(7, 7, 4, 4, 2);
    // The same seed gives the same answer.
    assertThat(run("evaluate", EXAMPLES.resolve("projection.yaml").toString()).out())
        .isEqualTo(json);
  }

  @Test
  void theProjectionExampleAsATable() {
    CommandRun run =
        run("evaluate", EXAMPLES.resolve("projection.yaml").toString(), "--format", "table");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Capacity projection from 2026-03, 12 months, 10000 runs (seed 1)")
        .contains("Team North")
        .contains("Taper of Council plan (team North)")
        .contains("Council's plan");
  }

  @Test
  void aProjectionProblemNamesItsField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(
        file,
        Files.readString(EXAMPLES.resolve("projection.yaml"))
            .replace("turnover: 0.015", "turnover: 2"));
    CommandRun run = run("evaluate", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("projection.turnover").contains("probability from 0 to 1");
  }

  @Test
  void theTeamUnitExampleAsATable() {
    CommandRun run =
        run("evaluate", EXAMPLES.resolve("team-unit.yaml").toString(), "--format", "table");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("2025-01      118,857.14")
        .contains("2025-02        9,142.86")
        .containsPattern("Total\\s+128,000.00")
        .containsPattern("Managed team \\(1 \\+ 6\\)\\s+managed-team\\s+118,857.14\\s+138,666.67");
  }

  @Test
  void theFourTeamTenderAsOneContract() {
    // Worked by hand in the file's comments (and the core's DecisionsTest).
    CommandRun run = run("evaluate", EXAMPLES.resolve("four-team-tender.yaml").toString());
    assertThat(run.code()).as(run.err()).isZero();
    String json = run.out();
    assertThat(JsonPath.<List<Double>>read(json, "$.contracts[0].months[*].total"))
        .containsExactly(29032.24, 299999.92, 299999.92, 270967.68, 299999.92);
    assertThat(json)
        .contains("\"total\" : 1199999.68")
        .contains("\"headroom\" : 0.32")
        .contains("\"potentialValue\" : 4600000.00")
        .contains("\"keyDecision\" : true");
    assertThat(JsonPath.<List<String>>read(json, "$.contracts[0].flags[*].message"))
        .contains(
            "Notice of the 12-month extension must be given by 28 February 2023",
            "The 12-month extension would cost £3,541,934.60 at the prices in force on the"
                + " contract's last day, more than its £3,400,000.00 limit");
  }

  @Test
  void asOfCanBeGivenOnTheCommandLine() {
    CommandRun run =
        run("evaluate", EXAMPLES.resolve("scenario.yaml").toString(), "--as-of", "2025-03-15");
    assertThat(JsonPath.<String>read(run.out(), "$.asOf")).isEqualTo("2025-03-15");
  }

  @Test
  void aBadFileNamesEveryProblemWithItsLineAndFieldAndFails(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        contracts:
          - id: x
            provider: P
            start: 2025-01-01
            end: 2025-01-31
            ceiling: -5
            roster:
              - {role: social-worker, count: two, rate: {amount: 300, per: calendar-day}}
        """);
    CommandRun run = run("evaluate", bad.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            bad + ": line 6, contracts[0].ceiling: must not be negative (not -5)",
            bad + ": line 8, contracts[0].roster[0].count: must be a whole number (not two)");
    assertThat(run("evaluate", dir.resolve("missing.yaml").toString()).err())
        .contains("cannot read the file");
  }

  @Test
  void theOcdsCommandExportsAStoredContractThatValidates() {
    CommandRun run =
        run(
            "ocds",
            "--contract",
            "NBC-BRIGHTPATH-2026",
            "--spring.datasource.url=jdbc:h2:mem:ocds-cli;DB_CLOSE_DELAY=-1",
            "--safeload.admin.password=cli-test-password");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(OcdsSchema.errors(run.out())).isEmpty();
    Map<String, Object> contract = JsonPath.read(run.out(), "$.releases[0].contracts[0]");
    assertThat(contract).containsEntry("id", "NBC-BRIGHTPATH-2026");
    assertThat(
            run(
                    "ocds",
                    "--contract",
                    "NOPE",
                    "--spring.datasource.url=jdbc:h2:mem:ocds-cli2;DB_CLOSE_DELAY=-1",
                    "--safeload.admin.password=cli-test-password")
                .code())
        .isEqualTo(1);
  }
}
