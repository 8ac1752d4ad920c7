package org.safeload.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.timeliness.EventGenerator;
import org.safeload.timeliness.EventLog;
import org.safeload.timeliness.EventType;
import org.safeload.timeliness.KpiItems;
import org.safeload.timeliness.KpiRule;
import org.safeload.timeliness.KpiRuleSet;
import org.safeload.timeliness.Timeliness;

/**
 * Generates one synthetic case log, then computes the {@code contract} and {@code statutory} KPI
 * sets with Safeload's engine and with DuckDB SQL (with a calendar table) in the same run, checks
 * that both give the same counts, and prints events per second for each and the ratio.
 *
 * <p>DuckDB computes the rules whose items come one per anchor event (within a window, or before a
 * due date). The rolling rules (every N weeks or working days, each deadline from the last
 * occurrence) are sequential by nature; they are timed in Safeland's engine and not compared yet.
 */
public final class KpiBench {

  private KpiBench() {}

  public static void main(String[] args) throws Exception {
    long events = 10_000_000;
    long seed = 1;
    int repeat = 3;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--events" -> events = Long.parseLong(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    WorkingCalendar calendar = WorkingCalendar.englandAndWales();
    LocalDate start = LocalDate.of(2022, 4, 1);
    int months = 12;
    LocalDate asOf = start.plusMonths(months).minusDays(1);
    // Events per child, from a small sample with the same settings.
    int[] sample = {0};
    new EventGenerator(calendar, seed, 2_000, months, start)
        .generate((id, at, type, c, ch, w, t, d, r, due) -> sample[0]++);
    int children = (int) Math.max(1, events * 2_000 / sample[0]);
    System.out.printf(
        "Generating about %,d events (%,d children, %d months, seed %d)...%n",
        events, children, months, seed);
    long t0 = System.nanoTime();
    EventLog log = generate(calendar, seed, children, months, start, (int) (events * 11 / 10));
    System.out.printf(
        "Generated %,d events in %.1f s%n", log.size(), (System.nanoTime() - t0) / 1e9);

    Timeliness engine = new Timeliness(calendar);
    List<KpiRuleSet> sets =
        List.of(KpiRuleSet.builtIn("contract"), KpiRuleSet.builtIn("statutory"));
    Map<String, long[]> safeload = new LinkedHashMap<>();
    double bestEngine = Double.MAX_VALUE;
    for (int run = 0; run < repeat + 1; run++) {
      log.dropIndexes(); // each run sorts the log by case and time afresh
      long s = System.nanoTime();
      Map<String, long[]> counts = new LinkedHashMap<>();
      for (KpiRuleSet set : sets) {
        KpiItems items = engine.evaluate(log, set, asOf, Map.of());
        counts.putAll(count(items, set));
      }
      double seconds = (System.nanoTime() - s) / 1e9;
      if (run > 0) {
        bestEngine = Math.min(bestEngine, seconds);
      }
      safeload = counts;
    }

    Map<String, long[]> duck = new LinkedHashMap<>();
    double bestDuck = Double.MAX_VALUE;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      load((DuckDBConnection) connection, log, calendar);
      List<Rule> rules = new ArrayList<>();
      for (KpiRuleSet set : sets) {
        for (KpiRule rule : set.rules()) {
          if (rule.kind() != KpiRule.Kind.RECURRING) {
            rules.add(new Rule(rule, sql(rule, log, asOf)));
          }
        }
      }
      for (int run = 0; run < repeat + 1; run++) {
        long s = System.nanoTime();
        Map<String, long[]> counts = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
          for (Rule rule : rules) {
            try (ResultSet rs = st.executeQuery(rule.sql())) {
              rs.next();
              counts.put(
                  rule.rule().id(),
                  new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
          }
        }
        double seconds = (System.nanoTime() - s) / 1e9;
        if (run > 0) {
          bestDuck = Math.min(bestDuck, seconds);
        }
        duck = counts;
      }
    }

    boolean agree = true;
    System.out.printf(
        "%n%-24s %12s %12s %12s %12s   %s%n", "KPI", "met", "late", "overdue", "pending", "DuckDB");
    for (Map.Entry<String, long[]> e : safeload.entrySet()) {
      long[] c = e.getValue();
      long[] d = duck.get(e.getKey());
      String check =
          d == null
              ? "not compared (rolling)"
              : java.util.Arrays.equals(c, d)
                  ? "agrees"
                  : "DIFFERS " + java.util.Arrays.toString(d);
      agree &= d == null || java.util.Arrays.equals(c, d);
      System.out.printf(
          "%-24s %,12d %,12d %,12d %,12d   %s%n", e.getKey(), c[0], c[1], c[2], c[3], check);
    }
    double perSecondEngine = log.size() / bestEngine;
    double perSecondDuck = log.size() / bestDuck;
    System.out.printf(
        "%nSafeload engine, all %d rules of both sets: %.3f s, %,.0f events/s%n",
        safeload.size(), bestEngine, perSecondEngine);
    System.out.printf(
        "DuckDB SQL, the %d one-per-anchor rules:     %.3f s, %,.0f events/s%n",
        duck.size(), bestDuck, perSecondDuck);
    System.out.printf(
        "Ratio (Safeload / DuckDB events per second): %.2f%n", perSecondEngine / perSecondDuck);
    System.out.println(agree ? "Counts agree on every compared KPI." : "COUNTS DIFFER.");
    if (!agree) {
      System.exit(1);
    }
  }

  private record Rule(KpiRule rule, String sql) {}

  private static Map<String, long[]> count(KpiItems items, KpiRuleSet set) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (KpiRule rule : set.rules()) {
      counts.put(rule.id(), new long[4]);
    }
    for (int i = 0; i < items.size(); i++) {
      counts.get(set.rules().get(items.rule(i)).id())[items.status(i)]++;
    }
    return counts;
  }

  private static EventLog generate(
      WorkingCalendar calendar,
      long seed,
      int children,
      int months,
      LocalDate start,
      int capacity) {
    EventLog log = new EventLog(false);
    log.reserve(capacity);
    Map<String, Integer> rowOf = new java.util.HashMap<>();
    new EventGenerator(calendar, seed, children, months, start)
        .generate(
            (id, at, type, caseId, child, worker, team, detail, ref, due) -> {
              int refRow = ref.isEmpty() ? -1 : rowOf.remove(ref);
              int row =
                  log.add(
                      null,
                      at.atZone(java.time.ZoneId.of("Europe/London")).toEpochSecond(),
                      type,
                      caseId,
                      child,
                      worker,
                      team,
                      detail,
                      refRow,
                      due == null ? EventLog.NO_DATE : (int) due.toEpochDay());
              if (type == EventType.VISIT || type == EventType.MEETING) {
                rowOf.put(id, row);
              }
            });
    return log;
  }

  /** Loads the log's columns and a calendar table into DuckDB. */
  private static void load(DuckDBConnection connection, EventLog log, WorkingCalendar calendar)
      throws Exception {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "create table events (rn integer, ts bigint, dy integer, typ tinyint, case_idx integer,"
              + " detail integer, ref integer, due integer)");
      st.execute("create table cal (day integer primary key, cum integer, end_sec bigint)");
      st.execute("create table wd (k integer primary key, day integer)");
    }
    EventLog.Columns c = log.columns();
    try (DuckDBAppender a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events")) {
      for (int i = 0; i < c.size(); i++) {
        a.beginRow();
        a.append(i);
        a.append(c.at()[i]);
        a.append(c.day()[i]);
        a.append(c.type()[i]);
        a.append(c.caseOf()[i]);
        a.append(c.detail()[i]);
        a.append(c.ref()[i]);
        a.append(c.due()[i]);
        a.endRow();
      }
    }
    java.time.ZoneId london = java.time.ZoneId.of("Europe/London");
    try (DuckDBAppender cal = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "cal");
        DuckDBAppender wd = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "wd")) {
      int cum = 0;
      for (LocalDate d = calendar.first(); !d.isAfter(calendar.last()); d = d.plusDays(1)) {
        if (calendar.isWorkingDay(d)) {
          cum++;
          wd.beginRow();
          wd.append(cum);
          wd.append((int) d.toEpochDay());
          wd.endRow();
        }
        cal.beginRow();
        cal.append((int) d.toEpochDay());
        cal.append(cum);
        cal.append(d.plusDays(1).atStartOfDay(london).toEpochSecond() - 1);
        cal.endRow();
      }
    }
  }

  /** The SQL for a one-per-anchor rule: met, late, overdue, pending. */
  private static String sql(KpiRule rule, EventLog log, LocalDate asOf) {
    long asOfEnd =
        asOf.plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/London")).toEpochSecond() - 1;
    String anchor = filter(rule.anchor(), log, "a");
    String deadline;
    String done;
    String drop = "";
    if (rule.kind() == KpiRule.Kind.BEFORE_DUE) {
      deadline =
          "(select end_sec from cal where day = (select wd.day from wd where wd.k = (select cum from cal where day = a.due - 1) - "
              + (rule.window().amount() - 1)
              + "))";
      done = "a.ts";
      return "select count(*) filter (where st = 0), count(*) filter (where st = 1), count(*) filter (where st = 2), count(*) filter (where st = 3) from ("
          + "select case when done <= deadline then 0 else 1 end as st from (select a.ts as done, "
          + deadline
          + " as deadline from events a where "
          + anchor
          + " and a.due <> "
          + EventLog.NO_DATE
          + " and a.ts <= "
          + asOfEnd
          + "))";
    }
    KpiRule.Window w = rule.window();
    deadline =
        switch (w.unit()) {
          case HOURS -> "a.ts + " + (w.amount() * 3600L);
          case WORKING_DAYS ->
              "(select c2.end_sec from cal c1 join wd on wd.k = c1.cum + "
                  + w.amount()
                  + " join cal c2 on c2.day = wd.day where c1.day = a.dy)";
          case CALENDAR_DAYS -> "(select end_sec from cal where day = a.dy + " + w.amount() + ")";
          case WEEKS -> "(select end_sec from cal where day = a.dy + " + (7 * w.amount()) + ")";
          case MONTHS ->
              throw new IllegalArgumentException("months windows are not in the SQL comparison");
        };
    String anchors =
        "select a.rn, a.case_idx, a.ts, "
            + deadline
            + " as deadline from events a where "
            + anchor
            + " and a.ts <= "
            + asOfEnd;
    String closures =
        "select case_idx, ts from events where (typ = "
            + EventType.CLOSED.ordinal()
            + " or (typ = "
            + EventType.STEPPED_DOWN.ordinal()
            + " and detail = -1)) and ts <= "
            + asOfEnd;
    String withDone;
    if (rule.byRef()) {
      withDone =
          "select x.*, r.done from anchors x left join (select ref, min(ts) as done from events where ref >= 0 and ts <= "
              + asOfEnd
              + " group by ref) r on r.ref = x.rn";
    } else {
      withDone =
          "select x.*, t.ts as done from anchors x asof left join (select case_idx, ts from events t where "
              + filter(rule.target(), log, "t")
              + " and t.ts <= "
              + asOfEnd
              + ") t on t.case_idx = x.case_idx and t.ts >= x.ts";
    }
    drop =
        " where not (e.ts is not null and e.ts < y.deadline and (y.done is null or y.done > e.ts))";
    return "with anchors as ("
        + anchors
        + "), closures as ("
        + closures
        + "), y as ("
        + withDone
        + ") select count(*) filter (where st = 0), count(*) filter (where st = 1), count(*) filter (where st = 2), count(*) filter (where st = 3) from ("
        + "select case when y.done is not null and y.done <= y.deadline then 0 when y.done is not null then 1 when y.deadline < "
        + asOfEnd
        + " then 2 else 3 end as st from y asof left join closures e on e.case_idx = y.case_idx and e.ts >= y.ts"
        + drop
        + ")";
  }

  private static String filter(KpiRule.Filter f, EventLog log, String alias) {
    StringBuilder sql = new StringBuilder(alias + ".typ = " + f.type().ordinal());
    if (!f.details().isEmpty()) {
      List<String> ids = new ArrayList<>();
      for (String d : f.details()) {
        ids.add(String.valueOf(log.details().find(d)));
      }
      sql.append(" and ")
          .append(alias)
          .append(".detail in (")
          .append(String.join(",", ids))
          .append(")");
    }
    return sql.toString();
  }
}
