package org.safeload.app.audit;

import java.time.Clock;
import java.util.List;
import org.safeload.app.audit.persistence.AuditRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Records changes and reads of children's records in the audit table. */
@Service
public class AuditLog {

  /** The actor recorded for work the system does itself (first start, the demo). */
  public static final String SYSTEM = "system";

  /** How the trail names the system itself. */
  public static final String SYSTEM_NAME = "Safeload (system)";

  private final AuditRepository repository;
  private final Clock clock;
  private final org.springframework.beans.factory.ObjectProvider<AuditNames> names;

  AuditLog(
      AuditRepository repository,
      Clock clock,
      org.springframework.beans.factory.ObjectProvider<AuditNames> names) {
    this.repository = repository;
    this.clock = clock;
    this.names = names;
  }

  /**
   * People's names for the usernames the trail records, one way for every page that says who
   * changed something: the account's full name (each module's {@link AuditNames} decides what the
   * signed-in user may see), {@link #SYSTEM_NAME} for the system, and "Someone else" for anyone not
   * named.
   */
  public java.util.Map<String, String> people(java.util.Collection<String> usernames) {
    java.util.Map<String, String> people = new java.util.HashMap<>();
    names.orderedStream().forEach(n -> people.putAll(n.people(usernames)));
    for (String u : usernames) {
      people.putIfAbsent(u, SYSTEM.equals(u) ? SYSTEM_NAME : "Someone else");
    }
    return people;
  }

  /** One person's name, as {@link #people}. */
  public String person(String username) {
    return people(java.util.List.of(username)).get(username);
  }

  /** Reads of lists waiting to be written, in the order they happened. */
  private final java.util.concurrent.ConcurrentLinkedQueue<AuditRepository.NewEntry> reads =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private final java.util.concurrent.ScheduledExecutorService writer =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("audit-reads").unstarted(r));

  {
    writer.scheduleWithFixedDelay(
        () -> {
          try {
            flush();
          } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AuditLog.class)
                .error("Could not write the audit trail's reads; trying again", e);
          }
        },
        1,
        1,
        java.util.concurrent.TimeUnit.SECONDS);
  }

  /**
   * Records that the signed-in user has read a list showing children's records (a page of overdue
   * items, the unallocated queue): what, how many, and the page or API address that read it.
   * Written within a second by a background writer in batches, off the request's path, so that
   * lists stay fast; never the children's ids.
   */
  public void recordListRead(String what, int records) {
    if (records <= 0) {
      return;
    }
    reads.add(
        new AuditRepository.NewEntry(
            clock.instant(),
            actor(),
            "read-list",
            "children",
            null,
            what + ": " + records + (records == 1 ? " record" : " records") + address()));
  }

  /** Writes the reads recorded so far (the background writer calls it every second). */
  public synchronized void flush() {
    java.util.List<AuditRepository.NewEntry> batch = new java.util.ArrayList<>();
    for (AuditRepository.NewEntry e = reads.poll(); e != null; e = reads.poll()) {
      batch.add(e);
    }
    try {
      repository.insertAll(batch);
    } catch (RuntimeException e) {
      reads.addAll(batch);
      throw e;
    }
  }

  @jakarta.annotation.PreDestroy
  void close() {
    writer.shutdown();
    flush();
  }

  /** The page or API address being answered, if any (", at GET /path"). */
  private static String address() {
    if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
        instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
      return ", at "
          + servlet.getRequest().getMethod()
          + " "
          + servlet.getRequest().getRequestURI();
    }
    return "";
  }

  /** Records an action by the signed-in user (or the system) on an entity. */
  public void record(String action, String entityType, Object entityId, String summary) {
    repository.insert(
        clock.instant(),
        actor(),
        action,
        entityType,
        entityId == null ? null : String.valueOf(entityId),
        summary);
  }

  /** One page of the trail, filtered in the database, newest first. */
  @PreAuthorize("hasRole('ADMIN')")
  public AuditPage page(AuditQuery query) {
    AuditRepository.Filter filter =
        new AuditRepository.Filter(
            blank(query.actor()),
            blank(query.action()),
            query.from() == null ? null : startOf(query.from()),
            query.to() == null ? null : startOf(query.to().plusDays(1)));
    int total = repository.count(filter);
    int size = AuditQuery.PAGE_SIZE;
    int page = org.safeload.app.platform.Pagination.within(query.page(), size, total);
    return new AuditPage(repository.page(filter, (page - 1) * size, size), page, size, total);
  }

  /** Everyone who has acted, and every action recorded: the trail's filter choices. */
  @PreAuthorize("hasRole('ADMIN')")
  public List<String> actors() {
    return repository.actors();
  }

  @PreAuthorize("hasRole('ADMIN')")
  public List<String> actions() {
    return repository.actions();
  }

  private static java.time.Instant startOf(java.time.LocalDate day) {
    return day.atStartOfDay(org.safeload.app.platform.TimeConfig.LONDON).toInstant();
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public List<AuditEntry> forEntity(String entityType, Object entityId) {
    return repository.forEntity(entityType, String.valueOf(entityId));
  }

  /** Who is acting: the signed-in user's name, or the system. */
  public static String actor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || auth.getName() == null ? SYSTEM : auth.getName();
  }
}
