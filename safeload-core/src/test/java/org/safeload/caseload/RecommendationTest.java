package org.safeload.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeload.caseload.Events.ap;
import static org.safeload.caseload.Events.asye;
import static org.safeload.caseload.Events.manager;
import static org.safeload.caseload.Events.sw;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.caseload.CaseBook.OpenCase;
import org.safeload.caseload.Recommendation.Candidate;
import org.safeload.caseload.Recommendation.Continuity;

class RecommendationTest {

  private static final LocalDate ON = LocalDate.of(2024, 3, 15);

  /*
   * The case to place: C1 (child K1, family F1 with K2), held by W1 from 1 March, unallocated in
   * T1 since 8 March. Loads on 15 March (all cin, weight 1, unless said):
   *   W1  15        held K1 before                      after 16 → 16.00 per FTE
   *   W2  10 + K2   holds sibling K2's case C2b         after 12 → 12.00
   *   W3  2         held K2's earlier case C2a (closed) after 3  → 3.00
   *   W4  3 at 0.5 FTE                                  after 4 / 0.5 → 8.00
   *   W5  5                                             after 6 → 6.00
   *   W6  2 cp + 2 cin = 4 cases, 5 weighted            after 6 → 6.00, fewer cases than W5
   *   W10 12                                            after 13 → 13.00
   *   P1  advanced practitioner, 10: 11 > target 10     after 11 → 11.00, over target
   *   W7  22: a 23rd is over the cap of 22              ineligible
   *   M1  team manager                                  ineligible
   */
  private static final CaseBook BOOK =
      Events.log()
          .add("2024-03-01T09:00", "allocated", "C1", "K1", "W1", "T1", "cin")
          .add("2024-03-08T09:00", "transferred", "C1", "K1", null, "T1")
          .add("2024-01-10T09:00", "allocated", "C2a", "K2", "W3", "T1", "cin")
          .add("2024-02-10T09:00", "closed", "C2a", "K2", null, null)
          .add("2024-03-01T09:00", "allocated", "C2b", "K2", "W2", "T1", "cin")
          .held("W1", "T1", "cin", 15, "2024-03-01T09:00")
          .held("W2", "T1", "cin", 10, "2024-03-01T09:00")
          .held("W3", "T1", "cin", 2, "2024-03-01T09:00")
          .held("W4", "T1", "cin", 3, "2024-03-01T09:00")
          .held("W5", "T1", "cin", 5, "2024-03-01T09:00")
          .held("W6", "T1", "cp", 2, "2024-03-01T09:00")
          .held("W6", "T1", "cin", 2, "2024-03-01T09:00")
          .held("W10", "T1", "cin", 12, "2024-03-01T09:00")
          .held("P1", "T1", "cin", 10, "2024-03-01T09:00")
          .held("W7", "T1", "cin", 22, "2024-03-01T09:00")
          .add("2024-03-14T09:00", "referral", "CP1", "K9", null, "T1")
          .add("2024-03-14T10:00", "case-type-changed", "CP1", "K9", null, null, "cp")
          .book();

  private static final Caseloads LOADS = new Caseloads(BOOK, CaseloadPolicy.defaultPolicy(), ON);

  private static final Map<String, String> FAMILIES = Map.of("K1", "F1", "K2", "F1");

  private static OpenCase openCase(String id) {
    return LOADS.open().stream().filter(c -> c.caseId().equals(id)).findFirst().orElseThrow();
  }

  private static final List<CaseHolder> EVERYONE =
      List.of(
          manager("M1", "T1"),
          sw("W7", "T1", "1"),
          ap("P1", "T1", "1"),
          sw("W10", "T1", "1"),
          sw("W6", "T1", "1"),
          sw("W5", "T1", "1"),
          sw("W4", "T1", "0.5"),
          sw("W3", "T1", "1"),
          sw("W2", "T1", "1"),
          sw("W1", "T1", "1"));

  @Test
  void continuityComesFirstThenHeadroomThenIneligibleWorkersWithTheirReasons() {
    OpenCase c1 = openCase("C1");
    assertThat(c1.worker()).isNull();
    List<Candidate> ranked = Recommendation.rank(c1, EVERYONE, LOADS, BOOK, FAMILIES);
    assertThat(ranked)
        .extracting(k -> k.holder().id())
        .containsExactly("W1", "W2", "W3", "W6", "W5", "W4", "W10", "P1", "M1", "W7");
    assertThat(ranked)
        .extracting(Candidate::continuity)
        .startsWith(Continuity.HELD_CHILD, Continuity.HOLDS_SIBLING, Continuity.HELD_SIBLING);
    assertThat(ranked)
        .extracting(Candidate::eligible)
        .containsExactly(true, true, true, true, true, true, true, true, false, false);
    assertThat(ranked)
        .extracting(k -> k.weightedPerFteAfter().toPlainString())
        .containsExactly(
            "16.00", "12.00", "3.00", "6.00", "6.00", "8.00", "13.00", "11.00", "1.00", "23.00");
  }

  @Test
  void eachCandidateSaysWhyInWords() {
    List<Candidate> ranked = Recommendation.rank(openCase("C1"), EVERYONE, LOADS, BOOK, FAMILIES);
    Map<String, Candidate> by =
        ranked.stream().collect(java.util.stream.Collectors.toMap(k -> k.holder().id(), k -> k));
    // W1: 15 held, cap 22 → room for 7 more
    assertThat(by.get("W1").reasons())
        .containsExactly(
            "Has held this child's case before",
            "Weighted load per FTE 16 after taking it; room for 7 more under the cap");
    assertThat(by.get("W1").current()).isEqualTo(Events.load(15, "15"));
    assertThat(by.get("W1").after()).isEqualTo(Events.load(16, "16"));
    assertThat(by.get("W1").headroom()).isEqualTo(7);
    // W2: 11 held → room for 11
    assertThat(by.get("W2").reasons())
        .containsExactly(
            "Holds a sibling's case",
            "Weighted load per FTE 12 after taking it; room for 11 more under the cap");
    assertThat(by.get("W3").reasons()).first().isEqualTo("Has held a sibling's case before");
    // W4 at 0.5 FTE: cap floor(11) = 11, holds 3 → room for 8; 4 / 0.5 = 8
    assertThat(by.get("W4").reasons())
        .containsExactly("Weighted load per FTE 8 after taking it; room for 8 more under the cap");
    // P1: AP cap 15, holds 10 → 5; 11 cases over the AP target of 10
    assertThat(by.get("P1").reasons())
        .containsExactly(
            "Weighted load per FTE 11 after taking it; room for 5 more under the cap",
            "11 cases would be over the target of 10");
    assertThat(by.get("P1").verdict().needsReason()).isTrue();
    assertThat(by.get("W7").reasons()).containsExactly("23 cases would be over the cap of 22");
    assertThat(by.get("W7").headroom()).isZero();
    assertThat(by.get("M1").reasons())
        .containsExactly("Team managers do not hold cases under policy default");
  }

  @Test
  void withoutAFamilyGroupThereIsNoSiblingContinuity() {
    List<Candidate> ranked = Recommendation.rank(openCase("C1"), EVERYONE, LOADS, BOOK, Map.of());
    // W1 still held the child; W2 and W3 now rank by headroom with the others:
    // W3 3.00, W6 6.00 (4 cases), W5 6.00 (5 cases), W4 8.00, W2 12.00, W10 13.00; P1 over target
    assertThat(ranked)
        .extracting(k -> k.holder().id())
        .containsExactly("W1", "W3", "W6", "W5", "W4", "W2", "W10", "P1", "M1", "W7");
  }

  @Test
  void aCpCaseRanksAnAsyeAsIneligibleWhateverTheirHeadroom() {
    OpenCase cp = openCase("CP1");
    assertThat(cp.type().code()).isEqualTo("cp");
    List<Candidate> ranked =
        Recommendation.rank(
            cp, List.of(asye("A1", "T1", "1"), sw("W5", "T1", "1")), LOADS, BOOK, FAMILIES);
    // W5: 5 cin + 1.5 = 6.5 weighted; A1 holds nothing but may not hold cp
    assertThat(ranked).extracting(k -> k.holder().id()).containsExactly("W5", "A1");
    assertThat(ranked.get(0).weightedPerFteAfter()).isEqualByComparingTo("6.50");
    assertThat(ranked.get(1).eligible()).isFalse();
    assertThat(ranked.get(1).reasons())
        .singleElement()
        .asString()
        .contains("may not hold Child protection cases");
  }

  @Test
  void aWorkerWhoIsNotClearedIsRankedWithTheIneligibleWhateverTheirHeadroom() {
    OpenCase cp = openCase("CP1");
    // W3 and W5 both may hold the case; W3 has more headroom but is not cleared.
    List<Candidate> ranked =
        Recommendation.rank(
            cp,
            List.of(sw("W3", "T1", "1"), sw("W5", "T1", "1")),
            LOADS,
            BOOK,
            FAMILIES,
            Map.of("W3", List.of("No DBS check is recorded")));
    assertThat(ranked).extracting(k -> k.holder().id()).containsExactly("W5", "W3");
    Candidate w3 = ranked.get(1);
    assertThat(w3.eligible()).isFalse();
    assertThat(w3.verdict().allowed()).isTrue();
    assertThat(w3.blockedByClearance()).isTrue();
    assertThat(w3.reasons()).first().isEqualTo("Not cleared: No DBS check is recorded");
    assertThat(ranked.get(0).eligible()).isTrue();
    assertThat(ranked.get(0).notCleared()).isEmpty();
  }

  @Test
  void theWorkerWhoHoldsTheCaseIsNotACandidate() {
    OpenCase held = openCase("W5-cin-1");
    List<Candidate> ranked =
        Recommendation.rank(
            held, List.of(sw("W5", "T1", "1"), sw("W3", "T1", "1")), LOADS, BOOK, FAMILIES);
    assertThat(ranked).extracting(k -> k.holder().id()).containsExactly("W3");
  }

  @Test
  void equalHeadroomAndCasesFallBackToName() {
    CaseBook book = Events.log().add("2024-03-14T09:00", "referral", "X", "KX", null, "T1").book();
    Caseloads loads = new Caseloads(book, CaseloadPolicy.defaultPolicy(), ON);
    OpenCase x = loads.open().getFirst();
    List<Candidate> ranked =
        Recommendation.rank(
            x,
            List.of(
                new CaseHolder(
                    "2",
                    "Zara",
                    "T1",
                    org.safeload.organisation.Role.SOCIAL_WORKER,
                    java.math.BigDecimal.ONE,
                    false,
                    3),
                new CaseHolder(
                    "1",
                    "Amir",
                    "T1",
                    org.safeload.organisation.Role.SOCIAL_WORKER,
                    java.math.BigDecimal.ONE,
                    false,
                    3)),
            loads,
            book,
            Map.of());
    assertThat(ranked).extracting(k -> k.holder().name()).containsExactly("Amir", "Zara");
  }
}
