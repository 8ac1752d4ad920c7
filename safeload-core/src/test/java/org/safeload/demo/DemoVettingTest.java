package org.safeload.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.workforce.Clearance;

/**
 * The demo council's vetting on its "today" (24 November 2026): every worker cleared but the
 * managed team's last social worker, blocked by the DfE agency rules with both reasons.
 */
class DemoVettingTest {

  @Test
  void oneManagedWorkerIsBlockedAndEveryoneElseIsCleared() {
    List<DemoCouncil.DemoWorker> workers = DemoCouncil.workers();
    List<String> blocked = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      DemoCouncil.DemoWorker w = workers.get(i);
      Clearance.Result r =
          Clearance.check(
              w.details(),
              DemoCouncil.vetting(w, i),
              new Clearance.Assignment(
                  w.details().startDate(), DemoCouncil.COUNCIL_NAME, DemoCouncil.REGION),
              List.of(),
              LocalDate.of(2026, 11, 24),
              Clearance.Policy.standard());
      if (r.status() == Clearance.Status.BLOCKED) {
        blocked.add(w.team() + ": " + r.failures().stream().map(Clearance.Failure::rule).toList());
      } else {
        assertThat(r.status()).as(w.details().name()).isEqualTo(Clearance.Status.CLEARED);
      }
    }
    assertThat(blocked)
        .containsExactly("Brightpath Project Team: [agency-references, agency-three-months]");
  }
}
