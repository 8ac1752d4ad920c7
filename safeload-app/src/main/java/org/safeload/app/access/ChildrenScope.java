package org.safeload.app.access;

import java.util.Set;

/**
 * Whose children a signed-in person may see, in every list, item, export and search: every child
 * (council staff who oversee, read-only auditors), or the children whose case is now in one of
 * {@code teams} (a provider's teams; a team manager's or social worker's own team), plus, for a
 * social worker, the cases allocated to {@code worker} wherever they are. An unlinked social worker
 * or team manager sees none.
 *
 * @param teams team ids as case events name them; {@code null} for every team
 * @param worker the worker id whose own cases are seen, if any
 */
public record ChildrenScope(Set<String> teams, String worker) {

  /** Every child. */
  public static final ChildrenScope ALL = new ChildrenScope(null, null);

  /** No child at all. */
  public static final ChildrenScope NONE = new ChildrenScope(Set.of(), null);

  public ChildrenScope {
    teams = teams == null ? null : Set.copyOf(teams);
  }

  public boolean all() {
    return teams == null;
  }

  /** Whether a case, now in {@code team} and held by {@code holder}, may be seen. */
  public boolean sees(String team, String holder) {
    return teams == null
        || (team != null && teams.contains(team))
        || (worker != null && worker.equals(holder));
  }
}
