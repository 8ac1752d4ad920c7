package org.safeload.app.organisation;

import java.time.LocalDate;
import java.util.List;
import org.safeload.organisation.Assignment;
import org.safeload.organisation.Team;
import org.safeload.organisation.Worker;

/**
 * A worker with their team on a date and their team history.
 *
 * @param team the team on {@code on}, or {@code null} if none
 */
public record WorkerView(
    Worker worker,
    Team team,
    LocalDate on,
    List<HistoryLine> history,
    int pqeYears,
    boolean inAsye) {

  /** One assignment with its team's name. */
  public record HistoryLine(Assignment assignment, String teamName) {}
}
