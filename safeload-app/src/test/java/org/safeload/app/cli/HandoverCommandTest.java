package org.safeload.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handover command answers the example in docs/handover.md, no database needed. */
class HandoverCommandTest {

  private static final Path DOCS = Path.of("..", "docs");
  private static final Path EXAMPLES = DOCS.resolve("examples");
  private static final String MARK = "<!-- handover-example-output -->";

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  private static String[] example(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "handover",
                "--workers",
                EXAMPLES.resolve("handover-workers.csv").toString(),
                "--cases",
                EXAMPLES.resolve("handover-cases.csv").toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** The fenced block after the marker in docs/handover.md. */
  private static String documentedOutput() throws IOException {
    String doc = Files.readString(DOCS.resolve("handover.md"));
    int mark = doc.indexOf(MARK);
    assertThat(mark).as("docs/handover.md has the marker").isPositive();
    int start = doc.indexOf("```text\n", mark) + "```text\n".length();
    int end = doc.indexOf("```", start);
    return doc.substring(start, end);
  }

  @Test
  void theDocumentedExampleAsATable() throws IOException {
    CommandRun run = run(example("--format", "table"));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(documentedOutput());
  }

  @Test
  void theDocumentedExampleAsJson() {
    CommandRun run = run(example());
    assertThat(run.code()).as(run.err()).isZero();
    String json = run.out();
    assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("optimal");
    assertThat(json).contains("\"maxWeightedPerFte\" : 19.50", "\"bound\" : 19.50");
    assertThat((Integer) JsonPath.read(json, "$.movedFromPreviousWorker")).isEqualTo(2);
    // 19² + 19.5² + 15²/0.8 + 19.5² + 15² + 11.5²/0.6 = 1848.1666… (docs/handover.md)
    assertThat(json)
        .contains("\"balance\" : 1848.17", "\"balanceBound\" : 1848.17", "\"balanceGap\" : 0.0000");
    List<String> f1 = JsonPath.read(json, "$.assignment[?(@.familyGroup == 'F1')].to");
    assertThat(f1).containsExactly("W4", "W4", "W4");
    // The ASYE worker (W5) holds no cp, plo or court case, and at most 15 cases.
    List<String> asyeTypes = JsonPath.read(json, "$.assignment[?(@.to == 'W5')].caseType");
    assertThat(asyeTypes).isNotEmpty().allMatch(t -> t.equals("cin") || t.equals("assessment"));
    List<Integer> w5 = JsonPath.read(json, "$.receivers[?(@.workerId == 'W5')].after.cases");
    assertThat(w5).containsExactly(15);
  }

  @Test
  void badInputNamesTheFileLineAndField(@TempDir Path dir) throws IOException {
    Path workers = dir.resolve("workers.csv");
    Files.writeString(
        workers,
        "worker_id,name,role,fte,asye,pqe_years,current_cases,current_weighted\n"
            + "W1,A,social-worker,0.8,false,2,3,4\n"
            + "W2,B,manager,1.5,false,2,3,\n");
    Path cases = dir.resolve("cases.csv");
    Files.writeString(
        cases,
        "case_id,child_id,family_group,case_type,current_worker,previous_workers\n"
            + "C1,CH1,,court,MT1,\n"
            + "C2,CH2,,section-47,MT1,\n");
    CommandRun run = run("handover", "--workers", workers.toString(), "--cases", cases.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            workers
                + ": line 3, role: Must be a case-holding role: social-worker or"
                + " advanced-practitioner (not \"manager\")",
            workers + ": line 3, fte: Must be more than 0 and at most 1 (not 1.5)",
            workers + ": line 3, current_weighted: Enter a number",
            cases
                + ": line 3, case_type: Must be one of: assessment, cin, cp, plo, court, cla (not"
                + " \"section-47\")");
  }

  @Test
  void anInfeasibleHandoverSaysWhatExtraFteWouldDo(@TempDir Path dir) throws IOException {
    Path workers = dir.resolve("workers.csv");
    Files.writeString(
        workers,
        "worker_id,name,role,fte,asye,pqe_years,current_cases,current_weighted\n"
            + "N,New,social-worker,1.0,true,0,14,14\n"
            + "S,Senior,social-worker,1.0,false,5,20,24\n");
    Path cases = dir.resolve("cases.csv");
    Files.writeString(
        cases,
        "case_id,child_id,family_group,case_type,current_worker,previous_workers\n"
            + "i1,c1,,cp,MT1,\n"
            + "i2,c2,,cp,MT1,\n"
            + "i3,c3,,cin,MT1,\n");
    CommandRun run = run("handover", "--workers", workers.toString(), "--cases", cases.toString());
    assertThat(run.code()).isEqualTo(3);
    assertThat((String) JsonPath.read(run.out(), "$.status")).isEqualTo("infeasible");
    assertThat(run.out()).contains("\"extraFteNeeded\" : 0.06");
    assertThat((List<String>) JsonPath.read(run.out(), "$.unplaced")).containsExactly("i2");
  }
}
