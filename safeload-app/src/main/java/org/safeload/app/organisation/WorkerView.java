package org.safeload.app.organisation;

import java.time.LocalDate;
import java.util.List;
import org.safeload.organisation.Assignment;
import org.safeload.organisation.Team;
import org.safeload.organisation.Worker;
import org.safeload.organisation.WorkerStatus;

/**
 * A worker with their team on a date and their team history.
 *
 * @param team the team they are in on {@code on}: {@code null} for a leaver or a future starter
 * @param status in post, left or not yet started on {@code on}
 * @param placement the team that places them: their team on {@code on}, the team a future starter
 *     joins, or the team a leaver left (or {@code null} if none)
 */
public record WorkerView(
    Worker worker,
    Team team,
    LocalDate on,
    List<HistoryLine> history,
    int pqeYears,
    boolean inAsye,
    WorkerStatus status,
    Team placement) {

  /** One assignment with its team's name. */
  public record HistoryLine(Assignment assignment, String teamName) {}

  public boolean leaver() {
    return status == WorkerStatus.LEAVER;
  }

  public boolean futureStarter() {
    return status == WorkerStatus.FUTURE_STARTER;
  }

  /** The worker's last working day, when it is still to come. */
  public boolean leaving() {
    return status == WorkerStatus.CURRENT && worker.details().endDate() != null;
  }
}
