package org.safeload.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.safeload.bench.http.AppClient;
import org.safeload.bench.http.AppProcess;
import org.safeload.bench.http.AuditTrail;
import org.safeload.bench.http.BenchFailure;
import org.safeload.bench.http.GcLog;
import org.safeload.bench.http.HeapTrend;
import org.safeload.bench.http.Latencies;
import org.safeload.bench.http.Load;
import org.safeload.bench.http.Mix;

/**
 * {@code java -jar safeload-bench.jar soak --children 12000 --months 12 --users 50 --minutes 30}:
 * the app under a steady load for a long time. Loads the app as the HTTP benchmark does ({@link
 * AppRun}), then runs the users through the benchmark's mix and children's case timelines (each
 * read audited) for the given minutes, cut into slices; asks the app for a full collection at the
 * end of the warm-up and of each slice; and prints each slice's latencies, errors, heap, resident
 * memory and audit trail, then PASS or FAIL for no errors and a flat heap ({@link HeapTrend}). The
 * app always stops and the temporary files go, however the run ends. See docs/performance.md,
 * "Soak".
 */
public final class SoakBench {

  private static final double MB = AppRun.MB;

  /** The exit status when a verdict is FAIL (1: the soak could not run). */
  static final int FAILED = 3;

  private SoakBench() {}

  /**
   * The command line: what every run takes, and the soak's own.
   *
   * @param minutes measured, after the warm-up
   * @param slices how many equal parts the measured time is cut into
   * @param warmupSeconds before the measured time
   */
  record Options(AppOptions app, int minutes, int slices, int warmupSeconds) {

    static Options parse(String[] args) {
      Args a =
          Args.parse(
              args, AppOptions.and("--minutes", "--slices", "--warmup"), AppOptions.FLAGS, USAGE);
      Options o =
          new Options(
              AppOptions.read(a, 50),
              a.integer("--minutes", 30),
              a.integer("--slices", 6),
              a.integer("--warmup", 60));
      if (o.minutes < 1 || o.slices < 2 || o.warmupSeconds < 0) {
        throw new BenchFailure(
            "--minutes must be at least 1, --slices at least 2 (a first and a last to compare),"
                + " --warmup not negative");
      }
      return o;
    }

    Duration measured() {
      return Duration.ofMinutes(minutes);
    }
  }

  static final String USAGE =
      """
      Usage: java -jar safeload-bench.jar soak [--children 12000] [--months 12] [--db h2|postgres]
               [--users 50] [--minutes 30] [--slices 6] [--warmup 60] [--seed 1]
               [--port N] [--app-jar safeload-app/target/safeload.jar] [--xmx 1g]
               [--timeout 120] [--pg-url jdbc:postgresql://127.0.0.1:5432/test]
               [--pg-user postgres] [--pg-schema safeload_bench] [--keep]
      Exit status 0 when both verdicts pass, 3 when one fails, 1 when the soak could not run.""";

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.println(USAGE);
      return;
    }
    boolean passed;
    try {
      passed = new Run(Options.parse(args), System.out).run();
    } catch (BenchFailure e) {
      System.err.println("safeload-bench soak: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (!passed) {
      System.exit(FAILED);
    }
  }

  /**
   * What was seen at a slice boundary, right after the full collection there.
   *
   * @param uptime the app's uptime, in seconds
   * @param rss its resident memory, in bytes; -1 unknown
   * @param audit entries in the audit trail; -1 unknown
   * @param problem why the full collection did not run, or null
   */
  record Mark(double uptime, long rss, long audit, String problem) {}

  /** One soak. */
  static final class Run {

    private final Options o;
    private final AppOptions a;
    private final PrintStream out;

    Run(Options options, PrintStream out) {
      this.o = options;
      this.a = options.app();
      this.out = out;
    }

    /** Whether both verdicts passed. */
    boolean run() throws Exception {
      try (AppRun run = new AppRun(a, out, "soak")) {
        return soak(run);
      }
    }

    private boolean soak(AppRun run) throws Exception {
      AppRun.Ready ready = run.ready("Safeload soak", a.users());
      AppProcess app = ready.app();
      Mix mix =
          Mix.soak(
              ready.imported().teamIds().values().stream().sorted().toList(),
              a.today(),
              ready.imported().cases());
      Duration slice = o.measured().dividedBy(o.slices());
      out.printf(
          "%nSoak: %d users, %d to %d s between requests, %d min measured in %d slices of %s after"
              + " a %d s warm-up; the issue's mix in 80%% of the requests, a child's case timeline"
              + " (%,d cases; audited) in 20%%; a full collection (jcmd GC.run) ends the warm-up"
              + " and each slice%n",
          a.users(),
          Load.THINK_MIN_MS / 1000,
          Load.THINK_MAX_MS / 1000,
          o.minutes(),
          o.slices(),
          minutes(slice),
          o.warmupSeconds(),
          ready.imported().cases().size());
      long auditBefore = audit(run, ready.admin(), null);

      Load.Schedule schedule =
          Load.Schedule.startingNow(
              Duration.ofSeconds(o.warmupSeconds()), o.measured(), o.slices());
      List<Mark> marks = new ArrayList<>();
      Thread monitor =
          Thread.ofPlatform()
              .daemon()
              .name("safeload-soak-monitor")
              .start(() -> monitor(run, ready, schedule, marks));
      Load.Result result = Load.run(ready.users(), mix, schedule, true, a.seed());
      monitor.join();

      // Reads of lists are written by the app's background writer within a second.
      Thread.sleep(2000);
      long auditAfter = audit(run, ready.admin(), null);
      long caseReads = audit(run, ready.admin(), "read");
      boolean alive = app.alive();
      long outOfMemory = app.linesWith("OutOfMemoryError");
      long errorLines = app.linesWith(" ERROR ");
      long peakRss = app.peakRss().orElse(-1L);

      out.printf("%nAll %d min:%n", o.minutes());
      run.table(mix, result);
      slices(mix, result, schedule);

      List<Double> boundaries = marks.stream().map(Mark::uptime).toList();
      HeapTrend heap = HeapTrend.of(app.gc().pauses(0, Long.MAX_VALUE), boundaries);
      heap(heap, marks, ready.importMark(), app);

      out.printf(
          "%nApp process: %s; peak resident memory (VmHWM) %s; %d ERROR lines and %d"
              + " OutOfMemoryError in its log%n",
          alive ? "still running" : "STOPPED",
          peakRss < 0 ? "unknown" : String.format("%.0f MB", peakRss / MB),
          errorLines,
          outOfMemory);
      for (String line : app.linesWith(" ERROR ", 3)) {
        out.printf("  %s%n", line);
      }
      int caseAnswers = answered(result.warmup(), mix) + answered(result.latencies(), mix);
      out.printf(
          "Audit trail: %s entries before the soak, %s after; %s case reads recorded for %,d case"
              + " timelines answered (%s)%n",
          count(auditBefore),
          count(auditAfter),
          count(caseReads),
          caseAnswers,
          caseReads < 0 ? "unknown" : caseReads == caseAnswers ? "every one" : "NOT every one");
      out.printf("System load average at the end: %s%n", AppRun.loadAverage());

      boolean healthy = alive && outOfMemory == 0;
      int errors =
          result.latencies().overall("all").errors() + result.warmup().overall("all").errors();
      HeapTrend.Verdict flat = heap.verdict(healthy);
      out.printf("%nVerdicts:%n");
      out.printf(
          "  %s  0 errors (%d, warm-up included, of %,d requests)%n",
          errors == 0 ? "PASS" : "FAIL",
          errors,
          result.latencies().count() + result.warmup().count());
      out.printf("  %s  heap flat: %s%n", flat.flat() ? "PASS" : "FAIL", flat.why());
      return errors == 0 && flat.flat();
    }

    /**
     * At the end of the warm-up and of each slice: a full collection, then the app's uptime, its
     * resident memory and the audit trail's size.
     */
    private void monitor(AppRun run, AppRun.Ready ready, Load.Schedule schedule, List<Mark> marks) {
      AppProcess app = ready.app();
      try {
        for (int k = 0; k <= schedule.slices(); k++) {
          long wait = schedule.boundary(k) - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
          }
          String problem =
              app.alive() ? app.collectGarbage(Duration.ofSeconds(60)) : "the app has stopped";
          double uptime = app.age().toNanos() / 1e9;
          Mark m =
              new Mark(uptime, app.rss().orElse(-1L), audit(run, ready.admin(), null), problem);
          synchronized (marks) {
            marks.add(m);
          }
          out.printf(
              "  %s %s: %s%s%n",
              k == 0 ? "warm-up over" : "slice " + k + " over",
              minutes(Duration.ofNanos(System.nanoTime() - schedule.start())),
              m.rss() < 0 ? "" : String.format("resident %.0f MB", m.rss() / MB),
              problem == null ? "" : "; no full collection: " + problem);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** The audit trail's size, signing the administrator in again if the session has expired. */
    private static long audit(AppRun run, AppClient admin, String action) {
      for (int attempt = 0; attempt < 2; attempt++) {
        try {
          return AuditTrail.entries(admin, action);
        } catch (BenchFailure e) {
          try {
            run.signInAgain(admin);
          } catch (BenchFailure again) {
            return -1;
          }
        }
      }
      return -1;
    }

    /** Case timelines answered (2xx), pages and API. */
    private static int answered(Latencies latencies, Mix mix) {
      int n = 0;
      for (Mix.Endpoint e : mix.endpoints()) {
        if (e.name().startsWith("case timeline")) {
          Latencies.Summary s = latencies.summary(e.name());
          n += s.count() - s.errors();
        }
      }
      return n;
    }

    /** Each slice's requests, errors and percentiles, then each endpoint's p95 by slice. */
    private void slices(Mix mix, Load.Result result, Load.Schedule schedule) {
      List<Latencies> slices = result.slices();
      out.printf("%nBy slice (all endpoints):%n");
      out.printf(
          "%-7s %-13s %8s %6s %9s %9s %9s %9s%n",
          "slice", "minutes", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms");
      for (int k = 0; k < slices.size(); k++) {
        Latencies.Summary s = slices.get(k).overall("all");
        out.printf(
            "%-7d %-13s %8d %6d %9.1f %9.1f %9.1f %9.1f%n",
            k + 1, span(schedule, k), s.count(), s.errors(), s.p50(), s.p95(), s.p99(), s.max());
      }
      out.printf("%np95 ms by endpoint and slice:%n%-34s", "endpoint");
      for (int k = 0; k < slices.size(); k++) {
        out.printf(" %8s", "slice " + (k + 1));
      }
      out.printf("%n");
      for (Mix.Endpoint e : mix.endpoints()) {
        out.printf("%-34s", e.name());
        for (Latencies l : slices) {
          out.printf(" %8.1f", l.summary(e.name()).p95());
        }
        out.printf("%n");
      }
      for (int k = 0; k < slices.size(); k++) {
        for (Mix.Endpoint e : mix.endpoints()) {
          for (String problem : slices.get(k).summary(e.name()).problems()) {
            out.printf("  slice %d, error on %s: %s%n", k + 1, e.name(), problem);
          }
        }
      }
      for (Mix.Endpoint e : mix.endpoints()) {
        for (String problem : result.warmup().summary(e.name()).problems()) {
          out.printf("  warm-up, error on %s: %s%n", e.name(), problem);
        }
      }
    }

    private void heap(HeapTrend heap, List<Mark> marks, long importMark, AppProcess app) {
      GcLog.Peak imported = app.gc().between(0, importMark);
      out.printf(
          "%nApp heap (from its GC log; after = what a collection left; live = what the full"
              + " collection ending the slice left):%n");
      out.printf(
          "  start-up and import: peak used %.0f MB, peak after a collection %.0f MB%n",
          imported.peakUsed() / MB, imported.peakLive() / MB);
      out.printf(
          "  end of the warm-up: live %s%n",
          heap.baseline() < 0 ? "unknown (no full collection)" : mb(heap.baseline()));
      out.printf(
          "%-7s %12s %11s %12s %11s %11s %10s %12s%n",
          "slice",
          "collections",
          "mean after",
          "max after",
          "max used",
          "live",
          "resident",
          "audit +");
      for (int k = 0; k < heap.slices().size(); k++) {
        HeapTrend.Slice s = heap.slices().get(k);
        Mark before = marks.get(k);
        Mark after = marks.get(k + 1);
        out.printf(
            "%-7d %12d %11s %12s %11s %11s %10s %12s%n",
            k + 1,
            s.collections(),
            mb((long) s.meanLive()),
            mb(s.maxLive()),
            mb(s.maxUsed()),
            s.liveAfterFull() < 0 ? "-" : mb(s.liveAfterFull()),
            after.rss() < 0 ? "-" : mb(after.rss()),
            before.audit() < 0 || after.audit() < 0
                ? "-"
                : String.format("%,d", after.audit() - before.audit()));
      }
      out.printf(
          "  slope (least squares): %+.1f MB per 10 minutes of the slices' %s; %+.1f MB per 10"
              + " minutes of what every collection left%n",
          heap.mbPer10Minutes(),
          heap.fullCollections() ? "live heap" : "most after a collection",
          heap.mbPer10MinutesAllCollections());
    }

    private static String span(Load.Schedule schedule, int k) {
      return minutes(Duration.ofNanos(schedule.boundary(k) - schedule.from()))
          + "–"
          + minutes(Duration.ofNanos(schedule.boundary(k + 1) - schedule.from()));
    }
  }

  /** A time as minutes and seconds: {@code 5:00}. */
  static String minutes(Duration d) {
    long s = Math.round(d.toMillis() / 1000.0);
    return String.format("%d:%02d", s / 60, s % 60);
  }

  private static String mb(long bytes) {
    return String.format("%.0f MB", bytes / MB);
  }

  private static String count(long n) {
    return n < 0 ? "unknown" : String.format("%,d", n);
  }
}
