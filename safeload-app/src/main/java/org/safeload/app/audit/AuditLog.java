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

  /**
   * Reading the trail is for those with the capability {@code ADMINISTER}. The access module
   * depends on this one, so the capability table is asked by its bean's name ({@code capabilities})
   * rather than through {@code @Requires}; {@code MethodSecurityReadsTheCapabilityTableTest} checks
   * that the name is one the table knows.
   */
  private static final String ADMINISTER = "@capabilities.allows('ADMINISTER')";

  private final AuditRepository repository;
  private final Clock clock;
  private final org.springframework.beans.factory.ObjectProvider<AuditNames> names;
  private final AuditSeal seal;
  private final AuditChain chain;

  AuditLog(
      AuditRepository repository,
      Clock clock,
      org.springframework.beans.factory.ObjectProvider<AuditNames> names,
      AuditSeal seal,
      AuditChain chain) {
    this.repository = repository;
    this.clock = clock;
    this.names = names;
    this.seal = seal;
    this.chain = chain;
  }

  /**
   * A new entry, now, by whoever is acting, with the hash of its values. The time is kept to the
   * microsecond, as both databases store it, so the hash can be checked against the stored row.
   */
  private AuditRepository.NewEntry entry(
      String action, String entityType, String entityId, String summary) {
    java.time.Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    String actor = actor();
    return new AuditRepository.NewEntry(
        at,
        actor,
        action,
        entityType,
        entityId,
        summary,
        seal.rowMac(at, actor, action, entityType, entityId, summary));
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

  /** Whether the background writer's last attempt failed (so the next failure is not logged). */
  private volatile boolean failing;

  @jakarta.annotation.PostConstruct
  void start() {
    writer.scheduleWithFixedDelay(
        () -> {
          org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditLog.class);
          try {
            flush();
            sealIfWritten();
            if (failing) {
              failing = false;
              log.info("The audit trail is being written and sealed again");
            }
          } catch (RuntimeException e) {
            // Once per outage, not every second: the database may be away for a while.
            if (!failing) {
              failing = true;
              log.error("Could not write or seal the audit trail; trying again every second", e);
            }
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
        entry(
            "read-list",
            "children",
            null,
            what + ": " + records + (records == 1 ? " record" : " records") + address()));
  }

  /**
   * Whether entries were committed since the chain was last sealed: set when a transaction that
   * wrote an entry commits (and at start, for entries written before), so an idle app does not
   * query the database every second.
   */
  private final java.util.concurrent.atomic.AtomicBoolean written =
      new java.util.concurrent.atomic.AtomicBoolean(true);

  private void writtenOnCommit() {
    if (org.springframework.transaction.support.TransactionSynchronizationManager
        .isSynchronizationActive()) {
      org.springframework.transaction.support.TransactionSynchronizationManager
          .registerSynchronization(
              new org.springframework.transaction.support.TransactionSynchronization() {
                @Override
                public void afterCommit() {
                  written.set(true);
                }
              });
    } else {
      written.set(true);
    }
  }

  private void sealIfWritten() {
    if (written.getAndSet(false)) {
      try {
        chain.seal();
      } catch (RuntimeException e) {
        written.set(true);
        throw e;
      }
    }
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
    if (!batch.isEmpty()) {
      written.set(true);
    }
  }

  /** Writes the reads recorded so far and seals everything written: the trail, complete, now. */
  public void flushAndSeal() {
    flush();
    written.set(true);
    sealIfWritten();
  }

  @jakarta.annotation.PreDestroy
  void close() {
    writer.shutdown();
    flush();
    sealIfWritten();
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

  /**
   * Records that the signed-in user has read one child's record (a case's timeline, a case opened
   * to allocate it, cases read to plan a handover), with the page or API address that read it.
   */
  public void recordRead(String action, String entityType, Object entityId, String summary) {
    record(action, entityType, entityId, summary + address());
  }

  /** Records an action by the signed-in user (or the system) on an entity. */
  public void record(String action, String entityType, Object entityId, String summary) {
    repository.insert(
        entry(action, entityType, entityId == null ? null : String.valueOf(entityId), summary));
    writtenOnCommit();
  }

  /** One page of the trail, filtered in the database, newest first. */
  @PreAuthorize(ADMINISTER)
  public AuditPage page(AuditQuery query) {
    AuditRepository.Filter filter = filter(query);
    int total = repository.count(filter);
    int size = AuditQuery.PAGE_SIZE;
    int page = org.safeload.app.platform.Pagination.within(query.page(), size, total);
    return new AuditPage(repository.page(filter, (page - 1) * size, size), page, size, total);
  }

  private static AuditRepository.Filter filter(AuditQuery query) {
    return new AuditRepository.Filter(
        blank(query.actor()),
        blank(query.action()),
        query.from() == null ? null : startOf(query.from()),
        query.to() == null ? null : startOf(query.to().plusDays(1)),
        blank(query.search()));
  }

  /**
   * Every entry the query matches, newest first, one at a time; the export is itself recorded (who
   * exported, and how many entries).
   */
  @PreAuthorize(ADMINISTER)
  public void export(AuditQuery query, java.util.function.Consumer<AuditEntry> each) {
    int[] count = {0};
    repository.each(
        filter(query),
        e -> {
          count[0]++;
          each.accept(e);
        });
    record(
        "exported",
        "audit-trail",
        null,
        "audit trail exported: " + count[0] + (count[0] == 1 ? " entry" : " entries"));
  }

  /** Checks the whole trail (as {@code safeload audit verify}). */
  @PreAuthorize(ADMINISTER)
  public AuditChain.Check check() {
    flushAndSeal();
    return chain.check();
  }

  /** Everyone who has acted, and every action recorded: the trail's filter choices. */
  @PreAuthorize(ADMINISTER)
  public List<String> actors() {
    return repository.actors();
  }

  @PreAuthorize(ADMINISTER)
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
