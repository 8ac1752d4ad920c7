package org.safeload.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;

/** A contract's mobilisation worked out by hand: the roster it asks for and who is cleared. */
class ReadinessTest {

  private static final LocalDate START = LocalDate.of(2027, 1, 4);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  private static Readiness.Proposed proposed(
      long id, String name, Role role, Clearance.Status status) {
    return new Readiness.Proposed(
        id,
        name,
        new WorkerDetails(
            name,
            role,
            EmploymentType.MANAGED_SERVICE,
            BigDecimal.ONE,
            START,
            null,
            LocalDate.of(2015, 7, 1),
            null,
            "SW" + id),
        new Clearance.Result(
            status,
            status == Clearance.Status.BLOCKED
                ? List.of(
                    new Clearance.Failure(
                        "dbs", Clearance.Source.SAFER_RECRUITMENT, "No DBS check", "Record it"))
                : List.of(),
            List.of(),
            11));
  }

  @Test
  void aLineIsReadyWhenEnoughOfItsProposedWorkersAreClearedOrOnlyDueACheck() {
    Readiness r =
        Readiness.of(
            Map.of(Role.SOCIAL_WORKER, 3, Role.TEAM_MANAGER, 1),
            List.of(
                proposed(1, "Ada", Role.SOCIAL_WORKER, Clearance.Status.CLEARED),
                proposed(2, "Ben", Role.SOCIAL_WORKER, Clearance.Status.BLOCKED),
                proposed(3, "Cy", Role.SOCIAL_WORKER, Clearance.Status.EXPIRING),
                proposed(4, "Di", Role.SOCIAL_WORKER, Clearance.Status.CLEARED),
                proposed(5, "Ed", Role.TEAM_MANAGER, Clearance.Status.BLOCKED),
                proposed(6, "Flo", Role.BUSINESS_SUPPORT, Clearance.Status.CLEARED)),
            START,
            TODAY);

    // By hand: 24 November 2026 to 4 January 2027 is 6 + 31 + 4 = 41 days.
    assertThat(r.daysToStart()).isEqualTo(41);
    // Social workers: 3 asked, Ada, Cy (a check due soon) and Di cleared: none missing. The
    // manager asked for is blocked: 1 missing. Flo is proposed for a role the roster does not
    // name.
    assertThat(r.lines())
        .extracting(Readiness.Line::role)
        .containsExactly(Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.BUSINESS_SUPPORT);
    Readiness.Line sw = r.lines().get(0);
    assertThat(sw.needed()).isEqualTo(3);
    assertThat(sw.cleared()).isEqualTo(3);
    assertThat(sw.missing()).isZero();
    assertThat(sw.proposed())
        .extracting(Readiness.Proposed::name)
        .containsExactly("Ada", "Cy", "Di", "Ben");
    assertThat(r.lines().get(1).missing()).isEqualTo(1);
    assertThat(r.lines().get(2).needed()).isZero();
    assertThat(r.needed()).isEqualTo(4);
    assertThat(r.missing()).isEqualTo(1);
    assertThat(r.ready()).isFalse();
  }

  @Test
  void aFullyClearedRosterIsReadyAndAStartedContractCountsDaysSince() {
    Readiness r =
        Readiness.of(
            Map.of(Role.SOCIAL_WORKER, 1),
            List.of(proposed(1, "Ada", Role.SOCIAL_WORKER, Clearance.Status.CLEARED)),
            START,
            START.plusDays(3));
    assertThat(r.ready()).isTrue();
    assertThat(r.daysToStart()).isEqualTo(-3);
  }

  @Test
  void theRosterOnADayCountsLinesTeamUnitsAndChanges() {
    // The four-team tender (DOMAIN.md): units of 1 manager and 6 social workers, four units.
    Contract tender =
        contract(
            List.of(),
            new Contract.TeamUnit(
                new BigDecimal("19000"), 4, Map.of(Role.TEAM_MANAGER, 1, Role.SOCIAL_WORKER, 6)),
            List.of(new Contract.RosterChange(LocalDate.of(2023, 2, 1), null, null, 2)));
    assertThat(ContractCosting.rosterOn(tender, LocalDate.of(2022, 11, 28)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Role.TEAM_MANAGER, 4, Role.SOCIAL_WORKER, 24));
    assertThat(ContractCosting.rosterOn(tender, LocalDate.of(2023, 2, 1)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Role.TEAM_MANAGER, 2, Role.SOCIAL_WORKER, 12));
    // A roster priced by person, tapering from 7 to 4 social workers.
    Contract priced =
        contract(
            List.of(
                new Contract.RosterLine(Role.TEAM_MANAGER, 1, null),
                new Contract.RosterLine(Role.SOCIAL_WORKER, 7, null)),
            null,
            List.of(
                new Contract.RosterChange(LocalDate.of(2027, 2, 1), Role.SOCIAL_WORKER, 4, null)));
    assertThat(ContractCosting.rosterOn(priced, LocalDate.of(2027, 1, 31)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Role.TEAM_MANAGER, 1, Role.SOCIAL_WORKER, 7));
    assertThat(ContractCosting.rosterOn(priced, LocalDate.of(2027, 2, 1)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Role.TEAM_MANAGER, 1, Role.SOCIAL_WORKER, 4));
  }

  private static Contract contract(
      List<Contract.RosterLine> roster,
      Contract.TeamUnit unit,
      List<Contract.RosterChange> changes) {
    return new Contract(
        "C1",
        "Provider",
        null,
        null,
        LocalDate.of(2022, 11, 28),
        LocalDate.of(2027, 3, 31),
        null,
        null,
        null,
        roster,
        unit,
        changes,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
