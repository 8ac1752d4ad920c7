package org.safeload.app.organisation.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.persistence.UserRepository;
import org.safeload.app.audit.persistence.AuditRepository;
import org.safeload.organisation.Assignment;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.EstablishmentLine;
import org.safeload.organisation.Role;
import org.safeload.organisation.Team;
import org.safeload.organisation.TeamKind;
import org.safeload.organisation.WorkerDetails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migrations and every repository, run against each database Safeload supports (a subclass per
 * database). Each test runs in a transaction that is rolled back.
 */
@JdbcTest(properties = "spring.flyway.enabled=true")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({
  CouncilRepository.class,
  ProviderRepository.class,
  ServiceRepository.class,
  TeamRepository.class,
  EstablishmentRepository.class,
  WorkerRepository.class,
  UserRepository.class,
  AuditRepository.class,
  org.safeload.app.money.persistence.ContractRepository.class,
  org.safeload.app.caseload.persistence.CaseloadRepository.class,
  RecruitmentRepository.class
})
abstract class RepositoryContract {

  @Autowired JdbcClient jdbc;
  @Autowired CouncilRepository councils;
  @Autowired ProviderRepository providers;
  @Autowired ServiceRepository services;
  @Autowired TeamRepository teams;
  @Autowired EstablishmentRepository establishment;
  @Autowired WorkerRepository workers;
  @Autowired UserRepository users;
  @Autowired AuditRepository audit;
  @Autowired org.safeload.app.money.persistence.ContractRepository contracts;
  @Autowired org.safeload.app.caseload.persistence.CaseloadRepository caseloads;
  @Autowired RecruitmentRepository recruitment;

  private static WorkerDetails worker(String name, String swe, String start) {
    return new WorkerDetails(
        name,
        Role.SOCIAL_WORKER,
        EmploymentType.AGENCY,
        new BigDecimal("0.8"),
        LocalDate.parse(start),
        null,
        LocalDate.of(2019, 7, 1),
        null,
        swe);
  }

  @Test
  void everyMigrationRan() throws Exception {
    List<String> versions =
        jdbc.sql(
                "select \"version\" from \"flyway_schema_history\" where \"success\" = true"
                    + " and \"version\" is not null order by \"installed_rank\"")
            .query(String.class)
            .list();
    List<String> files =
        java.util.Arrays.stream(
                new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                    .getResources("classpath:db/migration/V*__*.sql"))
            .map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")))
            .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
            .toList();
    assertThat(files).hasSizeGreaterThanOrEqualTo(3);
    assertThat(versions).isEqualTo(files);
  }

  @Test
  void storesContractDocuments() {
    long provider = providers.insert("Example Provider Ltd");
    Instant at = Instant.parse("2026-11-23T10:15:30Z");
    long id = contracts.insert("C-1", provider, null, "{\"id\":\"C-1\"}", at);
    assertThat(contracts.findByCode("C-1"))
        .get()
        .satisfies(
            row -> {
              assertThat(row.id()).isEqualTo(id);
              assertThat(row.providerId()).isEqualTo(provider);
              assertThat(row.teamId()).isNull();
              assertThat(row.updatedAt()).isEqualTo(at);
            });
    String big = "{\"note\":\"" + "x".repeat(200_000) + "\"}";
    contracts.update(id, null, null, big, at.plusSeconds(60));
    assertThat(contracts.findAll())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.document()).isEqualTo(big);
              assertThat(row.providerId()).isNull();
            });
    assertThatThrownBy(() -> contracts.insert("C-1", null, null, "{}", at))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void storesCandidatesPlacementsAndSicknessAbsence() {
    Instant at = Instant.parse("2026-11-24T10:15:30Z");
    long council = councils.insert("Testshire");
    long service = services.insert(council, "Children in Need", null);
    long team = teams.insert(service, "CIN Team", TeamKind.SUBSTANTIVE, null);
    org.safeload.workforce.Candidate amara =
        new org.safeload.workforce.Candidate(
            "Amara Okafor",
            Role.SOCIAL_WORKER,
            org.safeload.workforce.RecruitmentRoute.INTERNATIONAL,
            org.safeload.workforce.CandidateStage.AWAITING_REGISTRATION,
            team,
            new BigDecimal("0.80"),
            LocalDate.of(2027, 1, 4),
            LocalDate.of(2026, 9, 1),
            LocalDate.of(2027, 1, 14));
    long id = recruitment.insertCandidate(amara, at, "admin");
    assertThat(recruitment.candidate(id).orElseThrow().candidate()).isEqualTo(amara);
    long worker = workers.insert(worker("Amara Okafor", "SW100001", "2027-01-14"));
    recruitment.started(id, worker, at, "admin");
    assertThat(recruitment.candidates())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.workerId()).isEqualTo(worker);
              assertThat(row.candidate().stage())
                  .isEqualTo(org.safeload.workforce.CandidateStage.STARTED);
            });
    org.safeload.workforce.SupplierPlacement open =
        new org.safeload.workforce.SupplierPlacement(
            "Corporate Agency", null, Role.SOCIAL_WORKER, LocalDate.of(2026, 11, 2), null);
    long placement = recruitment.insertPlacement(open, at, "admin");
    org.safeload.workforce.SupplierPlacement filled =
        new org.safeload.workforce.SupplierPlacement(
            "Corporate Agency",
            "Northern Care",
            Role.SOCIAL_WORKER,
            LocalDate.of(2026, 11, 2),
            LocalDate.of(2026, 11, 23));
    recruitment.updatePlacement(placement, filled, at, "admin");
    assertThat(recruitment.placements())
        .singleElement()
        .extracting(RecruitmentRepository.PlacementRow::placement)
        .isEqualTo(filled);

    org.safeload.workforce.SicknessAbsence spell =
        new org.safeload.workforce.SicknessAbsence(
            worker,
            LocalDate.of(2027, 2, 1),
            LocalDate.of(2027, 2, 3),
            new BigDecimal("2.5"),
            true,
            org.safeload.workforce.SicknessReason.INFECTION);
    recruitment.insertAbsence(spell, at, "admin");
    assertThat(recruitment.absences(worker))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.absence().workingDaysLost()).isEqualByComparingTo("2.5");
              assertThat(row.absence().daysRecorded()).isTrue();
              assertThat(row.absence().reason())
                  .isEqualTo(org.safeload.workforce.SicknessReason.INFECTION);
            });
    assertThat(recruitment.absencesBetween(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 2, 1)))
        .hasSize(1);
    assertThat(recruitment.absencesBetween(LocalDate.of(2027, 2, 4), LocalDate.of(2027, 9, 30)))
        .isEmpty();
    // Last: on PostgreSQL a refused statement ends the transaction.
    assertThatThrownBy(
            () ->
                recruitment.insertCandidate(
                    new org.safeload.workforce.Candidate(
                        "Too much",
                        Role.SOCIAL_WORKER,
                        org.safeload.workforce.RecruitmentRoute.PERMANENT,
                        org.safeload.workforce.CandidateStage.APPLIED,
                        null,
                        new BigDecimal("1.5"),
                        null,
                        null,
                        null),
                    at,
                    "admin"))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void storesTheStructure() {
    long council = councils.insert("Testshire");
    long service = services.insert(council, "Child Protection and Court", "CP and court");
    long provider = providers.insert("Example Provider Ltd");
    long own = teams.insert(service, "CP Team", TeamKind.SUBSTANTIVE, null);
    long managed = teams.insert(service, "Project Team", TeamKind.MANAGED, provider);

    assertThat(councils.find())
        .get()
        .extracting(CouncilRepository.CouncilRow::name)
        .isEqualTo("Testshire");
    assertThat(services.findByName("child protection and court"))
        .get()
        .extracting(s -> s.id())
        .isEqualTo(service);
    assertThat(teams.findByService(service))
        .extracting(Team::name)
        .containsExactly("CP Team", "Project Team");
    assertThat(teams.findById(managed).orElseThrow().providerId()).isEqualTo(provider);
    assertThat(teams.findById(own).orElseThrow().providerId()).isNull();
    assertThat(providers.findByName("EXAMPLE PROVIDER LTD")).isPresent();

    teams.update(new Team(own, service, "Child Protection Team", TeamKind.SUBSTANTIVE, null));
    assertThat(teams.findByName("Child Protection Team")).isPresent();
  }

  @Test
  void theDatabaseRefusesAManagedTeamWithoutAProvider() {
    long council = councils.insert("Testshire");
    long service = services.insert(council, "S", null);
    assertThatThrownBy(
            () ->
                jdbc.sql("insert into team (service_id, name, kind) values (?, 'T', 'managed')")
                    .param(service)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void storesWorkersTheirTeamHistoryAndEstablishment() {
    long council = councils.insert("Testshire");
    long service = services.insert(council, "S", null);
    long north = teams.insert(service, "North", TeamKind.SUBSTANTIVE, null);
    long south = teams.insert(service, "South", TeamKind.SUBSTANTIVE, null);
    long ada = workers.insert(worker("Ada", "SW1", "2024-01-08"));
    long ben = workers.insert(worker("Ben", null, "2024-02-05"));
    workers.replaceAssignments(
        ada,
        List.of(
            new Assignment(ada, north, LocalDate.of(2024, 1, 8), LocalDate.of(2025, 3, 31)),
            new Assignment(ada, south, LocalDate.of(2025, 4, 1), null)));
    workers.replaceAssignments(
        ben, List.of(new Assignment(ben, north, LocalDate.of(2024, 2, 5), null)));

    WorkerDetails read = workers.findById(ada).orElseThrow().details();
    assertThat(read)
        .usingRecursiveComparison()
        .ignoringFields("fte")
        .isEqualTo(worker("Ada", "SW1", "2024-01-08"));
    assertThat(workers.findById(ada).orElseThrow().details().fte()).isEqualByComparingTo("0.8");
    assertThat(workers.findBySweRegistration("SW1")).get().extracting(w -> w.id()).isEqualTo(ada);
    assertThat(workers.findUnregistered("BEN", Role.SOCIAL_WORKER, LocalDate.of(2024, 2, 5)))
        .isPresent();
    assertThat(workers.inTeamOn(north, LocalDate.of(2025, 3, 31)))
        .extracting(w -> w.name())
        .containsExactly("Ada", "Ben");
    assertThat(workers.inTeamOn(north, LocalDate.of(2025, 4, 1)))
        .extracting(w -> w.name())
        .containsExactly("Ben");
    assertThat(workers.inTeamOn(south, LocalDate.of(2025, 4, 1)))
        .extracting(w -> w.name())
        .containsExactly("Ada");
    assertThat(workers.assignments(ada)).hasSize(2);
    assertThat(workers.assignmentsOn(LocalDate.of(2024, 1, 31))).hasSize(1);
    // Several days in one read: the same workers as asking for each day on its own.
    List<LocalDate> days =
        List.of(
            LocalDate.of(2024, 1, 31),
            LocalDate.of(2025, 3, 31),
            LocalDate.of(2025, 4, 1),
            LocalDate.of(2030, 1, 1));
    for (long team : List.of(north, south)) {
      var each = workers.inTeamOnEach(team, days);
      assertThat(each.keySet()).containsExactlyElementsOf(days);
      for (LocalDate day : days) {
        assertThat(each.get(day))
            .as(team + " on " + day)
            .extracting(w -> w.id())
            .containsExactlyElementsOf(
                workers.inTeamOn(team, day).stream().map(w -> w.id()).toList());
      }
    }
    assertThat(
            workers
                .inTeamOnEach(north, List.of(LocalDate.of(2025, 3, 31)))
                .get(LocalDate.of(2025, 3, 31)))
        .extracting(w -> w.name())
        .containsExactly("Ada", "Ben");

    establishment.replace(
        north,
        List.of(
            new EstablishmentLine(north, Role.SOCIAL_WORKER, new BigDecimal("6.5")),
            new EstablishmentLine(north, Role.TEAM_MANAGER, BigDecimal.ONE)));
    establishment.replace(
        north, List.of(new EstablishmentLine(north, Role.SOCIAL_WORKER, new BigDecimal("7"))));
    assertThat(establishment.forTeam(north))
        .singleElement()
        .satisfies(l -> assertThat(l.budgetedFte()).isEqualByComparingTo("7"));
  }

  @Test
  void theDatabaseRefusesADuplicateRegistration() {
    workers.insert(worker("Ada", "SW1", "2024-01-08"));
    assertThatThrownBy(() -> workers.insert(worker("Other", "SW1", "2024-01-08")))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void theDatabaseRefusesAnFteOverOne() {
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "insert into worker (name, role, employment_type, fte, start_date)"
                            + " values ('X', 'social-worker', 'agency', 1.5, date '2024-01-01')")
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void storesAccountsAndTheAuditTrail() {
    long provider = providers.insert("P");
    Instant at = Instant.parse("2026-11-23T10:15:30Z");
    users.insert("pat", "Pat Provider", "{noop}x", AccessRole.PROVIDER, provider, at);
    UserRepository.Stored stored = users.findByUsername("PAT").orElseThrow();
    assertThat(stored.account().role()).isEqualTo(AccessRole.PROVIDER);
    assertThat(stored.account().providerId()).isEqualTo(provider);
    assertThat(stored.account().createdAt()).isEqualTo(at);
    assertThat(stored.passwordHash()).isEqualTo("{noop}x");

    audit.insert(
        new AuditRepository.NewEntry(at, "pat", "update", "worker", "7", "worker: fte", null));
    audit.insert(
        new AuditRepository.NewEntry(
            at.plusSeconds(1), "pat", "update", "team", "7", "team: name", null));
    assertThat(audit.forEntity("worker", "7"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.occurredAt()).isEqualTo(at);
              assertThat(e.summary()).isEqualTo("worker: fte");
            });
    assertThat(audit.latest(1))
        .singleElement()
        .satisfies(e -> assertThat(e.entityType()).isEqualTo("team"));
  }

  @Test
  void storesPoliciesAllocationReasonsAndHandovers() {
    Instant at = Instant.parse("2026-11-24T10:00:00Z");
    caseloads.saveActive("council", "id: council", at);
    caseloads.saveActive("other", "id: other", at.plusSeconds(1));
    assertThat(caseloads.activePolicy()).get().extracting(p -> p.id()).isEqualTo("other");
    caseloads.saveActive("council", "id: council\nname: Ours", at.plusSeconds(2));
    assertThat(caseloads.policies()).hasSize(2);
    assertThat(caseloads.activePolicy().orElseThrow().document()).contains("Ours");
    caseloads.deactivateAll();
    assertThat(caseloads.activePolicy()).isEmpty();

    jdbc.sql(
            "insert into case_event (event_id, occurred_at, type, case_ref, child_ref, worker_ref)"
                + " values ('alloc-1', ?, 'allocated', 'C1', 'K1', '7')")
        .param(java.sql.Timestamp.from(at))
        .update();
    long handover =
        caseloads.insertHandover(at, "pat", 1, "applied", new BigDecimal("17.50"), "default");
    caseloads.insertDecision(
        new org.safeload.app.caseload.persistence.CaseloadRepository.Decision(
            "alloc-1",
            "C1",
            "7",
            at,
            "pat",
            "17 cases would be over the target of 16",
            "Knows the family",
            handover));
    assertThat(caseloads.decisionsFor("C1"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.reason()).isEqualTo("Knows the family");
              assertThat(d.handoverId()).isEqualTo(handover);
              assertThat(d.decidedAt()).isEqualTo(at);
            });
    // A decision belongs to a stored allocation event.
    assertThatThrownBy(
            () ->
                caseloads.insertDecision(
                    new org.safeload.app.caseload.persistence.CaseloadRepository.Decision(
                        "no-such-event", "C1", "7", at, "pat", null, null, null)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
