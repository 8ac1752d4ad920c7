package org.safeload.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBConnection;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.EventType;
import org.safeload.timeliness.KpiItems;
import org.safeload.timeliness.KpiRule;
import org.safeload.timeliness.KpiRuleSet;
import org.safeload.timeliness.Timeliness;

/**
 * {@code kpi --csv FILE --as-of DATE [--repeat N]}: end to end from an event file. Safeload reads
 * the file ({@link EventCsv#read(Path, java.util.function.Function)}) and evaluates the {@code
 * contract} and {@code statutory} sets; DuckDB reads the same file with {@code read_csv} into a
 * table, shapes it into the columns the bench's SQL uses (type codes to numbers, case and worker
 * ids hashed, details numbered, refs joined to rows, London times to epoch seconds) and runs the
 * same SQL as {@code kpi --events}. Each side runs in a JVM of its own (so that its peak memory can
 * be read from {@code /proc/self/status}), a first time (cold, as the command line runs) and {@code
 * --repeat} more times (warm); the counts of every KPI must agree.
 */
final class KpiCsvBench {

  private KpiCsvBench() {}

  static void main(String[] args) throws Exception {
    Path csv = null;
    LocalDate asOf = null;
    int repeat = 2;
    String side = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--csv" -> csv = Path.of(args[i + 1]);
        case "--as-of" -> asOf = LocalDate.parse(args[i + 1]);
        case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
        case "--side" -> side = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (csv == null || asOf == null) {
      throw new IllegalArgumentException(
          "kpi --csv FILE --as-of DATE [--repeat N]: the date the KPIs are evaluated as of");
    }
    if (side == null) {
      compare(csv, asOf, repeat);
    } else if (side.equals("safeload")) {
      safeload(csv, asOf, repeat);
    } else {
      duckdb(csv, asOf, repeat);
    }
  }

  /** One side's answer, as its JVM printed it. */
  private record Side(
      Map<String, long[]> counts,
      double first,
      double best,
      long coldPeakKb,
      long peakKb,
      String split) {}

  private static void compare(Path csv, LocalDate asOf, int repeat) throws Exception {
    System.out.printf(
        "%s (%,d bytes), as of %s: a cold run and %d warm runs of each side, each in its own"
            + " JVM%n",
        csv, Files.size(csv), asOf, repeat);
    Side safeload = run("safeload", csv, asOf, repeat);
    Side duck = run("duckdb", csv, asOf, repeat);
    boolean agree = true;
    System.out.printf(
        "%n%-24s %12s %12s %12s %12s   %s%n", "KPI", "met", "late", "overdue", "pending", "DuckDB");
    for (Map.Entry<String, long[]> e : safeload.counts().entrySet()) {
      long[] c = e.getValue();
      long[] d = duck.counts().get(e.getKey());
      boolean same = java.util.Arrays.equals(c, d);
      agree &= same;
      System.out.printf(
          "%-24s %,12d %,12d %,12d %,12d   %s%n",
          e.getKey(),
          c[0],
          c[1],
          c[2],
          c[3],
          same ? "agrees" : "DIFFERS " + java.util.Arrays.toString(d));
    }
    System.out.printf(
        "%n%-10s %10s %10s %14s %14s   %s%n",
        "", "cold (s)", "warm (s)", "RSS cold run", "RSS all runs", "of which (last warm run)");
    Map<String, Side> sides = new LinkedHashMap<>();
    sides.put("Safeload", safeload);
    sides.put("DuckDB", duck);
    for (Map.Entry<String, Side> e : sides.entrySet()) {
      Side side = e.getValue();
      System.out.printf(
          "%-10s %10.3f %10.3f %11d MB %11d MB   %s%n",
          e.getKey(),
          side.first(),
          side.best(),
          side.coldPeakKb() / 1024,
          side.peakKb() / 1024,
          side.split());
    }
    System.out.printf(
        "Ratio (Safeload time / DuckDB time): cold %.2f, warm %.2f%n",
        safeload.first() / duck.first(), safeload.best() / duck.best());
    System.out.println(agree ? "Counts agree on every KPI." : "COUNTS DIFFER.");
    if (!agree) {
      System.exit(1);
    }
  }

  private static Side run(String side, Path csv, LocalDate asOf, int repeat) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BenchMain.class.getName());
    command.addAll(
        List.of(
            "kpi",
            "--csv",
            csv.toString(),
            "--as-of",
            asOf.toString(),
            "--repeat",
            String.valueOf(repeat),
            "--side",
            side));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, long[]> counts = new LinkedHashMap<>();
    double first = 0;
    double best = Double.MAX_VALUE;
    long peak = 0;
    long coldPeak = 0;
    String split = "";
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        String[] w = line.split(" ");
        if (!line.startsWith("RESULT ")) {
          System.out.println("  " + side + ": " + line);
        } else if (w[1].equals("count")) {
          counts.put(
              w[2],
              new long[] {
                Long.parseLong(w[3]),
                Long.parseLong(w[4]),
                Long.parseLong(w[5]),
                Long.parseLong(w[6])
              });
        } else if (w[1].equals("run")) {
          double seconds = Double.parseDouble(w[3]);
          if (w[2].equals("0")) {
            first = seconds;
          } else {
            best = Math.min(best, seconds);
          }
        } else if (w[1].equals("peak")) {
          peak = Long.parseLong(w[2]);
        } else if (w[1].equals("peakcold")) {
          coldPeak = Long.parseLong(w[2]);
        } else if (w[1].equals("split")) {
          split = line.substring("RESULT split ".length());
        }
      }
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(side + " failed");
    }
    return new Side(counts, first, best == Double.MAX_VALUE ? first : best, coldPeak, peak, split);
  }

  private static List<KpiRuleSet> sets() {
    return List.of(KpiRuleSet.builtIn("contract"), KpiRuleSet.builtIn("statutory"));
  }

  private static void safeload(Path csv, LocalDate asOf, int repeat) throws Exception {
    WorkingCalendar calendar = WorkingCalendar.englandAndWales();
    Timeliness engine = new Timeliness(calendar);
    List<KpiRuleSet> sets = sets();
    Map<String, long[]> counts = new LinkedHashMap<>();
    String split = "";
    for (int run = 0; run <= repeat; run++) {
      long s = System.nanoTime();
      EventCsv.Result result = EventCsv.read(csv, id -> Optional.empty());
      if (!result.problems().isEmpty()) {
        throw new IllegalStateException("The file has problems: " + result.problems().getFirst());
      }
      long read = System.nanoTime();
      counts.clear();
      for (KpiRuleSet set : sets) {
        KpiItems items = engine.evaluate(result.log(), set, asOf, Map.of());
        counts.putAll(KpiBench.count(items, set));
      }
      long done = System.nanoTime();
      split =
          String.format(
              "read %.3f s (%,d events), %d rules %.3f s",
              (read - s) / 1e9, result.log().size(), counts.size(), (done - read) / 1e9);
      System.out.println((run == 0 ? "cold: " : "warm: ") + split);
      System.out.printf("RESULT run %d %.6f%n", run, (done - s) / 1e9);
      if (run == 0) {
        System.out.println("RESULT peakcold " + peakKb());
      }
    }
    report(counts, split);
  }

  private static void duckdb(Path csv, LocalDate asOf, int repeat) throws Exception {
    WorkingCalendar calendar = WorkingCalendar.englandAndWales();
    List<KpiRuleSet> sets = sets();
    Map<String, long[]> counts = new LinkedHashMap<>();
    String split = "";
    for (int run = 0; run <= repeat; run++) {
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = connection.createStatement()) {
        long s = System.nanoTime();
        st.execute(
            "create table raw as select * from read_csv('"
                + csv.toAbsolutePath().toString().replace("'", "''")
                + "', header = true, columns = {'event_id': 'VARCHAR', 'occurred_at': 'TIMESTAMP',"
                + " 'type': 'VARCHAR', 'case_id': 'VARCHAR', 'child_id': 'VARCHAR', 'worker_id':"
                + " 'VARCHAR', 'team_id': 'VARCHAR', 'detail': 'VARCHAR', 'ref': 'VARCHAR',"
                + " 'due_date': 'DATE'})");
        long read = System.nanoTime();
        st.execute(
            "create table details as select value, (row_number() over (order by value) - 1)::integer"
                + " as id from (select distinct detail as value from raw where detail is not null)");
        Map<String, Integer> details = new HashMap<>();
        try (ResultSet rs = st.executeQuery("select value, id from details")) {
          while (rs.next()) {
            details.put(rs.getString(1), rs.getInt(2));
          }
        }
        StringBuilder type = new StringBuilder("case r.type");
        for (EventType t : EventType.values()) {
          type.append(" when '").append(t.code()).append("' then ").append(t.ordinal());
        }
        type.append(" end");
        st.execute(
            "create table events as select r.rowid::integer as rn,"
                + " epoch(timezone('Europe/London', r.occurred_at))::bigint as ts,"
                + " (r.occurred_at::date - date '1970-01-01')::integer as dy, ("
                + type
                + ")::tinyint as typ,"
                + " case when r.case_id is null then -1 else (hash(r.case_id) >> 1)::bigint end as"
                + " case_idx,"
                + " case when r.worker_id is null then -1 else (hash(r.worker_id) >> 1)::bigint end"
                + " as worker_idx,"
                + " coalesce(d.id, -1) as detail, coalesce(x.rn, -1) as ref,"
                + " coalesce((r.due_date - date '1970-01-01')::integer, "
                + Integer.MIN_VALUE
                + ") as due"
                + " from raw r left join details d on d.value = r.detail"
                + " left join (select event_id, rowid::integer as rn from raw) x on x.event_id ="
                + " r.ref");
        st.execute("drop table raw");
        KpiBench.loadCalendar((DuckDBConnection) connection, calendar);
        long loaded = System.nanoTime();
        counts.clear();
        for (KpiRuleSet set : sets) {
          for (KpiRule rule : set.rules()) {
            String sql = KpiBench.ruleSql(rule, d -> details.getOrDefault(d, -1), asOf);
            try (ResultSet rs = st.executeQuery(sql)) {
              rs.next();
              counts.put(
                  rule.id(),
                  new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
          }
        }
        long done = System.nanoTime();
        split =
            String.format(
                "read_csv %.3f s, shaping %.3f s, %d rules %.3f s",
                (read - s) / 1e9, (loaded - read) / 1e9, counts.size(), (done - loaded) / 1e9);
        System.out.println((run == 0 ? "cold: " : "warm: ") + split);
        System.out.printf("RESULT run %d %.6f%n", run, (done - s) / 1e9);
      }
      if (run == 0) {
        System.out.println("RESULT peakcold " + peakKb());
      }
    }
    report(counts, split);
  }

  private static void report(Map<String, long[]> counts, String split) throws IOException {
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long[] c = e.getValue();
      System.out.printf("RESULT count %s %d %d %d %d%n", e.getKey(), c[0], c[1], c[2], c[3]);
    }
    System.out.println("RESULT split " + split);
    System.out.println("RESULT peak " + peakKb());
  }

  /** The process's peak resident memory so far, in kB (0 where /proc is not there). */
  private static long peakKb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return 0;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }
}
