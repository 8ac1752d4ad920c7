package org.safeload.handover;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.safeload.timeliness.CaseType;

/**
 * A case to hand over.
 *
 * @param caseId unique among the cases handed over
 * @param childId the child (one case per child)
 * @param familyGroup cases sharing it are siblings and go to one worker; {@code null}: the case is
 *     a family of its own
 * @param type the kind of work on the case now (decides its weight and who may hold it)
 * @param currentWorker who holds it now (commonly a leaving worker), or {@code null}
 * @param previousWorkers workers who held the child before; with {@code currentWorker}, the workers
 *     the child already knows
 * @param moveBy the date the case must move by (its current worker's last day); {@code null}: the
 *     plan date. A family moves on the earliest {@code moveBy} of its cases.
 */
public record HandoverCase(
    String caseId,
    String childId,
    String familyGroup,
    CaseType type,
    String currentWorker,
    Set<String> previousWorkers,
    LocalDate moveBy) {

  public HandoverCase {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(type, "type");
    if (childId == null) {
      childId = caseId;
    }
    if (familyGroup != null && familyGroup.isBlank()) {
      familyGroup = null;
    }
    if (currentWorker != null && currentWorker.isBlank()) {
      currentWorker = null;
    }
    previousWorkers =
        previousWorkers == null
            ? Set.of()
            : Collections.unmodifiableSet(new LinkedHashSet<>(previousWorkers));
  }

  /** A case that moves on the plan date. */
  public HandoverCase(
      String caseId,
      String childId,
      String familyGroup,
      CaseType type,
      String currentWorker,
      Set<String> previousWorkers) {
    this(caseId, childId, familyGroup, type, currentWorker, previousWorkers, null);
  }

  /** Whether the child already knows this worker (holds it now or held it before). */
  public boolean knows(String workerId) {
    return workerId.equals(currentWorker) || previousWorkers.contains(workerId);
  }

  /** The key its family is grouped by: the family group, or the case itself when alone. */
  String familyKey() {
    return familyGroup != null ? "family:" + familyGroup : "case:" + caseId;
  }
}
