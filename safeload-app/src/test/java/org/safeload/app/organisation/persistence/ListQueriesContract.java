package org.safeload.app.organisation.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.audit.AuditEntry;
import org.safeload.app.audit.persistence.AuditRepository;
import org.safeload.organisation.Assignment;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.TeamKind;
import org.safeload.organisation.WorkerDetails;
import org.safeload.organisation.WorkerStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/**
 * The workers list and the audit trail are filtered and paged in the database, the same on each
 * database Safeload supports (a subclass per database). Every expected row is worked out by hand
 * from the few records each test writes.
 */
@JdbcTest(properties = "spring.flyway.enabled=true")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({
  CouncilRepository.class,
  ServiceRepository.class,
  TeamRepository.class,
  WorkerRepository.class,
  AuditRepository.class
})
abstract class ListQueriesContract {

  /** The day the lists are read on. */
  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  @Autowired CouncilRepository councils;
  @Autowired ServiceRepository services;
  @Autowired TeamRepository teams;
  @Autowired WorkerRepository workers;
  @Autowired AuditRepository audit;

  long north;
  long south;

  private static WorkerDetails worker(
      String name, Role role, EmploymentType type, String start, String end, String swe) {
    return new WorkerDetails(
        name,
        role,
        type,
        BigDecimal.ONE,
        LocalDate.parse(start),
        end == null ? null : LocalDate.parse(end),
        role.registeredSocialWorker() ? LocalDate.of(2015, 7, 1) : null,
        null,
        swe);
  }

  private long add(WorkerDetails details, Assignment... assignments) {
    long id = workers.insert(details);
    workers.replaceAssignments(
        id,
        java.util.Arrays.stream(assignments)
            .map(a -> new Assignment(id, a.teamId(), a.from(), a.to()))
            .toList());
    return id;
  }

  private static Assignment in(long team, String from, String to) {
    return new Assignment(0, team, LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
  }

  /**
   * Five workers on 24 November 2026: Ada (social worker, agency, North), Ben (business support, no
   * registration, South), Cat (social worker, moved North to South, left on 30 June 2026 with her
   * South assignment still open), Dan (social worker, starts in South on 1 December 2026) and Eve
   * (team manager, North until she moves to South on 1 December 2026).
   */
  @BeforeEach
  void fiveWorkers() {
    long council = councils.insert("Testshire");
    long service = services.insert(council, "S", null);
    north = teams.insert(service, "North", TeamKind.SUBSTANTIVE, null);
    south = teams.insert(service, "South", TeamKind.SUBSTANTIVE, null);
    add(
        worker("Ada", Role.SOCIAL_WORKER, EmploymentType.AGENCY, "2024-01-08", null, "SW1"),
        in(north, "2024-01-08", null));
    add(
        worker("Ben", Role.BUSINESS_SUPPORT, EmploymentType.PERMANENT, "2025-01-06", null, null),
        in(south, "2025-01-06", null));
    add(
        worker(
            "Cat", Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "2024-01-08", "2026-06-30", "SW3"),
        in(north, "2024-01-08", "2025-03-31"),
        in(south, "2025-04-01", null));
    add(
        worker("Dan", Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "2026-12-01", null, "SW4"),
        in(south, "2026-12-01", null));
    add(
        worker("Eve", Role.TEAM_MANAGER, EmploymentType.PERMANENT, "2020-01-06", null, "SW5"),
        in(north, "2020-01-06", "2026-11-30"),
        in(south, "2026-12-01", null));
  }

  private WorkerRepository.ListFilter filter(
      Long team, Set<Long> visible, Role role, EmploymentType type, WorkerStatus status) {
    return new WorkerRepository.ListFilter(TODAY, team, visible, role, type, status);
  }

  private List<String> names(WorkerRepository.ListFilter f) {
    return workers.list(f, 0, 50).stream()
        .map(l -> l.worker().name() + (l.teamId() == null ? "" : l.teamId() == north ? "/N" : "/S"))
        .toList();
  }

  @Test
  void eachWorkerIsListedOnceUnderTheTeamThatPlacesThem() {
    WorkerRepository.ListFilter all = filter(null, null, null, null, null);
    // Cat under the team she left, Dan under the team he joins, Eve under her team today.
    assertThat(names(all)).containsExactly("Ada/N", "Ben/S", "Cat/S", "Dan/S", "Eve/N");
    assertThat(workers.count(all)).isEqualTo(5);
  }

  @Test
  void filtersByTeamRoleEmploymentAndStatus() {
    assertThat(names(filter(south, null, null, null, null)))
        .containsExactly("Ben/S", "Cat/S", "Dan/S");
    assertThat(names(filter(north, null, null, null, null))).containsExactly("Ada/N", "Eve/N");
    assertThat(names(filter(null, null, Role.SOCIAL_WORKER, null, null)))
        .containsExactly("Ada/N", "Cat/S", "Dan/S");
    assertThat(names(filter(null, null, null, EmploymentType.PERMANENT, null)))
        .containsExactly("Ben/S", "Cat/S", "Dan/S", "Eve/N");
    assertThat(names(filter(null, null, null, null, WorkerStatus.CURRENT)))
        .containsExactly("Ada/N", "Ben/S", "Eve/N");
    assertThat(names(filter(null, null, null, null, WorkerStatus.LEAVER))).containsExactly("Cat/S");
    assertThat(names(filter(null, null, null, null, WorkerStatus.FUTURE_STARTER)))
        .containsExactly("Dan/S");
    WorkerRepository.ListFilter southNow = filter(south, null, null, null, WorkerStatus.CURRENT);
    assertThat(names(southNow)).containsExactly("Ben/S");
    assertThat(workers.count(southNow)).isEqualTo(1);
    assertThat(
            workers.count(filter(south, null, Role.SOCIAL_WORKER, EmploymentType.PERMANENT, null)))
        .isEqualTo(2);
  }

  @Test
  void aProvidersUserSeesOnlyWorkersItsTeamsPlace() {
    assertThat(names(filter(null, Set.of(north), null, null, null)))
        .containsExactly("Ada/N", "Eve/N");
    assertThat(workers.count(filter(null, Set.of(), null, null, null))).isZero();
    assertThat(workers.list(filter(null, Set.of(), null, null, null), 0, 50)).isEmpty();
  }

  @Test
  void pagesByNameThenId() {
    WorkerRepository.ListFilter all = filter(null, null, null, null, null);
    assertThat(workers.list(all, 2, 2))
        .extracting(l -> l.worker().name())
        .containsExactly("Cat", "Dan");
    assertThat(workers.list(all, 4, 2)).extracting(l -> l.worker().name()).containsExactly("Eve");
    assertThat(workers.list(all, 6, 2)).isEmpty();
  }

  @Test
  void theAuditTrailIsFilteredByPersonActionAndTimeAndPagedNewestFirst() {
    Instant nine = Instant.parse("2026-11-23T09:00:00Z");
    audit.insert(
        new AuditRepository.NewEntry(
            nine, "hos", "create", "team", "1", "Substantive team added", null));
    audit.insert(
        new AuditRepository.NewEntry(
            nine.plusSeconds(60), "hos", "update", "team", "1", "Changed name", null));
    audit.insert(
        new AuditRepository.NewEntry(
            nine.plusSeconds(120), "tm", "move", "worker", "7", "Moved to South", null));
    audit.insert(
        new AuditRepository.NewEntry(
            nine.plusSeconds(86_400), "hos", "update", "worker", "7", "Changed FTE", null));
    audit.insert(
        new AuditRepository.NewEntry(
            nine.plusSeconds(86_460), "admin", "create", "user", "3", "Account added", null));

    AuditRepository.Filter all = new AuditRepository.Filter(null, null, null, null, null);
    assertThat(audit.count(all)).isEqualTo(5);
    assertThat(audit.page(all, 0, 2))
        .extracting(AuditEntry::summary)
        .containsExactly("Account added", "Changed FTE");
    assertThat(audit.page(all, 4, 2))
        .extracting(AuditEntry::summary)
        .containsExactly("Substantive team added");

    AuditRepository.Filter hos = new AuditRepository.Filter("hos", null, null, null, null);
    assertThat(audit.count(hos)).isEqualTo(3);
    AuditRepository.Filter hosUpdates =
        new AuditRepository.Filter("hos", "update", null, null, null);
    assertThat(audit.page(hosUpdates, 0, 50))
        .extracting(AuditEntry::summary)
        .containsExactly("Changed FTE", "Changed name");
    // 23 November only: from its midnight to the next.
    AuditRepository.Filter monday =
        new AuditRepository.Filter(
            null,
            null,
            Instant.parse("2026-11-23T00:00:00Z"),
            Instant.parse("2026-11-24T00:00:00Z"),
            null);
    assertThat(audit.count(monday)).isEqualTo(3);
    assertThat(audit.count(new AuditRepository.Filter("tm", "create", null, null, null))).isZero();
    // Words in the details or the record's reference, any case; % and _ are plain characters.
    assertThat(audit.page(new AuditRepository.Filter(null, null, null, null, "CHANGED"), 0, 50))
        .extracting(AuditEntry::summary)
        .containsExactly("Changed FTE", "Changed name");
    assertThat(audit.count(new AuditRepository.Filter(null, null, null, null, "7"))).isEqualTo(2);
    assertThat(audit.count(new AuditRepository.Filter(null, null, null, null, "%"))).isZero();
    assertThat(audit.count(new AuditRepository.Filter(null, null, null, null, "_"))).isZero();

    assertThat(audit.actors()).containsExactly("admin", "hos", "tm");
    assertThat(audit.actions()).containsExactly("create", "move", "update");
  }
}
