package org.safeload.app.organisation;

import java.time.LocalDate;
import java.util.Map;

/**
 * The cases each worker holds on a date, told by the module that keeps caseloads: the workforce
 * figures ask through this interface so that the organisation does not depend on caseloads (which
 * depend on it).
 */
public interface CasesHeld {

  /** Open cases allocated to each worker on the date, by worker id (none: left out). */
  Map<Long, Integer> byWorker(LocalDate on);
}
