package org.safeload.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;
import org.safeload.workforce.Clearance.Failure;
import org.safeload.workforce.Clearance.Minimum;
import org.safeload.workforce.Clearance.Result;
import org.safeload.workforce.Clearance.Source;
import org.safeload.workforce.Clearance.Status;

/**
 * Clearance on hand-made cases (issue 12): the four-team tender's minimums (social workers 4 years'
 * PQE, team managers 8, 5 of them as a manager), the DfE agency rules' 3-year PQE and 3-month
 * rules, and a DBS update-service check falling due.
 */
class ClearanceTest {

  private static final LocalDate ON = LocalDate.of(2025, 11, 3);
  private static final Clearance.Assignment ASSIGNMENT =
      new Clearance.Assignment(LocalDate.of(2025, 11, 3), "Northshire", "North West");

  /** The tender's minimums in DOMAIN.md. */
  private static final List<Minimum> TENDER =
      List.of(new Minimum(Role.SOCIAL_WORKER, 4, 0), new Minimum(Role.TEAM_MANAGER, 8, 5));

  private static WorkerDetails worker(Role role, EmploymentType type, LocalDate qualified) {
    return new WorkerDetails(
        "Worker",
        role,
        type,
        BigDecimal.ONE,
        LocalDate.of(2025, 11, 3),
        null,
        qualified,
        null,
        "SW1");
  }

  /** Every check done and in date: DBS on the update service, registered, right to work. */
  private static Vetting vetted(LocalDate managerSince, Vetting.LeftRole left) {
    return new Vetting(
        new Vetting.Dbs(
            "001234567890",
            LocalDate.of(2024, 3, 1),
            Vetting.DbsOutcome.CLEAR,
            true,
            LocalDate.of(2025, 6, 1),
            "HR"),
        new Vetting.Registration(
            "SW1", Vetting.RegistrationStatus.REGISTERED, null, LocalDate.of(2025, 10, 1)),
        null,
        null,
        managerSince,
        List.of(
            new Vetting.Reference("Team manager", LocalDate.of(2025, 9, 1), true),
            new Vetting.Reference("Service manager", LocalDate.of(2025, 9, 2), true)),
        new Vetting.RightToWork(LocalDate.of(2025, 9, 1), null, "HR"),
        left);
  }

  private static Result check(WorkerDetails w, Vetting v, List<Minimum> minimums) {
    return Clearance.check(w, v, ASSIGNMENT, minimums, ON, Clearance.Policy.standard());
  }

  private static List<String> rules(Result r) {
    return r.failures().stream().map(Failure::rule).toList();
  }

  @Test
  void theTendersMinimumsBlockTooLittleExperienceWithReasons() {
    // Permanent workers, so that only the contract's rules apply.
    Result twoYears =
        check(
            worker(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, LocalDate.of(2023, 7, 1)),
            vetted(null, null),
            TENDER);
    assertThat(twoYears.status()).isEqualTo(Status.BLOCKED);
    assertThat(twoYears.pqeYears()).isEqualTo(2);
    assertThat(twoYears.failures())
        .containsExactly(
            new Failure(
                "contract-pqe",
                Source.CONTRACT,
                "The contract needs a social worker with at least 4 years' post-qualifying"
                    + " experience; this worker has 2",
                "Propose a worker with at least 4 years"));

    // An ASYE worker qualified this summer: 0 years.
    Result asye =
        check(
            worker(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, LocalDate.of(2025, 7, 1)),
            vetted(null, null),
            TENDER);
    assertThat(asye.status()).isEqualTo(Status.BLOCKED);
    assertThat(asye.pqeYears()).isZero();
    assertThat(rules(asye)).containsExactly("contract-pqe");

    // A team manager with 5 years' PQE, 2 of them as a manager: both rules fail.
    Result manager =
        check(
            worker(Role.TEAM_MANAGER, EmploymentType.PERMANENT, LocalDate.of(2020, 7, 1)),
            vetted(LocalDate.of(2023, 9, 1), null),
            TENDER);
    assertThat(manager.pqeYears()).isEqualTo(5);
    assertThat(manager.failures())
        .extracting(Failure::rule, Failure::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "contract-pqe",
                "The contract needs a team manager with at least 8 years' post-qualifying"
                    + " experience; this worker has 5"),
            org.assertj.core.groups.Tuple.tuple(
                "contract-manager-years",
                "The contract needs at least 5 years as a team manager; this worker has 2"));

    // Ten years, six as a manager: cleared.
    Result experienced =
        check(
            worker(Role.TEAM_MANAGER, EmploymentType.PERMANENT, LocalDate.of(2015, 7, 1)),
            vetted(LocalDate.of(2019, 9, 1), null),
            TENDER);
    assertThat(experienced.status()).isEqualTo(Status.CLEARED);
    assertThat(experienced.failures()).isEmpty();
  }

  @Test
  void theAgencyRulesNeedThreeYearsAndCouncilReferences() {
    // No contract minimums: an agency worker with 2 years fails the DfE rule alone.
    WorkerDetails agency =
        worker(Role.SOCIAL_WORKER, EmploymentType.AGENCY, LocalDate.of(2023, 7, 1));
    Result result = check(agency, vetted(null, null), List.of());
    assertThat(result.failures())
        .containsExactly(
            new Failure(
                "agency-pqe",
                Source.DFE_AGENCY_RULES,
                "An agency social worker needs at least 3 years' post-qualifying experience;"
                    + " this worker has 2",
                "Propose a worker with at least 3 years"));

    // The same worker employed by the council: the agency rules do not apply.
    Result employed =
        check(
            worker(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, LocalDate.of(2023, 7, 1)),
            vetted(null, null),
            List.of());
    assertThat(employed.status()).isEqualTo(Status.CLEARED);

    // References the agency obtained do not count.
    Vetting agencyReferences =
        new Vetting(
            vetted(null, null).dbs(),
            vetted(null, null).registration(),
            null,
            new Vetting.PqeOverride(6, LocalDate.of(2025, 1, 1), "Qualified abroad, 6 years"),
            null,
            List.of(
                new Vetting.Reference("Team manager", LocalDate.of(2025, 9, 1), true),
                new Vetting.Reference("Agency", LocalDate.of(2025, 9, 2), false)),
            vetted(null, null).rightToWork(),
            null);
    Result references = check(agency, agencyReferences, List.of());
    // The override counts instead of the qualification date: 6 years.
    assertThat(references.pqeYears()).isEqualTo(6);
    assertThat(references.failures())
        .extracting(Failure::rule, Failure::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "agency-references",
                "1 of the 2 practice-based references on the Department's template were obtained"
                    + " by the council"));
  }

  @Test
  void theThreeMonthRuleBlocksAnEngagementSoonAfterLeavingInTheRegion() {
    WorkerDetails agency =
        worker(Role.SOCIAL_WORKER, EmploymentType.MANAGED_SERVICE, LocalDate.of(2015, 7, 1));
    // Left a neighbouring council in the same region on 1 September: not before 1 December.
    Result sameRegion =
        check(
            agency,
            vetted(null, new Vetting.LeftRole(LocalDate.of(2025, 9, 1), "Eastshire", "North West")),
            List.of());
    assertThat(sameRegion.status()).isEqualTo(Status.BLOCKED);
    assertThat(sameRegion.failures())
        .containsExactly(
            new Failure(
                "agency-three-months",
                Source.DFE_AGENCY_RULES,
                "Left a substantive role at Eastshire (North West) on 1 September 2025, less than"
                    + " 3 months before the assignment starts on 3 November 2025",
                "Start the assignment on or after 1 December 2025, unless an exception applies (a"
                    + " move to a permanent role, redundancy, leaving during probation)"));

    // Another region, or long enough ago: no block.
    assertThat(
            check(
                    agency,
                    vetted(
                        null,
                        new Vetting.LeftRole(LocalDate.of(2025, 9, 1), "Southshire", "South East")),
                    List.of())
                .status())
        .isEqualTo(Status.CLEARED);
    assertThat(
            check(
                    agency,
                    vetted(
                        null,
                        new Vetting.LeftRole(LocalDate.of(2025, 8, 3), "Northshire", "North West")),
                    List.of())
                .status())
        .isEqualTo(Status.CLEARED);
  }

  @Test
  void aClearedWorkerIsExpiringWhenTheDbsStatusCheckFallsDueThenBlocked() {
    WorkerDetails w =
        worker(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, LocalDate.of(2015, 7, 1));
    // Last status check 1 June 2025, yearly: due 1 June 2026; the register was checked 1 October
    // 2025, due 1 October 2026.
    Vetting v = vetted(null, null);
    Clearance.Policy policy = Clearance.Policy.standard();

    Result before = Clearance.check(w, v, ASSIGNMENT, List.of(), LocalDate.of(2026, 5, 1), policy);
    assertThat(before.status()).isEqualTo(Status.CLEARED);

    Result soon = Clearance.check(w, v, ASSIGNMENT, List.of(), LocalDate.of(2026, 5, 2), policy);
    assertThat(soon.status()).isEqualTo(Status.EXPIRING);
    assertThat(soon.dueSoon())
        .containsExactly(
            new Clearance.Due("the DBS update-service status check", LocalDate.of(2026, 6, 1)));

    Result after = Clearance.check(w, v, ASSIGNMENT, List.of(), LocalDate.of(2026, 6, 1), policy);
    assertThat(after.status()).isEqualTo(Status.BLOCKED);
    assertThat(after.failures())
        .extracting(Failure::reason)
        .containsExactly("The DBS update-service status check was due on 1 June 2026");
  }

  @Test
  void theWarningPeriodIsTheCouncils() {
    WorkerDetails w =
        worker(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, LocalDate.of(2015, 7, 1));
    Vetting v = vetted(null, null);
    Clearance.Policy standard = Clearance.Policy.standard();
    Clearance.Policy sixtyDays =
        new Clearance.Policy(
            standard.dbsStatusCheckEvery(),
            standard.dbsRenewEvery(),
            standard.registrationCheckEvery(),
            60);
    // The status check falls due on 1 June 2026: 2 April is 60 days before, 1 April 61.
    LocalDate april2 = LocalDate.of(2026, 4, 2);
    assertThat(Clearance.check(w, v, ASSIGNMENT, List.of(), april2, sixtyDays).status())
        .isEqualTo(Status.EXPIRING);
    assertThat(
            Clearance.check(w, v, ASSIGNMENT, List.of(), april2.minusDays(1), sixtyDays).status())
        .isEqualTo(Status.CLEARED);
    assertThat(Clearance.check(w, v, ASSIGNMENT, List.of(), april2, standard).status())
        .isEqualTo(Status.CLEARED);
  }

  @Test
  void nothingRecordedBlocksOnEverySaferRecruitmentCheck() {
    Result result =
        check(
            worker(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, LocalDate.of(2015, 7, 1)),
            Vetting.none(),
            List.of());
    assertThat(rules(result)).containsExactly("dbs", "registration", "right-to-work");
    assertThat(result.failures()).allMatch(f -> f.source() == Source.SAFER_RECRUITMENT);
    Result suspended =
        check(
            worker(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, LocalDate.of(2015, 7, 1)),
            new Vetting(
                vetted(null, null).dbs(),
                new Vetting.Registration(
                    "SW1", Vetting.RegistrationStatus.SUSPENDED, null, LocalDate.of(2025, 10, 20)),
                null,
                null,
                null,
                List.of(),
                vetted(null, null).rightToWork(),
                null),
            List.of());
    assertThat(suspended.failures())
        .extracting(Failure::reason)
        .containsExactly(
            "Social Work England registration SW1 is suspended (checked 20 October 2025)");
  }

  @Test
  void aRegisterExtractIsReadAsTheWorkerImportReadsNumbers() {
    RegisterExtractCsv.Result ok =
        RegisterExtractCsv.read(
            new java.io.StringReader(
                "registration_number,status,conditions,checked_on\n"
                    + "SW 123456,registered,,2025-10-01\n"
                    + "sw9,conditions,Supervised practice only,2025-10-02\n"));
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.entries())
        .containsExactly(
            new Vetting.Registration(
                "SW123456", Vetting.RegistrationStatus.REGISTERED, null, LocalDate.of(2025, 10, 1)),
            new Vetting.Registration(
                "SW9",
                Vetting.RegistrationStatus.CONDITIONS,
                "Supervised practice only",
                LocalDate.of(2025, 10, 2)));

    RegisterExtractCsv.Result bad =
        RegisterExtractCsv.read(
            new java.io.StringReader(
                "registration_number,status,conditions,checked_on\n"
                    + "X1,struck-off,,1/10/2025\n"
                    + "SW1,conditions,,2025-10-01\n"
                    + "SW 1,registered,,2025-10-01\n"));
    assertThat(bad.entries()).isEmpty();
    assertThat(bad.problems())
        .extracting(
            org.safeload.document.FieldProblem::line, org.safeload.document.FieldProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "registration_number"),
            org.assertj.core.groups.Tuple.tuple(2, "status"),
            org.assertj.core.groups.Tuple.tuple(2, "checked_on"),
            org.assertj.core.groups.Tuple.tuple(3, "conditions"),
            org.assertj.core.groups.Tuple.tuple(4, "registration_number"));
  }
}
