package org.safeload.app.caseactivity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.safeload.app.caseactivity.persistence.CaseEventRepository;
import org.safeload.caseload.CaseBook;
import org.safeload.timeliness.EventLog;
import org.safeload.timeliness.Timeliness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored case events held in memory as one columnar {@link EventLog} (primitive columns,
 * interned ids: about 50 bytes an event), loaded once by streaming the table and then brought up to
 * date by reading only the events stored since: after each change made here, and, for changes made
 * through another app instance, when a read finds the stored change number moved on (checked at
 * most once every {@code safeload.case-activity.check-every}, one second by default).
 *
 * <p>Readers share the log under a read lock; bringing it up to date takes the write lock for as
 * long as it takes to append the new rows. Results computed from it (KPI items, case books, a
 * provider's share of the log) are cached until the next change.
 */
@Component
class LiveLog {

  private static final Logger LOG = LoggerFactory.getLogger(LiveLog.class);

  /**
   * The most results kept at once (a large council's KPI items are a few MB each); beyond that the
   * cache starts again.
   */
  private static final int MAX_CACHED = 16;

  private final CaseEventRepository events;
  private final TransactionTemplate reading;
  private final long checkEveryNanos;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<Object, FutureTask<Object>> cache = new ConcurrentHashMap<>();

  // Guarded by the lock.
  private EventLog log = new EventLog();
  private long lastId;
  private final Map<String, List<Integer>> waitingForRef = new HashMap<>();
  private Map<String, String> families = Map.of();

  private volatile long version = -1;
  private long rebuilt = -1;
  private volatile long checkedAt;

  /** Where the log is kept between starts, or null (not an embedded database, or turned off). */
  private final LiveLogImage image;

  // Guarded by the lock; worked out after each read or append while there is an image to keep:
  // how many rows are stored up to lastId (-1: not known) and the event id of row lastId.
  private long storedRows = -1;
  private String lastEventId;

  private final java.util.concurrent.CountDownLatch loaded =
      new java.util.concurrent.CountDownLatch(1);
  private volatile boolean tookUpKept;

  LiveLog(
      CaseEventRepository events,
      PlatformTransactionManager transactions,
      @Value("${safeload.case-activity.check-every:1s}") Duration checkEvery,
      @Value("${spring.datasource.url:}") String databaseUrl,
      @Value("${safeload.case-activity.keep-between-starts:true}") boolean keepBetweenStarts) {
    this.events = events;
    this.image = keepBetweenStarts ? LiveLogImage.forDatabase(databaseUrl).orElse(null) : null;
    this.reading = new TransactionTemplate(transactions);
    reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    reading.setReadOnly(true);
    this.checkEveryNanos = checkEvery.toNanos();
    // Loaded while the rest of the app starts (the database is migrated by now: the repository's
    // JDBC beans wait for Flyway), so a region's millions of events do not add to the start-up.
    // A read before it is done waits for it (the write lock); if it fails, the first read loads.
    Thread.ofPlatform().name("case-activity-load").daemon().start(this::load);
  }

  private void load() {
    long start = System.nanoTime();
    try {
      restore();
      // H2 can fail a long read while it writes elsewhere ("Chunk … not found", H2 issue 4142):
      // a failed read leaves nothing half-read (see refresh), so it is tried again.
      for (int attempt = 1; ; attempt++) {
        try {
          refresh();
          break;
        } catch (RuntimeException e) {
          if (attempt == LOAD_ATTEMPTS) {
            throw e;
          }
          LOG.warn(
              "Could not load the case activity (attempt {}): {}; trying again",
              attempt,
              e.toString());
        }
      }
      LOG.info(
          "Case activity loaded: {} events in {} ms",
          log.size(),
          (System.nanoTime() - start) / 1_000_000);
      if (image != null && !tookUpKept) {
        // Every event was read: kept now, so that a start after a crash is quick too.
        keep();
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not load the case activity as the app started; the first read will", e);
    } finally {
      loaded.countDown();
    }
  }

  private static final int LOAD_ATTEMPTS = 3;

  /** Waits for the load begun at start (for tests). */
  void awaitLoaded() throws InterruptedException {
    loaded.await();
  }

  /** Whether this start took up the log kept when the app last stopped. */
  boolean tookUpKept() {
    return tookUpKept;
  }

  /**
   * Takes up the log kept when the app last stopped, if it still matches the database (the events
   * stored since are then read as for any change); otherwise throws it away.
   */
  private void restore() {
    if (image == null) {
      return;
    }
    long start = System.nanoTime();
    LiveLogImage.Kept kept;
    try {
      kept = image.read();
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn(
          "The kept case activity could not be read ({}); reading every stored event",
          e.toString());
      discardImage();
      return;
    }
    if (kept == null) {
      return;
    }
    lock.writeLock().lock();
    try {
      boolean matches =
          Boolean.TRUE.equals(
              reading.execute(
                  s -> {
                    CaseEventRepository.State stored = events.state();
                    return kept.matches(
                        stored.version(),
                        stored.rebuilt(),
                        events.rowsUpTo(kept.lastId()),
                        events.eventIdAt(kept.lastId()));
                  }));
      if (!matches) {
        LOG.info(
            "The kept case activity no longer matches the database; reading every stored event");
        discardImage();
        return;
      }
      log = kept.log();
      lastId = kept.lastId();
      waitingForRef.clear();
      waitingForRef.putAll(kept.waitingForRef());
      rebuilt = kept.rebuilt();
      storedRows = kept.storedRows();
      lastEventId = kept.lastEventId();
      version = -1; // read what was stored since as a change
      tookUpKept = true;
    } finally {
      lock.writeLock().unlock();
    }
    LOG.info(
        "Case activity: {} events taken up from the copy kept when the app last stopped, in {} ms",
        log.size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Keeps the log for the next start (see {@link LiveLogImage}), if it was read. A correction it
   * has not seen yet is caught at the next start (the rebuild number it holds is behind).
   */
  @jakarta.annotation.PreDestroy
  synchronized void keep() {
    if (image == null) {
      return;
    }
    long start = System.nanoTime();
    lock.readLock().lock();
    try {
      if (version < 0 || storedRows < 0) {
        return;
      }
      // No database here: by now it may be closed (H2 closes itself as the JVM stops).
      image.write(
          new LiveLogImage.Kept(
              log, version, rebuilt, lastId, storedRows, lastEventId, Map.copyOf(waitingForRef)));
      LOG.info(
          "Case activity: {} events kept for the next start in {} ms",
          log.size(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("Could not keep the case activity for the next start ({})", e.toString());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Notes, for the copy kept at the stop, how many rows are stored up to the last one read and that
   * row's event id (rows up to it change only with a correction, which the rebuild number records,
   * so they can be counted after the write).
   */
  private void noteStored() {
    if (image != null) {
      storedRows = events.rowsUpTo(lastId);
      lastEventId = events.eventIdAt(lastId);
    }
  }

  private void discardImage() {
    try {
      image.discard();
    } catch (java.io.IOException e) {
      LOG.warn("Could not delete the kept case activity ({})", e.toString());
    }
  }

  <T> T read(Function<CaseActivity.View, T> reader) {
    long now = System.nanoTime();
    if (version < 0 || now - checkedAt >= checkEveryNanos) {
      checkedAt = now;
      refresh();
    }
    lock.readLock().lock();
    try {
      return reader.apply(view);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Reads what was stored since the last look, if the change number has moved on; if stored events
   * were changed in place (a correction: the rebuild number moved on), reads them all again.
   */
  void refresh() {
    CaseEventRepository.State stored = reading.execute(s -> events.state());
    if (stored.version() == version && stored.rebuilt() == rebuilt) {
      return;
    }
    boolean[] corrected = {false};
    lock.writeLock().lock();
    try {
      reading.executeWithoutResult(
          s -> {
            CaseEventRepository.State now = events.state();
            if (now.version() == version && now.rebuilt() == rebuilt) {
              return;
            }
            if (now.rebuilt() != rebuilt) {
              if (rebuilt >= 0 && image != null) {
                // A correction changed stored events: the kept copy holds them as they were.
                discardImage();
                corrected[0] = true;
              }
              // Until the whole log is read again, nothing here is up to date: a failure part way
              // leaves the numbers unknown, so the next read starts again from the beginning.
              forget();
            }
            try {
              lastId = events.appendAfter(lastId, log, this::resolve);
            } catch (RuntimeException e) {
              // Rows read before the failure are in the log but not counted in lastId: reading
              // again from lastId would add them twice, so the next read starts from the beginning.
              forget();
              throw e;
            }
            resolveWaiting();
            families = Map.copyOf(events.familyGroups());
            noteStored();
            Timeliness.prepare(log);
            cache.clear();
            rebuilt = now.rebuilt();
            version = now.version();
          });
    } finally {
      lock.writeLock().unlock();
    }
    if (corrected[0]) {
      // The corrected log, read afresh, is kept in the background (readers go on meanwhile).
      Thread.ofPlatform().name("case-activity-keep").daemon().start(this::keep);
    }
  }

  /**
   * Empties the log and marks its numbers unknown: the next read reads every event (write lock).
   */
  private void forget() {
    log = new EventLog();
    lastId = 0;
    waitingForRef.clear();
    cache.clear();
    version = -1;
    rebuilt = -1;
  }

  /**
   * Appends events this instance has just committed, without reading them back: only if the log was
   * up to date when they were written (the writer held the change lock, so nothing else was written
   * between), otherwise it reads what is new as usual.
   *
   * @param before the change number the writer found (and the log held)
   * @param after the change number the writer set
   * @param lastId the highest row number after the write
   */
  void appendCommitted(
      long before,
      long after,
      int count,
      java.util.function.IntFunction<CaseEvent> row,
      long lastId) {
    appendCommitted(
        before,
        after,
        lastId,
        () -> {
          for (int i = 0; i < count; i++) {
            append(row.apply(i));
          }
        });
  }

  /**
   * As {@link #appendCommitted(long, long, int, java.util.function.IntFunction, long)}, for rows of
   * an imported file's log: its values are copied as bytes.
   *
   * @param refId the id of the event a file row refers to, or null
   */
  void appendCommitted(
      long before,
      long after,
      EventLog file,
      int[] rows,
      java.util.function.IntFunction<String> refId,
      long lastId) {
    appendCommitted(
        before,
        after,
        lastId,
        () -> {
          int first = log.addAllFrom(file, rows);
          for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            int mine = first + i;
            if (log.ref(mine) < 0) {
              // A reference outside the rows added: to an event stored before, or not yet.
              String ref = refId.apply(row);
              if (ref != null) {
                resolve(mine, ref);
              }
            }
            if (!waitingForRef.isEmpty()) {
              referredTo(mine, file.eventId(row));
            }
          }
        });
  }

  private void appendCommitted(long before, long after, long lastId, Runnable append) {
    lock.writeLock().lock();
    try {
      if (version == before) {
        append.run();
        this.lastId = lastId;
        if (image != null) {
          try {
            reading.executeWithoutResult(s -> noteStored());
          } catch (RuntimeException e) {
            storedRows = -1; // not kept at the stop; the copy from an earlier one stays usable
          }
        }
        Timeliness.prepare(log);
        cache.clear();
        version = after;
        return;
      }
    } finally {
      lock.writeLock().unlock();
    }
    // Something else was written first: read what is new, as for any change.
    refresh();
  }

  private void resolve(int row, String ref) {
    int target = log.rowOf(ref);
    if (target >= 0) {
      log.setRef(row, target);
    } else {
      waitingForRef.computeIfAbsent(ref, k -> new ArrayList<>()).add(row);
    }
  }

  /** Resolves the references that waited for events read since. */
  private void resolveWaiting() {
    waitingForRef
        .entrySet()
        .removeIf(
            waiting -> {
              int target = log.rowOf(waiting.getKey());
              if (target < 0) {
                return false;
              }
              waiting.getValue().forEach(r -> log.setRef(r, target));
              return true;
            });
  }

  private void referredTo(int row, String eventId) {
    if (waitingForRef.isEmpty()) {
      return;
    }
    List<Integer> referring = waitingForRef.remove(eventId);
    if (referring != null) {
      referring.forEach(r -> log.setRef(r, row));
    }
  }

  /**
   * The id of the event a row refers to that is not stored yet (its reference waits for it), or
   * null; the caller holds the read lock.
   */
  String waitingRef(int row) {
    for (Map.Entry<String, List<Integer>> waiting : waitingForRef.entrySet()) {
      if (waiting.getValue().contains(row)) {
        return waiting.getKey();
      }
    }
    return null;
  }

  private void append(CaseEvent e) {
    int row = e.addTo(log);
    if (row < 0) {
      LOG.warn("An event of an unknown type was left out of the live log");
      return;
    }
    if (e.ref() != null) {
      resolve(row, e.ref());
    }
    referredTo(row, e.eventId());
  }

  /**
   * One case's events in time order (as stored: by time, then by the order they were stored), from
   * the log in memory; empty for an unknown case.
   */
  List<CaseEvent> caseEvents(String caseRef) {
    return read(
        v -> {
          int c = log.cases().find(caseRef);
          if (c < 0) {
            return List.of();
          }
          List<Integer> rows = new ArrayList<>();
          for (int row = 0; row < log.size(); row++) {
            if (log.caseOf(row) == c) {
              rows.add(row);
            }
          }
          rows.sort(java.util.Comparator.comparingLong(log::at)); // stable: stored order kept
          Map<Integer, String> waiting = new HashMap<>();
          waitingForRef.forEach((ref, referring) -> referring.forEach(r -> waiting.put(r, ref)));
          List<CaseEvent> events = new ArrayList<>(rows.size());
          for (int row : rows) {
            int ref = log.ref(row);
            events.add(CaseEvent.of(log, row, ref >= 0 ? log.eventId(ref) : waiting.get(row)));
          }
          return events;
        });
  }

  private final CaseActivity.View view =
      new CaseActivity.View() {
        @Override
        public long version() {
          return version;
        }

        @Override
        public EventLog log() {
          return log;
        }

        @Override
        public EventLog log(Set<String> onlyTeams) {
          return onlyTeams == null
              ? log
              : cached(List.of("log", new TreeSet<>(onlyTeams)), () -> scoped(log, onlyTeams));
        }

        @Override
        public CaseBook book(Set<String> onlyTeams) {
          return cached(
              Arrays.asList("book", onlyTeams == null ? null : new TreeSet<>(onlyTeams)),
              () -> CaseBook.of(log(onlyTeams)));
        }

        @Override
        public Map<String, String> familyGroups() {
          return families;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T cached(Object key, Supplier<T> compute) {
          if (cache.size() > MAX_CACHED) {
            cache.clear();
          }
          FutureTask<Object> task = new FutureTask<>(compute::get);
          FutureTask<Object> existing = cache.putIfAbsent(key, task);
          if (existing == null) {
            task.run();
            existing = task;
          }
          try {
            return (T) existing.get();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          } catch (ExecutionException e) {
            cache.remove(key, existing);
            if (e.getCause() instanceof RuntimeException r) {
              throw r;
            }
            throw new IllegalStateException(e.getCause());
          }
        }
      };

  /**
   * The events of cases that have had an event in one of the teams, and the teams' own events
   * without a case, with their references kept.
   */
  static EventLog scoped(EventLog all, Set<String> onlyTeams) {
    boolean[] team = new boolean[all.teams().size()];
    for (String t : onlyTeams) {
      int i = all.teams().find(t);
      if (i >= 0) {
        team[i] = true;
      }
    }
    boolean[] keepCase = new boolean[all.cases().size()];
    for (int row = 0; row < all.size(); row++) {
      int t = all.teamOf(row);
      if (t >= 0 && team[t] && all.caseOf(row) >= 0) {
        keepCase[all.caseOf(row)] = true;
      }
    }
    EventLog mine = new EventLog();
    int[] newRow = new int[all.size()];
    Arrays.fill(newRow, -1);
    for (int row = 0; row < all.size(); row++) {
      int c = all.caseOf(row);
      int t = all.teamOf(row);
      boolean keep = c >= 0 ? keepCase[c] : t >= 0 && team[t];
      if (!keep) {
        continue;
      }
      newRow[row] =
          mine.add(
              all.eventId(row),
              all.at(row),
              all.type(row),
              all.cases().get(c),
              all.children().get(all.childOf(row)),
              all.workers().get(all.workerOf(row)),
              all.teams().get(t),
              all.details().get(all.detailOf(row)),
              -1,
              all.due(row));
    }
    for (int row = 0; row < all.size(); row++) {
      int ref = all.ref(row);
      if (newRow[row] >= 0 && ref >= 0 && newRow[ref] >= 0) {
        mine.setRef(newRow[row], newRow[ref]);
      }
    }
    Timeliness.prepare(mine);
    return mine;
  }
}
