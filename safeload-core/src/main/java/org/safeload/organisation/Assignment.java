package org.safeload.organisation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A worker's membership of a team from one date to another (both inclusive).
 *
 * @param to the last day in the team, or {@code null} while it lasts
 */
public record Assignment(long workerId, long teamId, LocalDate from, LocalDate to) {

  public Assignment {
    Objects.requireNonNull(from, "from");
    if (to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("an assignment cannot end before it starts");
    }
  }

  public boolean covers(LocalDate date) {
    return !date.isBefore(from) && (to == null || !date.isAfter(to));
  }
}
