package org.safeload.workforce;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;

/**
 * A contract's mobilisation (docs/workforce.md): the people its roster asks for on its first day,
 * role by role, who is proposed for each line (the workers of the team it supplies on that day),
 * who of them is cleared and who is missing what, and how many days are left to the start.
 *
 * @param daysToStart days from {@code on} to the start: 0 on the first day, negative once started
 * @param lines one per role the roster asks for or a proposed worker holds, in role order
 * @param ready every line has at least as many cleared workers as it asks for
 */
public record Readiness(
    LocalDate start, LocalDate on, long daysToStart, List<Line> lines, boolean ready) {

  /**
   * A worker proposed for the contract and their clearance on its first day (or today, once
   * started).
   */
  public record Proposed(long id, String name, WorkerDetails worker, Clearance.Result clearance) {

    /** Cleared, or cleared with a check falling due soon. */
    public boolean cleared() {
      return clearance.status() != Clearance.Status.BLOCKED;
    }
  }

  /**
   * One role of the roster.
   *
   * @param needed the people the roster asks for in the role (0 for a proposed worker's role it
   *     does not name)
   * @param missing cleared people still to find: needed less cleared, never negative
   */
  public record Line(Role role, int needed, List<Proposed> proposed, int cleared, int missing) {}

  /**
   * The readiness on a date.
   *
   * @param needed the roster on its first day, by role ({@code ContractCosting.rosterOn})
   * @param proposed the workers proposed, each with their clearance
   */
  public static Readiness of(
      Map<Role, Integer> needed, Collection<Proposed> proposed, LocalDate start, LocalDate on) {
    Map<Role, List<Proposed>> byRole = new EnumMap<>(Role.class);
    for (Proposed p : proposed) {
      byRole.computeIfAbsent(p.worker().role(), k -> new ArrayList<>()).add(p);
    }
    List<Line> lines = new ArrayList<>();
    boolean ready = true;
    for (Role role : Role.values()) {
      int asked = needed.getOrDefault(role, 0);
      List<Proposed> these = byRole.getOrDefault(role, List.of());
      if (asked == 0 && these.isEmpty()) {
        continue;
      }
      List<Proposed> sorted =
          these.stream()
              .sorted(
                  Comparator.comparing((Proposed p) -> !p.cleared()).thenComparing(Proposed::name))
              .toList();
      int cleared = (int) these.stream().filter(Proposed::cleared).count();
      int missing = Math.max(0, asked - cleared);
      ready &= missing == 0;
      lines.add(new Line(role, asked, sorted, cleared, missing));
    }
    return new Readiness(start, on, ChronoUnit.DAYS.between(on, start), List.copyOf(lines), ready);
  }

  /** The people the roster asks for in all. */
  public int needed() {
    return lines.stream().mapToInt(Line::needed).sum();
  }

  /** The people still to be cleared or found, over every line. */
  public int missing() {
    return lines.stream().mapToInt(Line::missing).sum();
  }
}
