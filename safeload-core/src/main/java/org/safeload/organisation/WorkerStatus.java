package org.safeload.organisation;

import java.time.LocalDate;
import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/**
 * Where a worker stands on a date, from their start and end dates alone: in post, left, or not
 * started yet. A leaver belongs to no team after their last working day, whatever their team
 * history says.
 */
public enum WorkerStatus implements Coded {
  CURRENT("current", "Current"),
  LEAVER("leaver", "Leaver"),
  FUTURE_STARTER("future-starter", "Future starter");

  private final String code;
  private final String label;

  WorkerStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return label;
  }

  /** The worker's status on a date: a leaver after their end date, a future starter before. */
  public static WorkerStatus of(WorkerDetails worker, LocalDate on) {
    if (on.isBefore(worker.startDate())) {
      return FUTURE_STARTER;
    }
    if (worker.endDate() != null && on.isAfter(worker.endDate())) {
      return LEAVER;
    }
    return CURRENT;
  }

  /**
   * The date that places the worker in a team: the start date of a future starter (the team they
   * join), the end date of a leaver (the team they left), otherwise the date itself.
   */
  public static LocalDate teamDate(WorkerDetails worker, LocalDate on) {
    return switch (of(worker, on)) {
      case FUTURE_STARTER -> worker.startDate();
      case LEAVER -> worker.endDate();
      case CURRENT -> on;
    };
  }

  public static Optional<WorkerStatus> fromCode(String code) {
    return Codes.fromCode(WorkerStatus.class, code);
  }
}
