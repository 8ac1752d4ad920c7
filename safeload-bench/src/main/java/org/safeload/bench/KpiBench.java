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
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
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
 * that both give the same counts for every rule, and prints events per second for each and the
 * ratio. Rules with one item per anchor are joins (ASOF joins for "the first target after"); the
 * rolling rules are window functions over each case's (or worker's) events in time order.
 */
public final class KpiBench {

  private KpiBench() {}

  public static void main(String[] args) throws Exception {
    if (java.util.Arrays.asList(args).contains("--csv")) {
      KpiCsvBench.main(args);
      return;
    }
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
    Map<String, Double> duckMillis = new LinkedHashMap<>();
    double bestDuck = Double.MAX_VALUE;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      load((DuckDBConnection) connection, log);
      loadCalendar((DuckDBConnection) connection, calendar);
      List<Rule> rules = new ArrayList<>();
      for (KpiRuleSet set : sets) {
        for (KpiRule rule : set.rules()) {
          rules.add(new Rule(rule, ruleSql(rule, d -> log.details().find(d), asOf)));
        }
      }
      for (int run = 0; run < repeat + 1; run++) {
        long s = System.nanoTime();
        Map<String, long[]> counts = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
          for (Rule rule : rules) {
            long q = System.nanoTime();
            try (ResultSet rs = st.executeQuery(rule.sql())) {
              rs.next();
              counts.put(
                  rule.rule().id(),
                  new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
            duckMillis.merge(rule.rule().id(), (System.nanoTime() - q) / 1e6, Math::min);
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
              ? "not compared"
              : (java.util.Arrays.equals(c, d)
                      ? "agrees"
                      : "DIFFERS " + java.util.Arrays.toString(d))
                  + String.format(" (%.0f ms)", duckMillis.get(e.getKey()));
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
        "DuckDB SQL, the same %d rules:              %.3f s, %,.0f events/s%n",
        duck.size(), bestDuck, perSecondDuck);
    System.out.printf(
        "Ratio (Safeload / DuckDB events per second): %.2f%n", perSecondEngine / perSecondDuck);
    System.out.println(agree ? "Counts agree on every compared KPI." : "COUNTS DIFFER.");
    if (!agree) {
      System.exit(1);
    }
  }

  private record Rule(KpiRule rule, String sql) {}

  /** Each rule's items by status (met, late, overdue, pending), by rule id in the set's order. */
  static Map<String, long[]> count(KpiItems items, KpiRuleSet set) {
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
    return log(new EventGenerator(calendar, seed, children, months, start)::generate, capacity);
  }

  /**
   * The events a source writes to a sink, as a log (visits' and meetings' ids kept until an event
   * refers to them).
   */
  static EventLog log(Consumer<EventGenerator.Sink> source, int capacity) {
    EventLog log = new EventLog(false);
    log.reserve(capacity);
    Map<String, Integer> rowOf = new java.util.HashMap<>();
    source.accept(
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

  /** Each rule's counts (met, late, overdue, pending) by Safeload's engine, once. */
  static Map<String, long[]> engineCounts(
      EventLog log, List<KpiRuleSet> sets, LocalDate asOf, WorkingCalendar calendar) {
    Timeliness engine = new Timeliness(calendar);
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (KpiRuleSet set : sets) {
      counts.putAll(count(engine.evaluate(log, set, asOf, Map.of()), set));
    }
    return counts;
  }

  /** Each rule's counts by the bench's DuckDB SQL over the same log, once, in a fresh database. */
  static Map<String, long[]> duckdbCounts(
      EventLog log, List<KpiRuleSet> sets, LocalDate asOf, WorkingCalendar calendar)
      throws Exception {
    Map<String, long[]> counts = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = connection.createStatement()) {
      load((DuckDBConnection) connection, log);
      loadCalendar((DuckDBConnection) connection, calendar);
      for (KpiRuleSet set : sets) {
        for (KpiRule rule : set.rules()) {
          try (ResultSet rs = st.executeQuery(ruleSql(rule, d -> log.details().find(d), asOf))) {
            rs.next();
            counts.put(
                rule.id(), new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
          }
        }
      }
    }
    return counts;
  }

  /** Loads the log's columns into DuckDB, as the table {@code events}. */
  private static void load(DuckDBConnection connection, EventLog log) throws Exception {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "create table events (rn integer, ts bigint, dy integer, typ tinyint, case_idx integer, worker_idx integer,"
              + " detail integer, ref integer, due integer)");
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
        a.append(c.workerOf()[i]);
        a.append(c.detail()[i]);
        a.append(c.ref()[i]);
        a.append(c.due()[i]);
        a.endRow();
      }
    }
  }

  /**
   * The calendar tables the rules' SQL uses: {@code cal} (each day's count of working days so far
   * and the epoch second it ends), {@code wd} (the k-th working day) and {@code wdplus_N} (the N-th
   * working day after each day).
   */
  static void loadCalendar(DuckDBConnection connection, WorkingCalendar calendar) throws Exception {
    try (Statement st = connection.createStatement()) {
      st.execute("create table cal (day integer primary key, cum integer, end_sec bigint)");
      st.execute("create table wd (k integer primary key, day integer)");
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
    try (Statement st = connection.createStatement()) {
      // Working-day steps used by the rules: day -> the N-th working day after it.
      for (int n : new int[] {1, 5, 10, 15, 45}) {
        st.execute(
            "create table wdplus_"
                + n
                + " as select c1.day as day, wd.day as dday from cal c1 join wd on wd.k = c1.cum + "
                + n);
      }
    }
  }

  /**
   * The SQL for a rule over the tables {@code events}, {@code cal}, {@code wd} and {@code wdplus_N}
   * (see {@link #load}): one row of met, late, overdue and pending counts.
   *
   * @param details the id of a detail value in the events table's detail column (-1 if none)
   */
  static String ruleSql(KpiRule rule, ToIntFunction<String> details, LocalDate asOf) {
    return rule.kind() != KpiRule.Kind.RECURRING
        ? sql(rule, details, asOf)
        : rule.perWorker() ? workerSql(rule, details, asOf) : recurringSql(rule, details, asOf);
  }

  /** The SQL for a one-per-anchor rule: met, late, overdue, pending. */
  private static String sql(KpiRule rule, ToIntFunction<String> log, LocalDate asOf) {
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

  /** The day a window ends, as SQL, from a day expression. */
  private static String windowEnd(KpiRule.Window w, String day) {
    return switch (w.unit()) {
      case HOURS -> throw new IllegalArgumentException("hour windows do not roll");
      case WORKING_DAYS ->
          "(select dday from wdplus_" + w.amount() + " p where p.day = " + day + ")";
      case CALENDAR_DAYS -> "(" + day + " + " + w.amount() + ")";
      case WEEKS -> "(" + day + " + " + (7 * w.amount()) + ")";
      case MONTHS ->
          "(cast(date_diff('day', date '1970-01-01', cast(date '1970-01-01' + to_days(cast("
              + day
              + " as integer)) + to_months("
              + w.amount()
              + ") as date)) as integer))";
    };
  }

  private static String endSec(String day) {
    return "(select end_sec from cal where day = " + day + ")";
  }

  private static final String COUNTS =
      "select count(*) filter (where st = 0), count(*) filter (where st = 1), count(*) filter (where st = 2), count(*) filter (where st = 3) from ";

  /**
   * A rolling case rule in SQL: the obligation is active while the case is open and of the rule's
   * types (or, with an anchor, from each anchor while that lasts); each target closes the item due
   * and the next is due a window after it.
   */
  private static String recurringSql(KpiRule rule, ToIntFunction<String> log, LocalDate asOf) {
    long asOfEnd =
        asOf.plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/London")).toEpochSecond() - 1;
    StringBuilder typeCase = new StringBuilder("case");
    StringBuilder typeDetails = new StringBuilder();
    for (org.safeload.timeliness.CaseType t : org.safeload.timeliness.CaseType.values()) {
      int id = log.applyAsInt(t.code());
      if (id >= 0) {
        typeCase.append(" when detail = ").append(id).append(" then ").append(t.ordinal());
        typeDetails.append(typeDetails.isEmpty() ? "" : ",").append(id);
      }
    }
    typeCase.append(" end");
    String defining =
        "(typ in ("
            + EventType.CASE_TYPE_CHANGED.ordinal()
            + ","
            + EventType.STEPPED_DOWN.ordinal()
            + ","
            + EventType.ALLOCATED.ordinal()
            + ")"
            + (typeDetails.isEmpty() ? " and false" : " and detail in (" + typeDetails + ")")
            + ")";
    List<String> set = new ArrayList<>();
    rule.whileCaseTypes().forEach(t -> set.add(String.valueOf(t.ordinal())));
    String inSet = set.isEmpty() ? "true" : "cur in (" + String.join(",", set) + ")";
    String w = "partition by case_idx order by ts, rn";
    String anchor = rule.anchor() == null ? null : filter(rule.anchor(), log, "e");
    KpiRule.Window first = rule.first() != null ? rule.first() : rule.window();
    String steps =
        "with e as (select * from events e where ts <= "
            + asOfEnd
            + " and case_idx >= 0),"
            + " t0 as (select *, "
            + (anchor == null ? "false" : anchor)
            + " as is_anchor, "
            + filter(rule.target(), log, "e")
            + " as is_target,"
            + " (typ = "
            + EventType.CLOSED.ordinal()
            + " or (typ = "
            + EventType.STEPPED_DOWN.ordinal()
            + " and detail = -1)) as closing,"
            + " case when "
            + defining
            + " then "
            + typeCase
            + " end as st_nonref,"
            + " coalesce(sum(case when "
            + defining
            + " or typ = "
            + EventType.REFERRAL.ordinal()
            + " then 1 else 0 end) over ("
            + w
            + " rows between unbounded preceding and 1 preceding), 0) as defined_before,"
            + " row_number() over ("
            + w
            + ") as pos from e),"
            + " t1 as (select *, coalesce(st_nonref, case when typ = "
            + EventType.REFERRAL.ordinal()
            + " and defined_before = 0 then "
            + org.safeload.timeliness.CaseType.ASSESSMENT.ordinal()
            + " end) as st from t0),"
            + " t2 as (select *, last_value(st ignore nulls) over ("
            + w
            + " rows between unbounded preceding and current row) as cur,"
            + " bool_or(closing) over ("
            + w
            + " rows between unbounded preceding and current row) as closed from t1),"
            + " t3 as (select *, (not closed and coalesce("
            + inSet
            + ", false)) as applies from t2),";
    String active;
    if (anchor == null) {
      active =
          " t4 as (select *, coalesce(lag(applies) over ("
              + w
              + "), false) as act_before from t3),"
              + " t5 as (select *, applies and not act_before as is_start from t4),";
    } else {
      active =
          " t3b as (select *, max(case when is_anchor and applies then pos end) over ("
              + w
              + " rows between unbounded preceding and 1 preceding) as last_anchor,"
              + " max(case when not applies then pos end) over ("
              + w
              + " rows between unbounded preceding and 1 preceding) as last_off from t3),"
              + " t4 as (select *, (last_anchor is not null and (last_off is null or last_off < last_anchor)) as act_before from t3b),"
              + " t5 as (select *, applies and is_anchor as is_start from t4),";
    }
    String rest =
        " t6 as (select *, sum(case when is_start then 1 else 0 end) over ("
            + w
            + " rows between unbounded preceding and current row) as seg from t5),"
            // bases: a start, or a target while active (a target that is also a start counts as a
            // target first)
            + " b as (select case_idx, seg, pos, ts, dy, (act_before and is_target) as tgt, is_start from t6 where (act_before and is_target) or is_start),"
            + " b2 as (select *, lag(dy) over (partition by case_idx order by pos) as prev_day, lag(is_start) over (partition by case_idx order by pos) as prev_start,"
            + " lag(seg) over (partition by case_idx order by pos) as prev_seg from b),"
            // items closed by a target: the deadline runs from the base before (the start: first
            // window)
            + " closed_items as (select case when ts <= "
            + endSec(
                "(case when prev_start and not prev_tgt_dummy then "
                    + windowEnd(first, "prev_day")
                    + " else "
                    + windowEnd(rule.window(), "prev_day")
                    + " end)")
            + " then 0 else 1 end as st from (select *, false as prev_tgt_dummy from b2) where tgt),"
            // the item open at the end of each run of the obligation
            + " last_base as (select case_idx, pos, dy, is_start, tgt, row_number() over (partition by case_idx, seg_end order by pos desc) as r, seg_end from (select *, "
            + "   case when is_start and not tgt then seg else seg end as seg_end from b)),"
            + " ends as (select case_idx, seg, min(ts) as end_ts from t6 where act_before and not applies group by case_idx, seg),"
            + " open_items as (select case when e2.end_ts is not null then (case when d.deadline < e2.end_ts then 2 else -1 end)"
            + "   when d.deadline < "
            + asOfEnd
            + " then 2 else 3 end as st from (select l.case_idx, l.seg_end as seg, "
            + endSec(
                "(case when l.is_start and not l.tgt then "
                    + windowEnd(first, "l.dy")
                    + " else "
                    + windowEnd(rule.window(), "l.dy")
                    + " end)")
            + " as deadline from last_base l where l.r = 1) d left join ends e2 on e2.case_idx = d.case_idx and e2.seg = d.seg)"
            + COUNTS
            + "(select st from closed_items union all select st from open_items where st >= 0)";
    return steps + active + rest;
  }

  /** Supervision: from a worker's first allocation or supervision, every window after the last. */
  private static String workerSql(KpiRule rule, ToIntFunction<String> log, LocalDate asOf) {
    long asOfEnd =
        asOf.plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/London")).toEpochSecond() - 1;
    String target = filter(rule.target(), log, "e");
    KpiRule.Window first = rule.first() != null ? rule.first() : rule.window();
    String w = "partition by worker_idx order by ts, rn";
    return "with e as (select *, "
        + target
        + " as is_target, (typ = "
        + EventType.ALLOCATED.ordinal()
        + " or "
        + target
        + ") as holding,"
        + " row_number() over ("
        + w
        + ") as pos from events e where worker_idx >= 0 and ts <= "
        + asOfEnd
        + "),"
        + " s as (select worker_idx, min(pos) as start_pos from e where holding group by worker_idx),"
        + " b as (select e.worker_idx, e.pos, e.ts, e.dy, e.pos = s.start_pos as is_start from e join s on s.worker_idx = e.worker_idx where e.pos = s.start_pos or (e.pos > s.start_pos and e.is_target)),"
        + " b2 as (select *, lag(dy) over (partition by worker_idx order by pos) as prev_day, lag(is_start) over (partition by worker_idx order by pos) as prev_start,"
        + " row_number() over (partition by worker_idx order by pos desc) as r from b),"
        + " closed_items as (select case when ts <= "
        + endSec(
            "(case when prev_start then "
                + windowEnd(first, "prev_day")
                + " else "
                + windowEnd(rule.window(), "prev_day")
                + " end)")
        + " then 0 else 1 end as st from b2 where not is_start),"
        + " open_items as (select case when "
        + endSec(
            "(case when is_start then "
                + windowEnd(first, "dy")
                + " else "
                + windowEnd(rule.window(), "dy")
                + " end)")
        + " < "
        + asOfEnd
        + " then 2 else 3 end as st from b2 where r = 1)"
        + COUNTS
        + "(select st from closed_items union all select st from open_items)";
  }

  private static String filter(KpiRule.Filter f, ToIntFunction<String> log, String alias) {
    StringBuilder sql = new StringBuilder(alias + ".typ = " + f.type().ordinal());
    if (!f.details().isEmpty()) {
      List<String> ids = new ArrayList<>();
      for (String d : f.details()) {
        ids.add(String.valueOf(log.applyAsInt(d)));
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
