package org.safeload.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.safeload.bench.http.Accounts;
import org.safeload.bench.http.AppClient;
import org.safeload.bench.http.AppProcess;
import org.safeload.bench.http.Council;
import org.safeload.bench.http.Database;
import org.safeload.bench.http.GcLog;
import org.safeload.bench.http.Latencies;
import org.safeload.bench.http.Load;
import org.safeload.bench.http.Mix;

/**
 * One run of the app over HTTP, shared by the benchmark ({@link AppBench}) and the soak ({@link
 * SoakBench}): its temporary folder, its database, its app processes (on 127.0.0.1 only), and the
 * steps both take to get a loaded app with signed-in users: generate the council, start the app on
 * the empty database, import the council through the API, add and sign in the virtual users. {@link
 * #close} stops the app and removes the folder and the schema, however the run ends (a shutdown
 * hook does it on Ctrl-C).
 */
final class AppRun implements AutoCloseable {

  static final double MB = 1024 * 1024;
  static final double GB = MB * 1024;

  private final AppOptions o;
  private final PrintStream out;
  private final AtomicReference<AppProcess> app = new AtomicReference<>();
  private final AtomicBoolean cleaned = new AtomicBoolean();
  private final Thread hook = new Thread(this::cleanUp, "safeload-bench-cleanup");
  private final Path jar;
  private final int port;
  private final Path work;
  private final Database db;
  private boolean prepared;
  private List<String> appArgs;
  private String adminPassword;
  private String adminToken;

  /**
   * The app, its port and database checked, a temporary folder made and the shutdown hook set.
   *
   * @param kind names the temporary folder ({@code safeload-bench-app-…})
   */
  AppRun(AppOptions options, PrintStream out, String kind) throws IOException {
    this.o = options;
    this.out = out;
    this.jar = AppProcess.findJar(o.appJar());
    this.port = o.port() == 0 ? AppProcess.freePort() : o.port();
    AppProcess.checkPortFree(port);
    this.work = Files.createTempDirectory("safeload-bench-" + kind + "-");
    try {
      this.db =
          o.db().equals("h2")
              ? Database.h2(work)
              : Database.postgres(o.pgUrl(), o.pgUser(), o.pgSchema());
    } catch (RuntimeException e) {
      deleteTree(work);
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * The app loaded with the council, and its users.
   *
   * @param app the app process
   * @param admin the first administrator, signed in (pages) with an API token
   * @param importMark where the app's GC log ended once the council was imported
   * @param users the virtual users, signed in with a token each
   */
  record Ready(
      AppProcess app,
      AppClient admin,
      Accounts accounts,
      Council.Imported imported,
      long importMark,
      List<AppClient> users) {}

  /**
   * Prepares the database, prints what runs on what, generates the council, starts the app, imports
   * the council and signs {@code users} users in (head of service).
   *
   * @param title what runs, e.g. {@code Safeload HTTP benchmark}
   */
  Ready ready(String title, int users) throws IOException, InterruptedException {
    db.prepare();
    prepared = true;
    out.printf(
        "%s: %,d children over %d months (seed %d), %s%n",
        title, o.children(), o.months(), o.seed(), db.describe());
    out.printf(
        "Java %s (%s), %d CPUs; app -Xmx%s; app jar %s (%s)%n",
        Runtime.version(),
        AppProcess.java(),
        Runtime.getRuntime().availableProcessors(),
        o.heap(),
        jar,
        o.plainJar()
            ? "started with java -jar"
            : "started as deployed: extracted, with the class-data archive its first start makes");
    out.printf("System load average at the start: %s%n", loadAverage());

    Path council = generate();
    adminPassword = randomPassword();
    appArgs =
        Stream.concat(
                db.appArguments().stream(),
                Stream.of(
                    "--safeload.demo.enabled=false",
                    "--safeload.clock.fixed=" + o.today() + "T12:00:00Z"))
            .toList();
    AppProcess first =
        start(port, Map.of("SAFELOAD_ADMIN_PASSWORD", adminPassword), "app", "App started");

    AppClient admin = new AppClient(first.base(), Duration.ofMinutes(30));
    admin.signIn("admin", adminPassword);
    Accounts accounts = new Accounts(admin);
    adminToken = accounts.createToken(accounts.ids().get("admin"), "benchmark import");
    admin.useToken(adminToken);
    Council.Imported imported = importCouncil(admin, council);
    long importMark = first.gc().mark();

    long t0 = System.nanoTime();
    List<AppClient> signedIn = users(accounts, first, users, "HEAD_OF_SERVICE");
    out.printf(
        "Signed in %d users (head of service; pages: a session from the sign-in form; API: a"
            + " token each) in %.1f s%n",
        signedIn.size(), secondsSince(t0));
    return new Ready(first, admin, accounts, imported, importMark, signedIn);
  }

  /** Signs the first administrator in again (after its session has expired). */
  void signInAgain(AppClient admin) {
    admin.signIn("admin", adminPassword);
  }

  /** The first administrator's API token. */
  String adminToken() {
    return adminToken;
  }

  /** Runs the app's generate command into the run's folder. */
  private Path generate() throws IOException, InterruptedException {
    Path council = work.resolve("council");
    long t0 = System.nanoTime();
    String said =
        AppProcess.generate(jar, o.children(), o.months(), o.seed(), AppOptions.START, council);
    out.printf("%s (%.1f s)%n", said, secondsSince(t0));
    return council;
  }

  /**
   * Starts the app on the run's database and waits for its first answer; it is stopped by {@link
   * #close} unless stopped before.
   */
  AppProcess start(int port, Map<String, String> env, String name, String what)
      throws IOException, InterruptedException {
    AppProcess p =
        o.plainJar()
            ? AppProcess.start(jar, o.heap(), port, appArgs, env, work, name)
            : AppProcess.start(
                deployed(),
                o.heap(),
                AppProcess.archive(work.resolve("app")),
                port,
                appArgs,
                env,
                work,
                name);
    app.set(p);
    Duration up = p.waitUntilUp(Duration.ofMinutes(5));
    out.printf(
        "%s in %.1f s (process start to the first answer of /actuator/health), pid %d, %s;"
            + " today is %s%n",
        what, up.toNanos() / 1e9, p.pid(), p.base(), o.today());
    return p;
  }

  private Path deployed;

  /**
   * The app jar extracted into the run's folder, as docs/architecture.md says to deploy it (once
   * per run: the restart uses the class-data archive the first start wrote when it stopped).
   */
  private Path deployed() throws IOException, InterruptedException {
    if (deployed == null) {
      deployed = AppProcess.extract(jar, work.resolve("app"));
    }
    return deployed;
  }

  private Council.Imported importCouncil(AppClient admin, Path council) throws IOException {
    Council.Imported imported = Council.load(admin, council, work);
    out.printf(
        "Imported %d teams, %d workers (each team's manager among them); %,d children in %.2f"
            + " s%n",
        imported.teamIds().size(),
        imported.workers(),
        imported.children(),
        imported.childrenSeconds());
    out.printf(
        "Events import: %,d events in %.2f s: %,.0f events/s%n",
        imported.events(), imported.eventsSeconds(), imported.eventsPerSecond());
    out.printf(
        "Second import of the same file: %,d created, %,d unchanged in %.2f s (%.2f s per"
            + " 100k rows)%n",
        imported.secondCreated(),
        imported.secondUnchanged(),
        imported.secondSeconds(),
        imported.secondPer100k());
    return imported;
  }

  /** Adds an account per virtual user, signs each in and gives each a token. */
  private List<AppClient> users(Accounts accounts, AppProcess app, int n, String role) {
    String password = randomPassword();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String name = String.format("bench-%02d", i);
      accounts.create(name, "Benchmark user " + i, password, role);
      names.add(name);
    }
    Map<String, Long> ids = accounts.ids();
    List<AppClient> users = new ArrayList<>();
    for (String name : names) {
      AppClient user = new AppClient(app.base(), Duration.ofSeconds(o.timeoutSeconds()));
      user.signIn(name, password);
      user.useToken(accounts.createToken(ids.get(name), "benchmark"));
      users.add(user);
    }
    return users;
  }

  /**
   * Each endpoint's requests, errors, percentiles and answer size, all of them together, the
   * throughput and the first distinct errors of each endpoint.
   */
  void table(Mix mix, Load.Result result) {
    out.printf(
        "%-34s %8s %6s %9s %9s %9s %9s %9s%n",
        "endpoint", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "KB/answer");
    for (Mix.Endpoint e : mix.endpoints()) {
      row(result.latencies().summary(e.name()));
    }
    row(result.latencies().overall("all"));
    out.printf("Throughput: %.1f requests/s%n", result.requestsPerSecond());
    for (Mix.Endpoint e : mix.endpoints()) {
      for (String problem : result.latencies().summary(e.name()).problems()) {
        out.printf("  error on %s: %s%n", e.name(), problem);
      }
    }
  }

  private void row(Latencies.Summary s) {
    out.printf(
        "%-34s %8d %6d %9.1f %9.1f %9.1f %9.1f %9.1f%n",
        s.name(), s.count(), s.errors(), s.p50(), s.p95(), s.p99(), s.max(), s.bytes() / 1024.0);
  }

  void heapLine(String phase, GcLog.Peak p) {
    out.printf(
        "  %-20s peak used %5.0f MB, peak live %5.0f MB, heap size up to %5.0f MB, %d"
            + " collections%n",
        phase, p.peakUsed() / MB, p.peakLive() / MB, p.peakSize() / MB, p.collections());
  }

  /** Stops the app and removes the temporary files and the schema. */
  @Override
  public void close() {
    cleanUp();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down already: the hook is running or has run.
    }
  }

  /** Once, however the run ends: from {@link #close} or from the shutdown hook. */
  private void cleanUp() {
    if (!cleaned.compareAndSet(false, true)) {
      return;
    }
    AppProcess p = app.get();
    if (p != null) {
      p.close();
    }
    if (prepared) {
      db.cleanup();
    }
    if (o.keep()) {
      System.err.println("Kept the run's files in " + work);
    } else {
      deleteTree(work);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete " + root + ": " + e.getMessage());
    }
  }

  private static String randomPassword() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** The 1, 5 and 15 minute load averages, from /proc/loadavg (Linux), or one figure. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + ", " + parts[1] + ", " + parts[2] + " (1, 5, 15 min)";
    } catch (IOException | RuntimeException e) {
      return String.format(
          "%.2f",
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
