package org.safeload.bench;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.safeload.bench.http.BenchFailure;

/**
 * What every run of the app over HTTP ({@code app}, {@code soak}) is told: the council to generate,
 * the database, the app process, how many users and how long a request may take.
 *
 * @param port the app's port, 0 for a free one
 * @param appJar the app jar given, or null to look for it
 * @param heap the app's {@code -Xmx}
 * @param keep keep the temporary folder
 * @param plainJar start the app with {@code java -jar safeload.jar} rather than as deployed (the
 *     jar extracted, with a class-data archive made by its first start: docs/architecture.md)
 */
record AppOptions(
    int children,
    int months,
    String db,
    int users,
    long seed,
    int port,
    String appJar,
    String heap,
    int timeoutSeconds,
    String pgUrl,
    String pgUser,
    String pgSchema,
    boolean keep,
    boolean plainJar) {

  /** The generated log starts here; the app's clock is fixed at its last day. */
  static final LocalDate START = LocalDate.of(2022, 4, 1);

  /** From this size the region's targets (and heap) apply. */
  static final int REGION = 100_000;

  /** The options with a value that every run takes. */
  static final Set<String> OPTIONS =
      Set.of(
          "--children",
          "--months",
          "--db",
          "--users",
          "--seed",
          "--port",
          "--app-jar",
          "--xmx",
          "--timeout",
          "--pg-url",
          "--pg-user",
          "--pg-schema");

  /** The flags every run takes. */
  static final Set<String> FLAGS = Set.of("--keep", "--plain-jar");

  /** These options, and a command's own. */
  static Set<String> and(String... more) {
    return Stream.concat(OPTIONS.stream(), Stream.of(more)).collect(Collectors.toSet());
  }

  /** Reads and checks the common options. */
  static AppOptions read(Args a, int users) {
    int children = a.integer("--children", 12_000);
    AppOptions o =
        new AppOptions(
            children,
            a.integer("--months", 12),
            a.text("--db", "h2"),
            a.integer("--users", users),
            a.number("--seed", 1),
            a.integer("--port", 0),
            a.text("--app-jar"),
            a.text("--xmx", children >= REGION ? "4g" : "1g"),
            a.integer("--timeout", 120),
            a.text("--pg-url", "jdbc:postgresql://127.0.0.1:5432/test"),
            a.text("--pg-user", "postgres"),
            a.text("--pg-schema", "safeload_bench"),
            a.flag("--keep"),
            a.flag("--plain-jar"));
    if (!o.db.equals("h2") && !o.db.equals("postgres")) {
      throw new BenchFailure("--db is h2 or postgres");
    }
    if (o.children < 1 || o.months < 1 || o.users < 1) {
      throw new BenchFailure("--children, --months and --users must be at least 1");
    }
    if (o.timeoutSeconds < 1) {
      throw new BenchFailure("--timeout must be at least 1");
    }
    return o;
  }

  /** The app's today: the generated log's last day. */
  LocalDate today() {
    return START.plusMonths(months).minusDays(1);
  }

  boolean region() {
    return children >= REGION;
  }
}
