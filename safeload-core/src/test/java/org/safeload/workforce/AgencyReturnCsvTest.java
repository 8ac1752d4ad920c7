package org.safeload.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;
import org.safeload.workforce.WorkforceCensus.Member;

/**
 * The quarterly agency return (docs/workforce.md) on the hand-worked register of {@link
 * WorkforceCensusTest} and a few agency workers who start, leave or are engaged around the quarter.
 */
class AgencyReturnCsvTest {

  private static Member agency(
      String team, Role role, String fte, String start, String end, String swe) {
    return new Member(
        team,
        new WorkerDetails(
            "Agency worker " + start,
            role,
            EmploymentType.AGENCY,
            new BigDecimal(fte),
            LocalDate.parse(start),
            end == null ? null : LocalDate.parse(end),
            null,
            null,
            swe));
  }

  private final List<Member> members = new ArrayList<>(WorkforceCensusTest.REGISTER);

  {
    // Started in the quarter: 15 August to 30 September is 17 + 30 = 47 days.
    members.add(agency("Delta", Role.ADVANCED_PRACTITIONER, "0.5", "2025-08-15", null, "SW200"));
    // Left in it: 1 to 10 July; the team's name is written so that no spreadsheet runs it.
    members.add(agency("=Delta", Role.TEAM_MANAGER, "1", "2025-04-01", "2025-07-10", "SW201"));
    // Left the day before it, and starts the day after it: not in the return.
    members.add(agency("Delta", Role.SOCIAL_WORKER, "1", "2025-01-01", "2025-06-30", "SW202"));
    members.add(agency("Delta", Role.SOCIAL_WORKER, "1", "2025-10-01", null, "SW203"));
  }

  @Test
  void oneRowForEachAgencyWorkerEngagedInTheQuarterWithTheirDaysInIt() {
    StringWriter out = new StringWriter();

    AgencyReturnCsv.write(out, LocalDate.of(2025, 9, 30), members);

    // The quarter is 1 July to 30 September (92 days); employed workers are not in it.
    assertThat(out.toString())
        .isEqualTo(
            """
            team,role,employment_type,project_team,swe_number,start_date,end_date,fte,days_in_quarter,dfe_rules_met,dfe_rules_failed
            '=Delta,team-manager,agency,no,SW201,2025-04-01,2025-07-10,1.00,10,,
            Alpha,social-worker,agency,no,,2025-01-06,,1.00,92,,
            bravo,social-worker,managed-service,yes,,2025-06-01,,1.00,92,,
            Bravo,social-worker,managed-service,yes,,2025-06-01,2025-12-31,1.00,92,,
            Charlie,social-worker,agency,no,,2025-02-01,,0.60,92,,
            Delta,advanced-practitioner,agency,no,SW200,2025-08-15,,0.50,47,,
            """);
  }

  @Test
  void theDfeRulesAreJudgedOnEachWorkersLastDayInTheQuarter() {
    StringWriter out = new StringWriter();
    AgencyReturnCsv.write(
        out,
        LocalDate.of(2025, 9, 30),
        members,
        (m, day) ->
            m.worker().sweRegistration() == null
                ? null
                : day.equals(LocalDate.of(2025, 7, 10))
                    ? List.of("agency-pqe", "agency-references")
                    : List.of());
    // SW201 left on 10 July: judged that day, failing two rules; SW200 on 30 September, meeting
    // them; the rest unknown.
    assertThat(out.toString())
        .contains("SW201,2025-04-01,2025-07-10,1.00,10,no,agency-pqe;agency-references\n")
        .contains("SW200,2025-08-15,,0.50,47,yes,\n")
        .contains("Charlie,social-worker,agency,no,,2025-02-01,,0.60,92,,\n");
  }

  @Test
  void theQuarterIsACalendarQuarter() {
    assertThat(AgencyReturnCsv.quarterStart(LocalDate.of(2025, 3, 31)))
        .isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(AgencyReturnCsv.quarterStart(LocalDate.of(2025, 6, 30)))
        .isEqualTo(LocalDate.of(2025, 4, 1));
    assertThat(AgencyReturnCsv.quarterStart(LocalDate.of(2025, 12, 31)))
        .isEqualTo(LocalDate.of(2025, 10, 1));
    assertThat(AgencyReturnCsv.quarterEnd(LocalDate.of(2025, 9, 30))).isTrue();
    assertThat(AgencyReturnCsv.quarterEnd(LocalDate.of(2025, 8, 31))).isFalse();
    assertThat(AgencyReturnCsv.quarterEnd(LocalDate.of(2025, 9, 29))).isFalse();
    assertThatThrownBy(
            () -> AgencyReturnCsv.write(new StringWriter(), LocalDate.of(2025, 9, 29), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
