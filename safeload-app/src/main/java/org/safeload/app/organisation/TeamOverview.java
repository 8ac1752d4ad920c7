package org.safeload.app.organisation;

import java.time.LocalDate;
import java.util.List;
import org.safeload.organisation.Provider;
import org.safeload.organisation.Service;
import org.safeload.organisation.Team;
import org.safeload.workforce.Staffing;

/** Everything the team page shows: workers, FTE against establishment, vacancies. */
public record TeamOverview(
    Team team,
    Service service,
    Provider provider,
    LocalDate on,
    Staffing staffing,
    List<TeamMember> members) {}
