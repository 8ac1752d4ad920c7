package org.safeload.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safeload.caseload.CaseBook.OpenCase;

class KnownWorkersTest {

  private static final LocalDate ON = LocalDate.parse("2024-06-03");

  /**
   * By hand. Child K1 (family F1): case C1 held by W1 from 1 March, then W2 from 1 April (now).
   * K1's sibling K2 (F1): C2 held by W3 (not moving). Sibling K3 (F1): C3 held by W4, moving too.
   * Child K4 (no family): C4 held by W5 from 1 May, with an earlier closed case C5 held by W6.
   * Child K5 (family F2, alone): C6 unallocated (transferred to no one), held before by W7. A
   * transfer to W8 after the date does not count.
   */
  private static final CaseBook BOOK =
      Events.log()
          .add("2024-03-01T09:00", "allocated", "C1", "K1", "W1", "T1", "cin")
          .add("2024-04-01T09:00", "transferred", "C1", "K1", "W2", "T1")
          .add("2024-03-01T09:00", "allocated", "C2", "K2", "W3", "T1", "cin")
          .add("2024-03-01T09:00", "allocated", "C3", "K3", "W4", "T1", "cin")
          .add("2024-01-10T09:00", "allocated", "C5", "K4", "W6", "T1", "cin")
          .add("2024-02-10T09:00", "closed", "C5", "K4", null, null)
          .add("2024-05-01T09:00", "allocated", "C4", "K4", "W5", "T1", "cin")
          .add("2024-03-01T09:00", "allocated", "C6", "K5", "W7", "T1", "cin")
          .add("2024-04-15T09:00", "transferred", "C6", "K5", null, "T1")
          .add("2024-07-01T09:00", "transferred", "C4", "K4", "W8", "T1")
          .book();

  private static final Map<String, String> FAMILIES =
      Map.of("K1", "F1", "K2", "F1", "K3", "F1", "K5", "F2");

  private static OpenCase open(String id) {
    return BOOK.openOn(ON).stream().filter(c -> c.caseId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aChildKnowsItsFormerWorkersAndItsSiblingsWorkersButNotTheOneItLeaves() {
    List<OpenCase> moving = List.of(open("C1"), open("C3"), open("C4"));
    Map<String, Set<String>> known = KnownWorkers.of(moving, BOOK.openOn(ON), BOOK, FAMILIES, ON);

    assertThat(known.keySet()).containsExactly("C1", "C3", "C4");
    // K1: W1 held C1 before W2 (its worker now, left out); W3 holds sibling C2, which stays.
    // W4 holds sibling C3, but C3 moves too: not counted.
    assertThat(known.get("C1")).containsExactly("W1", "W3");
    // K3: held only by W4 (left out); knows W3 through C2.
    assertThat(known.get("C3")).containsExactly("W3");
    // K4: W6 held its closed case; W8's transfer is after the date.
    assertThat(known.get("C4")).containsExactly("W6");
  }

  @Test
  void anUnallocatedCaseKeepsEveryFormerWorker() {
    Map<String, Set<String>> known =
        KnownWorkers.of(List.of(open("C6")), BOOK.openOn(ON), BOOK, FAMILIES, ON);
    assertThat(open("C6").worker()).isNull();
    assertThat(known).containsExactly(Map.entry("C6", Set.of("W7")));
  }

  @Test
  void withoutAFamilyOnlyTheChildsOwnCasesCount() {
    Map<String, Set<String>> known =
        KnownWorkers.of(List.of(open("C1")), BOOK.openOn(ON), BOOK, Map.of(), ON);
    assertThat(known.get("C1")).containsExactly("W1");
  }
}
