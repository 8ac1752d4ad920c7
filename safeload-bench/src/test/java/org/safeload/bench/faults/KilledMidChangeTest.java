package org.safeload.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeload.bench.http.Accounts;
import org.safeload.bench.http.AppClient;
import org.safeload.bench.http.AppProcess;
import org.safeload.bench.http.BenchFailure;
import org.safeload.bench.http.Database;
import org.safeload.bench.http.Json;

/**
 * {@code kill -9} in the middle of four changes at once, on PostgreSQL: an events import, a
 * handover being applied, an invoice being recorded and an account's role being changed. The app
 * (the packaged jar, as a process of its own, with the demo council) runs a stream of each change;
 * at a moment chosen by a seed it is killed with all four in the middle of their transactions:
 *
 * <ul>
 *   <li>the test holds a lock on the audit table, so that the invoice and the role change have
 *       written their change and wait to write its audit entry;
 *   <li>the import is writing its rows (PostgreSQL's COPY, at a seeded share of the file, or has
 *       written them all and waits for its audit entry), holding the case activity's lock;
 *   <li>so the handover has written its record and waits for that lock to write its moves.
 * </ul>
 *
 * <p>After the kill, the database holds every change the app had confirmed, each with its audit
 * entry, and nothing of the four in flight: no invoice or role without its audit entry, no handover
 * with some of its moves, no import with some of its rows. The app starts again on the same
 * database and each of the four, sent again, succeeds. The seed is printed; {@code
 * -Dsafeload.faults.seed=N} runs the same moment again.
 */
class KilledMidChangeTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path JAR = ROOT.resolve("safeload-app/target/safeload.jar");
  private static final String PG_URL =
      System.getenv()
          .getOrDefault("SAFELOAD_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String PG_USER =
      System.getenv().getOrDefault("SAFELOAD_TEST_POSTGRES_USER", "postgres");

  private static final String CONTRACT = "FAULTS-INVOICES";
  private static final String CSV = "text/csv; charset=UTF-8";
  private static final int ACCOUNTS = 100;
  private static final DateTimeFormatter MONTH_WORDS =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
  private static final Pattern MONTH = Pattern.compile("\"month\":\"(\\d{4}-\\d{2})\"");
  private static final Duration WITHIN = Duration.ofSeconds(60);

  @TempDir Path work;

  private final String schema =
      "safeload_faults_" + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
  private final String password = "Faults-" + Long.toHexString(new SecureRandom().nextLong());
  private Database db;
  private AppProcess app;
  private Connection sql;

  @AfterEach
  void cleanUp() throws SQLException {
    if (app != null) {
      if (app.alive()) {
        app.close();
      }
    }
    if (sql != null) {
      sql.close();
    }
    if (db != null) {
      db.cleanup();
    }
  }

  /** A plan's move, as applying it takes it. */
  record Move(String caseRef, String from, String to) {}

  @Test
  void killedInTheMiddleOfFourChangesNothingIsHalfWrittenAndEachCanBeSentAgain() throws Exception {
    try {
      killAndRestart();
    } catch (Throwable t) {
      // The apps' own words, for the failure's report.
      try (Stream<Path> files = Files.list(work)) {
        for (Path log :
            files
                .filter(
                    f -> f.toString().endsWith("app.log") || f.toString().endsWith("restarted.log"))
                .sorted()
                .toList()) {
          List<String> lines = Files.readAllLines(log);
          System.out.println("--- the last lines of " + log.getFileName());
          lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(System.out::println);
        }
      }
      throw t;
    }
  }

  private void killAndRestart() throws Exception {
    assertThat(JAR).as("the app's jar (./mvnw package builds it)").exists();
    long seed = Long.getLong("safeload.faults.seed", new SecureRandom().nextLong());
    System.out.println(
        "KilledMidChangeTest: seed "
            + seed
            + " (the same moment again: -Dsafeload.faults.seed="
            + seed
            + "), schema "
            + schema);
    Random random = new Random(seed);

    db = Database.postgres(PG_URL + "?ApplicationName=" + schema, PG_USER, schema);
    db.prepare();
    sql = connect();
    CompletableFuture<Path> council =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                Path out = work.resolve("council");
                AppProcess.generate(JAR, 3000, 12, 7, LocalDate.of(2025, 11, 1), out);
                return out;
              } catch (IOException | InterruptedException e) {
                throw new BenchFailure("generate: " + e, e);
              }
            });
    List<String> arguments = arguments();
    app = start(arguments, "app");
    waitForTheDemo();
    connectClients();

    // What the four streams change: an invoice a month (ten years of a contract), the role of
    // read-only accounts, the project team's cases handed over (a few at a time), and a council's
    // year of case activity.
    api.api(
        "POST",
        "/api/v1/contracts",
        "application/yaml",
        BodyPublishers.ofString(contractDocument()));
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2020, 1); m.getYear() < 2030; m = m.plusMonths(1)) {
      months.add(m);
    }
    Collections.shuffle(months, random);
    List<Long> people = readOnlyAccounts();
    Collections.shuffle(people, random);
    List<List<Move>> chunks = handoverChunks(random);
    Path events = events(council.get(5, TimeUnit.MINUTES));
    int rows = (int) (lines(events) - 1);
    long eventsBefore = count("select count(*) from case_event");

    Change<YearMonth> invoices = new Change<>("invoice", months, this::invoice);
    Change<Long> roles = new Change<>("role change", people, this::changeRole);
    Change<List<Move>> handovers = new Change<>("handover", chunks, this::apply);
    Change<Path> imports = new Change<>("import", List.of(events), this::importEvents);

    double share = 0.05 + 0.9 * random.nextDouble();
    long before = 300 + random.nextInt(900);
    try (Connection lock = connect()) {
      invoices.start();
      roles.start();
      handovers.start();
      Thread.sleep(before);
      // The handovers wait while the import begins, so that the import takes the case activity's
      // lock first; the audit table is locked, so nothing that writes an audit entry can finish.
      handovers.pause();
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("lock table " + schema + ".audit_event in share mode");
      }
      imports.start();
      long t0 = System.nanoTime();
      waitFor(
          "the import's COPY to begin",
          () -> copying() > 0 || waiting("insert into audit_event") >= 3);
      handovers.resume();
      waitFor(
          "the four changes to be in the middle of their transactions",
          () -> {
            // The invoice and the role change (and the import, once copied) wait to write their
            // audit entries; the handover waits for the case activity's lock.
            long copying = copying();
            long audits = waiting("insert into audit_event");
            return waiting("select version from case_activity_version") > 0
                && (copying >= share * rows ? audits >= 2 : copying < 0 && audits >= 3);
          });
      long copied = copying();
      double after = (System.nanoTime() - t0) / 1e9;
      killed = true;
      app.kill();
      lock.rollback();
      for (Change<?> c : List.of(invoices, roles, handovers, imports)) {
        c.join();
      }
      System.out.printf(
          "KilledMidChangeTest: killed after %d invoices, %d role changes and %d handovers; the"
              + " import %s, %.1f s after it began (the kill waited for %.0f%% of its rows)%n",
          invoices.done.size(),
          roles.done.size(),
          handovers.done.size(),
          copied < 0
              ? "had copied its " + rows + " rows and waited for its audit entry"
              : "was copying, at row " + copied + " of " + rows,
          after,
          share * 100);
      for (Change<?> c : List.of(invoices, roles, handovers, imports)) {
        assertThat(c.errors).as(c.name + " failures before the kill").isEmpty();
        assertThat(c.inFlight).as("a " + c.name + " in flight at the kill").isNotNull();
      }
      waitFor("the killed app's sessions to end in PostgreSQL", () -> sessions() == 0);
    }

    // Nothing half-written, nothing confirmed lost, nothing in flight kept.
    nothingHalfWritten(invoices, roles, handovers, chunks, false);
    assertThat(count("select count(*) from case_event"))
        .as("the demo's events and the handovers' moves")
        .isEqualTo(eventsBefore + moves());
    assertThat(count("select count(*) from case_event where event_id like 'F%'")).isZero();
    assertThat(
            count(
                "select count(*) from audit_event where entity_type = 'case-events'"
                    + " and actor = 'admin'"))
        .as("imports recorded in the audit trail")
        .isZero();

    // Started again on the same database, each change sent again succeeds.
    app = start(arguments, "app-restarted");
    connectClients();
    imports.retry();
    assertThat(count("select count(*) from case_event")).isEqualTo(eventsBefore + moves() + rows);
    assertThat(
            count(
                "select count(*) from audit_event where entity_type = 'case-events'"
                    + " and actor = 'admin' and summary like '"
                    + rows
                    + " events imported%'"))
        .isOne();
    invoices.retry();
    roles.retry();
    handovers.retry();
    nothingHalfWritten(invoices, roles, handovers, chunks, true);
    // The restarted app sees what the database holds.
    Set<YearMonth> answered = new HashSet<>();
    Matcher m = MONTH.matcher(api.apiGet("/api/v1/contracts/" + CONTRACT));
    while (m.find()) {
      answered.add(YearMonth.parse(m.group(1)));
    }
    assertThat(answered).as("the contract's invoices").isEqualTo(invoices.expected(true));
  }

  /** The case events the handovers wrote: a move each. */
  private long moves() throws SQLException {
    return count("select count(*) from allocation_decision where handover_id is not null");
  }

  /** Signs in to the app (again, after a restart): pages with a session, the API with a token. */
  private void connectClients() {
    pages = new AppClient(app.base(), Duration.ofMinutes(2));
    pages.signIn("admin", password);
    api = new AppClient(app.base(), Duration.ofMinutes(2));
    if (token == null) {
      Accounts accounts = new Accounts(pages);
      token = accounts.createToken(accounts.ids().get("admin"), "fault tests");
    }
    api.useToken(token);
  }

  private void invoice(YearMonth month) {
    api.api(
        "PUT",
        "/api/v1/contracts/" + CONTRACT + "/invoices/" + month,
        "application/json",
        BodyPublishers.ofString(
            Json.of("amount", (1000 + month.getMonthValue()) + ".50", "reference", "F-" + month)));
  }

  private void importEvents(Path file) throws IOException {
    Map<String, Object> imported =
        Json.object(
            api.api("POST", "/api/v1/case-events/import", CSV, BodyPublishers.ofFile(file)));
    assertThat(Json.number(imported, "created")).as("rows imported").isEqualTo(lines(file) - 1);
  }

  /** Every change confirmed is there with its audit entry; nothing else is, or is half there. */
  private void nothingHalfWritten(
      Change<YearMonth> invoices,
      Change<Long> roles,
      Change<List<Move>> handovers,
      List<List<Move>> chunks,
      boolean retried)
      throws SQLException {
    // Invoices: a month in the contract if and only if its audit entry is there, once.
    long contractId = count("select id from contract where code = '" + CONTRACT + "'");
    Set<YearMonth> invoiced = new HashSet<>();
    Matcher m =
        MONTH.matcher(text("select document from contract where code = '" + CONTRACT + "'"));
    while (m.find()) {
      invoiced.add(YearMonth.parse(m.group(1)));
    }
    List<String> audited =
        texts(
            "select summary from audit_event where entity_type = 'contract' and entity_id = '"
                + contractId
                + "' and summary like 'invoice recorded for %'");
    assertThat(audited)
        .as("each invoice's audit entry, once")
        .containsExactlyInAnyOrderElementsOf(
            invoiced.stream().map(i -> "invoice recorded for " + MONTH_WORDS.format(i)).toList());
    assertThat(invoiced)
        .as("invoices made: those confirmed (and the one in flight once sent again)")
        .isEqualTo(invoices.expected(retried));

    // Roles: changed if and only if the change's audit entry is there, once.
    Set<Long> changed =
        new HashSet<>(
            longs(
                "select id from app_user where username like 'fault-%' and role = 'SOCIAL_WORKER'"));
    List<Long> roleAudits =
        longs(
            "select cast(entity_id as bigint) from audit_event where action = 'change-role'"
                + " and entity_type = 'user'");
    assertThat(roleAudits).as("each role change's audit entry, once").hasSameSizeAs(changed);
    assertThat(new HashSet<>(roleAudits)).isEqualTo(changed);
    assertThat(changed)
        .as("role changes made: those confirmed (and the one in flight once sent again)")
        .isEqualTo(roles.expected(retried));

    // Handovers: each one recorded has every move (an event and a decision each) and its audit
    // entry; each chunk of the plan moved whole or not at all.
    assertThat(
            count(
                "select count(*) from handover h where h.cases <> (select count(*) from"
                    + " allocation_decision d join case_event e on e.event_id = d.event_id"
                    + " where d.handover_id = h.id)"))
        .as("handovers with some of their moves")
        .isZero();
    assertThat(
            longs(
                "select cast(entity_id as bigint) from audit_event where action = 'apply'"
                    + " and entity_type = 'handover' order by 1"))
        .as("each handover's audit entry, once")
        .isEqualTo(longs("select id from handover order by 1"));
    Set<List<Move>> moved = new HashSet<>();
    for (List<Move> chunk : chunks) {
      int done = 0;
      for (Move move : chunk) {
        done +=
            (int)
                count(
                    "select count(*) from allocation_decision where handover_id is not null and"
                        + " case_ref = '"
                        + move.caseRef()
                        + "' and worker_ref = '"
                        + move.to()
                        + "'");
      }
      assertThat(done).as("moves of a handover done").isIn(0, chunk.size());
      if (done > 0) {
        moved.add(chunk);
      }
    }
    assertThat(moved)
        .as("handovers made: those confirmed (and the one in flight once sent again)")
        .isEqualTo(handovers.expected(retried));
    assertThat(count("select count(*) from handover")).isEqualTo(moved.size());
  }

  /**
   * One kind of change, sent one at a time from a thread of its own until the app is killed: what
   * the app confirmed, what was in flight at the kill, and any failure before it.
   */
  final class Change<T> {
    final String name;
    final List<T> items;
    final Set<T> done = ConcurrentHashMap.newKeySet();
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    final Sender<T> send;
    volatile T inFlight;
    private final Object turn = new Object();
    private boolean paused;
    private Thread thread;

    interface Sender<T> {
      void send(T item) throws Exception;
    }

    Change(String name, List<T> items, Sender<T> send) {
      this.name = name;
      this.items = items;
      this.send = send;
      changes.add(this);
    }

    void start() {
      thread = Thread.ofPlatform().daemon().name("faults-" + name).start(this::run);
    }

    private void run() {
      for (T item : items) {
        synchronized (turn) {
          while (paused) {
            try {
              turn.wait();
            } catch (InterruptedException e) {
              return;
            }
          }
          inFlight = item;
        }
        try {
          send.send(item);
        } catch (BenchFailure e) {
          if (!killed) {
            errors.add(e.getMessage());
          }
          return; // killed: this one was in flight
        } catch (Throwable e) {
          errors.add(e.toString());
          return;
        }
        synchronized (turn) {
          done.add(item);
          inFlight = null;
          turn.notifyAll();
        }
        if (killed) {
          return;
        }
      }
      errors.add("ran out of " + name + "s before the kill");
    }

    /** Sends no more until {@link #resume}, and waits until none is in flight. */
    void pause() throws InterruptedException {
      long deadline = System.nanoTime() + WITHIN.toNanos();
      synchronized (turn) {
        paused = true;
        while (inFlight != null) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0 || !thread.isAlive()) {
            throw new AssertionError("the " + name + "s did not pause: " + errors);
          }
          turn.wait(left);
        }
      }
    }

    void resume() {
      synchronized (turn) {
        paused = false;
        turn.notifyAll();
      }
    }

    void join() throws InterruptedException {
      resume();
      thread.join(TimeUnit.SECONDS.toMillis(30));
      assertThat(thread.isAlive()).as(name + "s ended").isFalse();
    }

    /** Sends the one in flight at the kill again (to the restarted app): it must succeed. */
    void retry() throws Exception {
      send.send(inFlight);
    }

    /** What the database must hold: what was confirmed, and the one in flight once retried. */
    Set<T> expected(boolean retried) {
      Set<T> all = new HashSet<>(done);
      if (retried) {
        all.add(inFlight);
      }
      return all;
    }
  }

  /** The changes go through these: the first app's, then the restarted one's. */
  private volatile AppClient api;

  private volatile AppClient pages;
  private String token;
  private volatile boolean killed;
  private final List<Change<?>> changes = new ArrayList<>();

  private void changeRole(long id) {
    String path = "/admin/users/" + id;
    HttpResponse<String> r =
        pages.submit(path, path + "/role", Map.of("role", "SOCIAL_WORKER", "providerId", ""));
    if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").endsWith(path)) {
      throw new AssertionError("role change for " + id + ": HTTP " + r.statusCode());
    }
  }

  private void apply(List<Move> chunk) {
    String moves =
        chunk.stream()
            .map(m -> Json.of("caseRef", m.caseRef(), "from", m.from(), "to", m.to()))
            .collect(Collectors.joining(","));
    Map<String, Object> applied =
        Json.object(
            api.apiPost(
                "/api/v1/caseloads/handover/apply",
                "{\"moves\":["
                    + moves
                    + "],\"reason\":\"Fault test: the project team hands over\"}"));
    if (Json.number(applied, "moved") != chunk.size()) {
      throw new AssertionError("handover moved " + applied + " of " + chunk.size());
    }
  }

  // --- The app --------------------------------------------------------------------------------

  private List<String> arguments() {
    return Stream.concat(
            db.appArguments().stream(),
            Stream.of(
                "--safeload.clock.fixed=2026-11-25T12:00:00Z",
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--safeload.sign-in.account-failures=1000000",
                "--safeload.sign-in.address-failures=1000000",
                "--safeload.sign-in.basic-burst=1000000",
                "--safeload.sign-in.basic-per-second=1000000"))
        .toList();
  }

  private AppProcess start(List<String> arguments, String name) throws Exception {
    AppProcess started =
        AppProcess.start(
            JAR,
            "768m",
            // Started twice and run for seconds: the quick JIT compiler only, as ./safeload runs
            // the engine's commands (on two processors, a start takes a quarter less time).
            List.of("-XX:TieredStopAtLevel=1"),
            AppProcess.freePort(),
            arguments,
            Map.of("SAFELOAD_ADMIN_PASSWORD", password),
            work,
            name);
    try {
      Duration up = started.waitUntilUp(Duration.ofMinutes(3));
      System.out.printf("KilledMidChangeTest: %s up in %.1f s%n", name, up.toNanos() / 1e9);
    } catch (BenchFailure e) {
      started.close();
      throw e;
    }
    return started;
  }

  /** The demo council is loaded in one transaction, its case activity last. */
  private void waitForTheDemo() throws Exception {
    waitFor(
        "the demo council",
        () -> count("select count(*) from audit_event where entity_type = 'case-events'") > 0);
  }

  private static String contractDocument() {
    return """
        id: FAULTS-INVOICES
        provider: Brightpath Social Work Ltd
        route: direct-award
        justification: Ten years of invoices, recorded while the app is killed.
        start: 2020-01-01
        end: 2029-12-31
        ceiling: 90000000
        status: active
        roster:
          - {role: social-worker, count: 1, rate: {amount: 340, per: calendar-day}}
        """;
  }

  /** Read-only accounts to give another role, added to the database directly (no passwords). */
  private List<Long> readOnlyAccounts() throws SQLException {
    try (PreparedStatement insert =
        sql.prepareStatement(
            "insert into "
                + schema
                + ".app_user (username, display_name, password_hash, role, enabled, created_at)"
                + " values (?, ?, null, 'READ_ONLY', true, now())")) {
      for (int i = 1; i <= ACCOUNTS; i++) {
        insert.setString(1, String.format("fault-%03d", i));
        insert.setString(2, "Fault account " + i);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return longs("select id from app_user where username like 'fault-%' order by id");
  }

  /**
   * The demo's project team handed over to the council's own teams: the plan's moves, shuffled, in
   * chunks of one to three cases, each applied on its own.
   */
  private List<List<Move>> handoverChunks(Random random) {
    Map<String, Long> teams = new HashMap<>();
    for (Map<String, Object> t : Json.objects(api.apiGet("/api/v1/teams"))) {
      teams.put(t.get("name").toString(), Json.number(t, "id"));
    }
    long project = teams.get("Brightpath Project Team");
    String to =
        teams.values().stream()
            .filter(id -> id != project)
            .map(String::valueOf)
            .collect(Collectors.joining(","));
    Map<String, Object> plan =
        Json.object(
            api.apiPost(
                "/api/v1/caseloads/handover/plan",
                "{\"fromTeam\":" + project + ",\"toTeams\":[" + to + "],\"timeLimitSeconds\":2}"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> moves = (List<Map<String, Object>>) plan.get("moves");
    assertThat((List<?>) plan.get("unplaced")).as("cases the plan cannot place").isEmpty();
    assertThat(moves).hasSizeGreaterThan(60);
    List<Move> all = new ArrayList<>();
    for (Map<String, Object> m : moves) {
      all.add(
          new Move(m.get("caseRef").toString(), m.get("from").toString(), m.get("to").toString()));
    }
    Collections.shuffle(all, random);
    List<List<Move>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); ) {
      int n = Math.min(all.size() - i, 1 + random.nextInt(3));
      chunks.add(List.copyOf(all.subList(i, i + n)));
      i += n;
    }
    return chunks;
  }

  /**
   * A generated council's year of case activity for the demo's teams (the generator's teams have
   * the demo's names): its workers imported, and its event file rewritten with the app's team and
   * worker ids, and ids of its own ("F" before each event, case and child id) so that it does not
   * meet the demo's.
   */
  private Path events(Path council) throws IOException {
    CSVFormat read = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    api.api(
        "POST",
        "/api/v1/workers/import",
        CSV,
        BodyPublishers.ofFile(council.resolve("workers.csv")));
    Map<String, Long> teamIds = new HashMap<>();
    for (Map<String, Object> t : Json.objects(api.apiGet("/api/v1/teams"))) {
      teamIds.put(t.get("name").toString(), Json.number(t, "id"));
    }
    Map<String, String> teams = new HashMap<>();
    try (Reader in = Files.newBufferedReader(council.resolve("teams.csv"));
        CSVParser p = read.parse(in)) {
      for (CSVRecord t : p) {
        teams.put(t.get("team_id"), String.valueOf(teamIds.get(t.get("name"))));
      }
    }
    Map<String, String> bySwe = new HashMap<>();
    for (Map<String, Object> w : Json.objects(api.apiGet("/api/v1/workers"))) {
      if (w.get("sweRegistration") != null) {
        bySwe.put(w.get("sweRegistration").toString(), String.valueOf(Json.number(w, "id")));
      }
    }
    Map<String, String> workers = new LinkedHashMap<>();
    try (Reader in = Files.newBufferedReader(council.resolve("worker-ids.csv"));
        CSVParser p = read.parse(in)) {
      for (CSVRecord w : p) {
        workers.put(w.get("worker_id"), bySwe.get(w.get("swe_registration")));
      }
    }
    // The generator's team managers (MT1, ...) write oversight notes: the team's first worker here.
    Map<String, String> teamOf = new HashMap<>();
    try (Reader in = Files.newBufferedReader(council.resolve("workers.csv"));
        CSVParser p = read.parse(in)) {
      int n = 0;
      for (CSVRecord w : p) {
        n++;
        teamOf.putIfAbsent(w.get("team"), workers.get("W" + n));
      }
    }
    try (Reader in = Files.newBufferedReader(council.resolve("teams.csv"));
        CSVParser p = read.parse(in)) {
      for (CSVRecord t : p) {
        workers.put("M" + t.get("team_id"), teamOf.get(t.get("name")));
      }
    }
    Path out = work.resolve("events-app-ids.csv");
    try (Reader in = Files.newBufferedReader(council.resolve("events.csv"));
        CSVParser p = read.parse(in);
        Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer =
            CSVFormat.RFC4180
                .builder()
                .setRecordSeparator('\n')
                .setHeader(p.getHeaderNames().toArray(String[]::new))
                .get()
                .print(w)) {
      for (CSVRecord r : p) {
        Map<String, String> row = new LinkedHashMap<>(r.toMap());
        for (String id : List.of("event_id", "case_id", "child_id", "ref")) {
          if (!row.get(id).isEmpty()) {
            row.put(id, "F" + row.get(id));
          }
        }
        if (!row.get("team_id").isEmpty()) {
          row.put("team_id", required(teams, row.get("team_id")));
        }
        if (!row.get("worker_id").isEmpty()) {
          row.put("worker_id", required(workers, row.get("worker_id")));
        }
        printer.printRecord(row.values());
      }
    }
    return out;
  }

  private static String required(Map<String, String> ids, String id) {
    String mapped = ids.get(id);
    if (mapped == null) {
      throw new AssertionError("no id for " + id + " in " + ids.keySet());
    }
    return mapped;
  }

  private static long lines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    }
  }

  // --- PostgreSQL -----------------------------------------------------------------------------

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", PG_USER);
    p.setProperty("password", "");
    p.setProperty("connectTimeout", "5");
    Connection c = DriverManager.getConnection(PG_URL, p);
    try (Statement s = c.createStatement()) {
      s.execute("set search_path to " + schema);
    }
    return c;
  }

  /**
   * How far the import's COPY into this schema's case_event has got: its rows, or -1 when no COPY
   * is running.
   */
  private long copying() throws SQLException {
    return count(
        "select coalesce(max(tuples_processed), -1) from pg_stat_progress_copy where relid ="
            + " to_regclass('"
            + schema
            + ".case_event')");
  }

  /** How many of the app's connections wait for a lock in a statement beginning so. */
  private long waiting(String statement) throws SQLException {
    return count(
        "select count(*) from pg_stat_activity where application_name = '"
            + schema
            + "' and wait_event_type = 'Lock' and query ilike '"
            + statement
            + "%'");
  }

  /** The app's connections still open in PostgreSQL. */
  private long sessions() throws SQLException {
    return count("select count(*) from pg_stat_activity where application_name = '" + schema + "'");
  }

  interface Check {
    boolean holds() throws SQLException;
  }

  private void waitFor(String what, Check check) throws Exception {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    while (!check.holds()) {
      for (Change<?> c : changes) {
        assertThat(c.errors).as(c.name + " failures, waiting for " + what).isEmpty();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + WITHIN.toSeconds() + " s for " + what);
      }
      Thread.sleep(2);
    }
  }

  private long count(String query) throws SQLException {
    try (Statement s = sql.createStatement();
        ResultSet r = s.executeQuery(query)) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

  private String text(String query) throws SQLException {
    try (Statement s = sql.createStatement();
        ResultSet r = s.executeQuery(query)) {
      return r.next() ? r.getString(1) : "";
    }
  }

  private List<String> texts(String query) throws SQLException {
    List<String> all = new ArrayList<>();
    try (Statement s = sql.createStatement();
        ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        all.add(r.getString(1));
      }
    }
    return all;
  }

  private List<Long> longs(String query) throws SQLException {
    List<Long> all = new ArrayList<>();
    try (Statement s = sql.createStatement();
        ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        all.add(r.getLong(1));
      }
    }
    return all;
  }
}
