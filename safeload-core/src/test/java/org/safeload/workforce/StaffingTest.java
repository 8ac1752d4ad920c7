package org.safeload.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.EstablishmentLine;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;

class StaffingTest {

  private static final LocalDate ON = LocalDate.of(2026, 11, 23);

  private static WorkerDetails worker(Role role, String fte, String start, String end) {
    return new WorkerDetails(
        "W",
        role,
        EmploymentType.PERMANENT,
        new BigDecimal(fte),
        LocalDate.parse(start),
        end == null ? null : LocalDate.parse(end),
        LocalDate.of(2015, 7, 1),
        null,
        "SW1");
  }

  @Test
  void countsFteInPostAgainstEstablishmentRoleByRole() {
    List<EstablishmentLine> establishment =
        List.of(
            new EstablishmentLine(1, Role.TEAM_MANAGER, new BigDecimal("1")),
            new EstablishmentLine(1, Role.SOCIAL_WORKER, new BigDecimal("7")));
    List<WorkerDetails> members =
        List.of(
            worker(Role.TEAM_MANAGER, "1", "2020-01-01", null),
            worker(Role.SOCIAL_WORKER, "1", "2020-01-01", null),
            worker(Role.SOCIAL_WORKER, "0.8", "2020-01-01", null),
            worker(Role.SOCIAL_WORKER, "0.6", "2020-01-01", null),
            worker(Role.SOCIAL_WORKER, "1", "2020-01-01", "2026-11-22"), // left yesterday
            worker(Role.SOCIAL_WORKER, "1", "2026-11-24", null), // starts tomorrow
            worker(Role.ADVANCED_PRACTITIONER, "1", "2020-01-01", null)); // not budgeted

    Staffing staffing = Staffing.of(ON, establishment, members);

    // By hand: social workers 1 + 0.8 + 0.6 = 2.4 in post against 7 budgeted: 4.6 vacant.
    RoleStaffing sw = staffing.role(Role.SOCIAL_WORKER).orElseThrow();
    assertThat(sw.filled()).isEqualByComparingTo("2.4");
    assertThat(sw.vacant()).isEqualByComparingTo("4.6");
    assertThat(sw.headcount()).isEqualTo(3);
    RoleStaffing ap = staffing.role(Role.ADVANCED_PRACTITIONER).orElseThrow();
    assertThat(ap.budgeted()).isEqualByComparingTo("0");
    assertThat(ap.overEstablishment()).isEqualByComparingTo("1");
    assertThat(ap.vacant()).isEqualByComparingTo("0");
    // Totals: budgeted 8, filled 1 + 2.4 + 1 = 4.4, vacant 4.6; rate 4.6 / (4.4 + 4.6) = 51.1%.
    assertThat(staffing.budgeted()).isEqualByComparingTo("8");
    assertThat(staffing.filled()).isEqualByComparingTo("4.4");
    assertThat(staffing.vacant()).isEqualByComparingTo("4.6");
    assertThat(staffing.headcount()).isEqualTo(5);
    assertThat(staffing.vacancyRatePercent()).contains(new BigDecimal("51.1"));
    assertThat(staffing.roles())
        .extracting(RoleStaffing::role)
        .containsExactly(Role.SOCIAL_WORKER, Role.ADVANCED_PRACTITIONER, Role.TEAM_MANAGER);
  }

  @Test
  void anEmptyGroupHasNoVacancyRate() {
    assertThat(Staffing.of(ON, List.of(), List.of()).vacancyRatePercent()).isEmpty();
  }

  @Test
  void anAgencyWorkerCoversAVacancyWithoutFillingIt() {
    List<EstablishmentLine> establishment =
        List.of(
            new EstablishmentLine(1, Role.SOCIAL_WORKER, new BigDecimal("3")),
            new EstablishmentLine(1, Role.BUSINESS_SUPPORT, new BigDecimal("1")));
    List<WorkerDetails> members =
        List.of(
            worker(Role.SOCIAL_WORKER, "1", "2020-01-01", null),
            new WorkerDetails(
                "A",
                Role.SOCIAL_WORKER,
                EmploymentType.AGENCY,
                new BigDecimal("1"),
                LocalDate.of(2025, 1, 6),
                null,
                LocalDate.of(2015, 7, 1),
                null,
                "SW2"),
            new WorkerDetails(
                "M",
                Role.SOCIAL_WORKER,
                EmploymentType.MANAGED_SERVICE,
                new BigDecimal("0.5"),
                LocalDate.of(2025, 1, 6),
                null,
                LocalDate.of(2015, 7, 1),
                null,
                "SW3"));

    Staffing staffing = Staffing.of(ON, establishment, members);

    // By hand: 3 budgeted, 1 employed: 2 vacant, of which 1.5 covered by agency; business
    // support 1 vacant. The rate counts the qualified roles only: 2 / (2 + 1) = 66.7%.
    RoleStaffing sw = staffing.role(Role.SOCIAL_WORKER).orElseThrow();
    assertThat(sw.filled()).isEqualByComparingTo("2.5");
    assertThat(sw.vacant()).isEqualByComparingTo("2");
    assertThat(sw.agencyCover()).isEqualByComparingTo("1.5");
    assertThat(sw.overEstablishment()).isEqualByComparingTo("0");
    assertThat(staffing.vacant()).isEqualByComparingTo("3");
    assertThat(staffing.agency()).isEqualByComparingTo("1.5");
    assertThat(staffing.vacancyRatePercent()).contains(new BigDecimal("66.7"));
  }
}
