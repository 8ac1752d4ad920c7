package org.safeload.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.safeload.caseload.CaseBook.OpenCase;

/**
 * Caseloads on random books against the plain definition, case by case: a worker's load is the
 * count and the sum of the weights of the open cases they hold; a group's unallocated cases are the
 * open cases of its teams with no worker or with one who cannot hold cases on the date.
 */
class CaseloadsAgainstBruteForceTest {

  private static final CaseloadPolicy POLICY = CaseloadPolicy.defaultPolicy();
  private static final LocalDate ON = LocalDate.of(2024, 3, 15);
  private static final String[] TYPES = {"cin", "cp", "cla", "assessment", "court"};

  @RepeatedTest(20)
  void loadsAndUnallocatedCountsMatchTheDefinition(RepetitionInfo repetition) {
    long seed = 7_919L * repetition.getCurrentRepetition();
    System.out.println("CaseloadsAgainstBruteForceTest seed " + seed);
    Random random = new Random(seed);
    Events log = Events.log();
    for (int i = 0; i < 200; i++) {
      String worker = random.nextInt(5) == 0 ? null : "W" + random.nextInt(12);
      String team = random.nextInt(10) == 0 ? null : "T" + random.nextInt(4);
      String type = TYPES[random.nextInt(TYPES.length)];
      String at = "2024-03-" + String.format("%02d", 1 + random.nextInt(20)) + "T09:00";
      if (worker == null) {
        log.add(at, "referral", "C" + i, "K" + i, null, team == null ? "T0" : team, type);
      } else {
        log.add(at, "allocated", "C" + i, "K" + i, worker, team, type);
      }
      if (random.nextInt(6) == 0) {
        log.add(
            "2024-03-" + (21 + random.nextInt(8)) + "T09:00",
            "closed",
            "C" + i,
            "K" + i,
            null,
            null);
      }
    }
    CaseBook book = log.book();
    Set<String> left = new HashSet<>();
    for (int w = 0; w < 12; w++) {
      if (random.nextInt(4) == 0) {
        left.add("W" + w);
      }
    }
    Caseloads loads = new Caseloads(book, POLICY, ON, worker -> !left.contains(worker));
    List<OpenCase> open = book.openOn(ON);

    for (int w = 0; w < 12; w++) {
      String worker = "W" + w;
      int cases = 0;
      BigDecimal weighted = BigDecimal.ZERO;
      for (OpenCase c : open) {
        if (worker.equals(c.worker())) {
          cases++;
          weighted = weighted.add(POLICY.weight(c.type()));
        }
      }
      assertThat(loads.loadOf(worker).cases()).as(worker).isEqualTo(cases);
      assertThat(loads.loadOf(worker).weighted()).as(worker).isEqualByComparingTo(weighted);
    }
    for (Set<String> teams :
        List.of(Set.of("T0"), Set.of("T1", "T2"), Set.of("T0", "T1", "T2", "T3"))) {
      long unallocated =
          open.stream()
              .filter(c -> c.team() != null && teams.contains(c.team()))
              .filter(c -> c.worker() == null || left.contains(c.worker()))
              .count();
      assertThat(loads.group("g", List.of(), teams).unallocated())
          .as(teams.toString())
          .isEqualTo((int) unallocated);
    }
  }
}
