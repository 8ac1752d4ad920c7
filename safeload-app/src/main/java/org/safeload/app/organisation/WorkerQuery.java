package org.safeload.app.organisation;

import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerStatus;

/**
 * What the workers list is filtered by (each {@code null} for any) and which page of it to show.
 *
 * @param teamId the team: a current worker's team today, a future starter's team to be, a leaver's
 *     last team
 * @param page the page, from 1
 */
public record WorkerQuery(
    Long teamId, Role role, EmploymentType employmentType, WorkerStatus status, int page) {

  public static final int PAGE_SIZE = 50;

  public static WorkerQuery all() {
    return new WorkerQuery(null, null, null, null, 1);
  }
}
