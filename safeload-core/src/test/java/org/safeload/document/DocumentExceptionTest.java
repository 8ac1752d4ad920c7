package org.safeload.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentExceptionTest {

  @Test
  void aProblemIsDescribedByWhatIsKnownOfWhereItIs() {
    assertThat(DocumentException.describe(new FieldProblem(12, "due_date", "Enter a date")))
        .isEqualTo("line 12, due_date: Enter a date");
    assertThat(DocumentException.describe(new FieldProblem(12, "", "Row has 6 values")))
        .isEqualTo("line 12: Row has 6 values");
    assertThat(DocumentException.describe(new FieldProblem(0, "rules", "Enter a rule")))
        .isEqualTo("rules: Enter a rule");
    assertThat(DocumentException.describe(new FieldProblem(0, "", "The file is empty")))
        .isEqualTo("The file is empty");
  }
}
