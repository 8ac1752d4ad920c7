package org.safeload.caseload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.safeload.organisation.Role;
import org.safeload.organisation.Worker;

/**
 * A worker as the allocation rules see them on a date: their role, FTE and experience.
 *
 * @param id the worker's id (as in the case activity file)
 * @param team the worker's team id on the date, or {@code null}
 * @param asye in their Assessed and Supported Year in Employment on the date
 * @param pqeYears whole years of post-qualifying experience on the date
 */
public record CaseHolder(
    String id, String name, String team, Role role, BigDecimal fte, boolean asye, int pqeYears) {

  public CaseHolder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(fte, "fte");
    if (fte.signum() <= 0) {
      throw new IllegalArgumentException("a case holder's FTE must be more than 0");
    }
    if (name == null) {
      name = id;
    }
  }

  /** The worker as they are on a date, in a team. */
  public static CaseHolder of(Worker worker, String team, LocalDate on) {
    return new CaseHolder(
        String.valueOf(worker.id()),
        worker.name(),
        team,
        worker.role(),
        worker.details().fte(),
        worker.details().inAsyeOn(on),
        worker.details().pqeYears(on));
  }
}
