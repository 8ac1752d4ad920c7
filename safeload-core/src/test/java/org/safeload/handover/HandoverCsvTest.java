package org.safeload.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.safeload.document.FieldProblem;
import org.safeload.timeliness.CaseType;

class HandoverCsvTest {

  @Test
  void readsBothFiles() {
    var workers =
        HandoverCsv.readWorkers(
            new StringReader(
                """
                worker_id,name,role,fte,asye,pqe_years,current_cases,current_weighted
                W1,Amara Okafor,social-worker,0.8,false,6,12,15.5
                W2,,social-worker,1,true,0,0,0
                """));
    assertThat(workers.problems()).isEmpty();
    assertThat(workers.receivers()).hasSize(2);
    assertThat(workers.receivers().get(0).current().weighted()).isEqualByComparingTo("15.5");
    assertThat(workers.receivers().get(1).holder().asye()).isTrue();
    assertThat(workers.receivers().get(1).holder().name()).isEqualTo("W2");

    var cases =
        HandoverCsv.readCases(
            new StringReader(
                """
                case_type,case_id,child_id,family_group,current_worker,previous_workers
                cp,C1,CH1,F1,MT1,W1;X9
                cin,C2,CH2,,,
                """));
    assertThat(cases.problems()).isEmpty();
    assertThat(cases.cases().get(0).previousWorkers()).containsExactly("W1", "X9");
    assertThat(cases.cases().get(0).type()).isEqualTo(CaseType.CP);
    assertThat(cases.cases().get(1).familyGroup()).isNull();
    assertThat(cases.cases().get(1).currentWorker()).isNull();
  }

  @Test
  void everyProblemNamesItsLineAndColumnAndNothingIsRead() {
    var workers =
        HandoverCsv.readWorkers(
            new StringReader(
                """
                worker_id,name,role,fte,asye,pqe_years,current_cases,current_weighted
                W1,A,social-worker,0.8,false,6,12,15.5
                W1,B,team-manager,1.2,maybe,x,3,0
                W3,C,social-worker,0.755,false,2,4,
                """));
    assertThat(workers.receivers()).isEmpty();
    assertThat(workers.problems())
        .extracting(p -> p.line() + " " + p.field())
        .containsExactly(
            "3 worker_id",
            "3 role",
            "3 fte",
            "3 asye",
            "3 pqe_years",
            "3 current_weighted",
            "4 fte",
            "4 current_weighted");
    assertThat(workers.problems().getFirst().message()).contains("already used on line 2");

    var cases =
        HandoverCsv.readCases(
            new StringReader(
                """
                case_id,child_id,family_group,case_type,current_worker,previous_workers,notes
                C1,CH1,,cp,MT1,,
                """));
    assertThat(cases.problems())
        .containsExactly(
            new FieldProblem(
                1,
                "notes",
                "Is not a column of this file; expected:"
                    + " case_id,child_id,family_group,case_type,current_worker,previous_workers"));

    var badRows =
        HandoverCsv.readCases(
            new StringReader(
                """
                case_id,child_id,family_group,case_type,current_worker,previous_workers
                C1,CH1,,cp,MT1,
                C1,CH1,,child-protection,MT1,W1;;W2
                C3,CH3,,cin
                """));
    assertThat(badRows.cases()).isEmpty();
    assertThat(badRows.problems())
        .extracting(p -> p.line() + " " + p.field())
        .containsExactly("3 case_id", "3 child_id", "3 case_type", "3 previous_workers", "4 ");
    assertThat(badRows.problems().get(2).message()).contains("assessment, cin, cp, plo, court");
  }

  @Test
  void aMissingColumnOrAnEmptyFileIsAProblem() {
    assertThat(HandoverCsv.readWorkers(new StringReader("worker_id,name\n")).problems())
        .extracting(FieldProblem::field)
        .containsExactly("role", "fte", "asye", "pqe_years", "current_cases", "current_weighted");
    assertThat(HandoverCsv.readCases(new StringReader("")).problems()).hasSize(1);
  }
}
