package org.safeload.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safeload.document.FieldProblem;

class ChildCsvTest {

  @Test
  void readsChildrenWithTheirFamilyGroups() {
    ChildCsv.Result r =
        ChildCsv.read(
            new StringReader(
                "\uFEFFfamily_group,child_id,date_of_birth\nF1,K1,2015-03-31\nF1,K2,\n,K3,2020-01-02\n\n"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.children())
        .containsExactly(
            new ChildCsv.Child("K1", LocalDate.of(2015, 3, 31), "F1"),
            new ChildCsv.Child("K2", null, "F1"),
            new ChildCsv.Child("K3", LocalDate.of(2020, 1, 2), null));
  }

  @Test
  void aFileWithAnyBadRowGivesNoChildrenAndNamesEveryProblem() {
    ChildCsv.Result r =
        ChildCsv.read(
            new StringReader(
                "child_id,date_of_birth,family_group\n"
                    + "K1,2015-02-30,F1\n"
                    + ",2015-01-01,F1\n"
                    + "K2,,F2\n"
                    + "K2,,F2\n"
                    + "K4,2015-01-01\n"));
    assertThat(r.children()).isEmpty();
    assertThat(r.problems())
        .extracting(FieldProblem::line, FieldProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "date_of_birth"),
            org.assertj.core.groups.Tuple.tuple(3, "child_id"),
            org.assertj.core.groups.Tuple.tuple(5, "child_id"),
            org.assertj.core.groups.Tuple.tuple(6, ""));
    assertThat(r.problems().get(2).message()).isEqualTo("The child K2 is already on line 4");
  }

  @Test
  void aWrongHeaderIsReportedColumnByColumn() {
    ChildCsv.Result r = ChildCsv.read(new StringReader("child,date_of_birth\nK1,2015-01-01\n"));
    assertThat(r.problems())
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("child", "child_id", "family_group");
    assertThat(r.problems()).allMatch(p -> p.line() == 1);
  }
}
