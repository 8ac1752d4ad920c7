package org.safeload.app.caseload;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.safeload.app.organisation.CasesHeld;
import org.safeload.caseload.Caseloads;
import org.springframework.stereotype.Component;

/** Tells the workforce figures how many cases each worker holds on a date (counts only). */
@Component
class CasesHeldFromCaseloads implements CasesHeld {

  private final CaseloadBoards boards;

  CasesHeldFromCaseloads(CaseloadBoards boards) {
    this.boards = boards;
  }

  @Override
  public Map<Long, Integer> byWorker(LocalDate on) {
    if (boards.dateProblem(on).isPresent()) {
      return Map.of();
    }
    Map<Long, Integer> held = new HashMap<>();
    for (Caseloads.WorkerLoad w : boards.overview(on).council().workers()) {
      if (w.load().cases() > 0) {
        held.put(Long.parseLong(w.holder().id()), w.load().cases());
      }
    }
    return held;
  }
}
