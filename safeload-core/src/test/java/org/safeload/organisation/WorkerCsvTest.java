package org.safeload.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safeload.document.FieldProblem;

class WorkerCsvTest {

  private static final String HEADER =
      "name,role,employment_type,fte,start_date,end_date,qualification_date,asye_start_date,swe_registration,team\n";

  @Test
  void readsRowsWithTheirLineNumbersEvenAcrossQuotedNewlines() {
    String csv =
        HEADER
            + "\"Okafor, Ada\",social-worker,agency,1,2025-01-06,,2019-07-01,,SW1,North\n"
            + "\"Multi\nline\",business-support,permanent,1,2025-01-06,,,,,North\n"
            + "\n"
            + "Ben,team-manager,permanent,1,2025-01-06,,2010-07-01,,SW2,North\n";
    WorkerCsv.Content content = WorkerCsv.read(csv);
    assertThat(content.problems()).isEmpty();
    assertThat(content.rows()).extracting(WorkerCsv.Row::line).containsExactly(2, 3, 6);
    assertThat(content.rows().get(0).values().get(WorkerField.NAME)).isEqualTo("Okafor, Ada");
    assertThat(content.rows().get(2).values().get(WorkerField.TEAM)).isEqualTo("North");
  }

  @Test
  void columnsMayComeInAnyOrder() {
    String csv =
        "team,name,role,employment_type,fte,start_date,end_date,qualification_date,asye_start_date,swe_registration\n"
            + "North,Ada,social-worker,agency,1,2025-01-06,,2019-07-01,,SW1\n";
    WorkerCsv.Content content = WorkerCsv.read(csv);
    assertThat(content.rows().getFirst().values().get(WorkerField.TEAM)).isEqualTo("North");
    assertThat(content.rows().getFirst().values().get(WorkerField.NAME)).isEqualTo("Ada");
  }

  @Test
  void aBadHeaderNamesEveryUnknownAndMissingColumn() {
    WorkerCsv.Content content = WorkerCsv.read("name,rolle,fte\nAda,x,1\n");
    assertThat(content.rows()).isEmpty();
    assertThat(content.problems())
        .extracting(FieldProblem::field)
        .contains("rolle", "role", "employment_type", "team");
    assertThat(content.problems()).allMatch(p -> p.line() == 1);
  }

  @Test
  void raggedRowsAreReportedByLine() {
    WorkerCsv.Content content = WorkerCsv.read(HEADER + "Ada,social-worker\n");
    assertThat(content.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(2));
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThat(WorkerCsv.read("").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("header"));
  }
}
