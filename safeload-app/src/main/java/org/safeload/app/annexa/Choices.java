package org.safeload.app.annexa;

import java.util.Map;
import org.safeload.organisation.WorkerDetails;

/**
 * What the user chose for the workbook's names, by their workbook ids ({@code W1}, {@code T1}): an
 * existing worker or team, or a new one. A name left out keeps its match by name, and is a problem
 * when it has none.
 */
public record Choices(Map<String, WorkerChoice> workers, Map<String, TeamChoice> teams) {

  public Choices {
    workers = Map.copyOf(workers);
    teams = Map.copyOf(teams);
  }

  public static Choices none() {
    return new Choices(Map.of(), Map.of());
  }

  /** A worker for a name. */
  public sealed interface WorkerChoice {}

  /** A worker Safeload holds. */
  public record ExistingWorker(long id) implements WorkerChoice {}

  /**
   * A new worker with the workbook's name, created as the worker form creates one, in a team
   * Safeload holds ({@code teamId}) or the team the workbook names ({@code teamRef}, {@code T1}),
   * whatever was chosen for it.
   */
  public record NewWorker(WorkerDetails details, Long teamId, String teamRef)
      implements WorkerChoice {}

  /** A team for a name. */
  public sealed interface TeamChoice {}

  /** A team Safeload holds. */
  public record ExistingTeam(long id) implements TeamChoice {}

  /**
   * A new team with the workbook's name, created as the team form creates one.
   *
   * @param kind {@code substantive} or {@code managed}
   */
  public record NewTeam(Long serviceId, String kind, Long providerId) implements TeamChoice {}
}
