package org.safeload.caseload;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.safeload.caseload.CaseBook.OpenCase;

/**
 * Who each child already knows, for handing its case over: the workers who held any of the child's
 * cases up to the date, and the workers who hold a sibling's open case that is not moving (the
 * child knows them as the family's worker). The case's current worker is left out: it is the one
 * the case moves from.
 */
public final class KnownWorkers {

  private KnownWorkers() {}

  /**
   * For each moving case, the workers the child knows besides the case's current worker, earliest
   * held first, then the siblings' workers.
   *
   * @param moving the cases to hand over
   * @param open every case open on the date (moving or not)
   * @param book the case activity
   * @param families child id to family group (children missing from it have no siblings)
   * @param on the date
   * @return moving case id to the workers its child knows, in the order of {@code moving}
   */
  public static Map<String, Set<String>> of(
      Collection<OpenCase> moving,
      Collection<OpenCase> open,
      CaseBook book,
      Map<String, String> families,
      LocalDate on) {
    Set<String> movingIds = new LinkedHashSet<>();
    moving.forEach(c -> movingIds.add(c.caseId()));
    Map<String, Set<String>> siblingHolders = new HashMap<>();
    for (OpenCase o : open) {
      String family = families.get(o.childId());
      if (family != null && o.worker() != null && !movingIds.contains(o.caseId())) {
        siblingHolders.computeIfAbsent(family, k -> new LinkedHashSet<>()).add(o.worker());
      }
    }
    Map<String, Set<String>> known = new LinkedHashMap<>();
    for (OpenCase c : moving) {
      Set<String> workers = new LinkedHashSet<>(book.workersOfChild(c.childId(), on));
      String family = families.get(c.childId());
      if (family != null) {
        workers.addAll(siblingHolders.getOrDefault(family, Set.of()));
      }
      if (c.worker() != null) {
        workers.remove(c.worker());
      }
      known.put(c.caseId(), workers);
    }
    return known;
  }
}
