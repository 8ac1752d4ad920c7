package org.safeload.app.annexa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A case with no worker, as the report says it: its child and start in words, and where. */
class UnallocatedCaseWordsTest {

  @Test
  void aCaseIdIsReadAsItsChildAndStartAndAnythingElseIsShownAsWritten() {
    var u = AnnexAPages.unallocated("12598894-2010-06-09 (List 6, row 2)");
    assertThat(u.child()).isEqualTo("12598894");
    assertThat(u.from()).isEqualTo(LocalDate.of(2010, 6, 9));
    assertThat(u.where()).isEqualTo("List 6, row 2");
    // A child id with hyphens of its own.
    var hyphens = AnnexAPages.unallocated("AB-12-3-2021-01-31 (List 7, row 40)");
    assertThat(hyphens.child()).isEqualTo("AB-12-3");
    assertThat(hyphens.from()).isEqualTo(LocalDate.of(2021, 1, 31));
    // Not a case id with a date: as written.
    var odd = AnnexAPages.unallocated("case 7 (List 8, row 3)");
    assertThat(odd.child()).isNull();
    assertThat(odd.raw()).isEqualTo("case 7 (List 8, row 3)");
    assertThat(odd.where()).isEqualTo("List 8, row 3");
  }
}
