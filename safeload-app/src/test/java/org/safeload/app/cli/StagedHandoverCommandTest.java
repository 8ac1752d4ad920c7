package org.safeload.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The staged example of docs/handover.md through the command: dates and stages in the output. */
class StagedHandoverCommandTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  private static CommandRun run(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "handover",
                "--workers",
                EXAMPLES.resolve("handover-staged-workers.csv").toString(),
                "--cases",
                EXAMPLES.resolve("handover-staged-cases.csv").toString(),
                "--date",
                "2025-03-03"));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  @Test
  void jsonHasEachCasesDateAndTheStages() {
    CommandRun run = run();
    assertThat(run.code()).as(run.err()).isZero();
    String json = run.out();
    assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("optimal");
    assertThat(json).contains("\"maxWeightedPerFte\" : 17.00", "\"balance\" : 578.00");
    assertThat((String) JsonPath.read(json, "$.assignment[0].date")).isEqualTo("2025-03-31");
    assertThat((String) JsonPath.read(json, "$.assignment[15].date")).isEqualTo("2025-05-30");
    List<String> dates = JsonPath.read(json, "$.stages[*].date");
    assertThat(dates).containsExactly("2025-03-31", "2025-05-30");
    List<Integer> moves = JsonPath.read(json, "$.stages[*].moves");
    assertThat(moves).containsExactly(8, 8);
    // N1 starts on 2025-04-01: not in the first stage
    List<String> first = JsonPath.read(json, "$.stages[0].receivers[*].workerId");
    assertThat(first).containsExactly("A1", "B1");
    List<Integer> received = JsonPath.read(json, "$.stages[1].receivers[*].received");
    assertThat(received).containsExactly(0, 0, 8);
  }

  @Test
  void theTablePrintsTheStagesAndADateColumn() {
    CommandRun run = run("--format", "table");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Stage 2025-03-31: 8 cases move; loads on the date:")
        .contains("Stage 2025-05-30: 8 cases move; loads on the date:")
        .containsPattern("E01 +K01 +- +cin +MT1 +A1 +- +2025-03-31");
  }

  @Test
  void aBadDateIsBadInput() {
    CommandRun run = run("--date", "31/03/2025");
    assertThat(run.code()).isEqualTo(2);
  }
}
