package org.safeload.timeliness;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.timeliness.KpiRule.Filter;
import org.safeload.timeliness.KpiRule.Kind;
import org.safeload.timeliness.KpiRule.Window;

/**
 * The timeliness engine: turns case activity and a rule set into items (met, late, overdue,
 * pending, due soon) as of a date, by the conventions in docs/timeliness.md. It reads the columns
 * of an {@link EventLog} and writes the columns of {@link KpiItems}; nothing is allocated per
 * event.
 */
public final class Timeliness {

  private static final long BASE = London.startOf(London.FIRST_DAY);
  private static final long NONE = KpiItems.NOT_DONE;
  private static final int SOON_WORKING_DAYS = 5;

  private final WorkingCalendar calendar;

  public Timeliness(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /** A rule's filters, resolved against the log's dictionaries. */
  private record Compiled(
      KpiRule rule,
      int anchorType,
      boolean[] anchorDetails,
      int targetType,
      boolean[] targetDetails,
      boolean[] types,
      boolean[] measuredDetails) {}

  /** No measured-from for a rule on a case: everything counts. */
  private static final long ALWAYS = Long.MIN_VALUE;

  /**
   * Works out the log's orders by case and by worker now, rather than on first evaluation: a log
   * shared by threads that only read it is then never written by an evaluation.
   */
  public static void prepare(EventLog log) {
    // The two orders are independent: at a region's size each takes a few tenths of a second.
    java.util.stream.IntStream.range(0, 2)
        .parallel()
        .forEach(
            which -> {
              if (which == 0 && log.caseOrder == null) {
                log.caseOrder = byGroupThenTime(log, log.caseOf, log.cases.size(), false);
              } else if (which == 1 && log.workerOrder == null) {
                log.workerOrder = byGroupThenTime(log, log.workerOf, log.workers.size(), true);
              }
            });
  }

  /**
   * Evaluates every rule as of the end of a date.
   *
   * @param workerEnds the last day of workers who have left, by worker id (their obligations stop)
   */
  public KpiItems evaluate(
      EventLog log, KpiRuleSet set, LocalDate asOf, Map<String, LocalDate> workerEnds) {
    int slices = log.size < 100_000 ? 1 : 2 * Runtime.getRuntime().availableProcessors();
    return evaluate(log, set, asOf, workerEnds, slices);
  }

  /**
   * Evaluates in {@code slices} slices of cases, and as many of workers, run in parallel and joined
   * in order: the items are the same for any number of slices.
   */
  KpiItems evaluate(
      EventLog log, KpiRuleSet set, LocalDate asOf, Map<String, LocalDate> workerEnds, int slices) {
    int asOfDay = (int) asOf.toEpochDay();
    long asOfEnd = London.endOf(asOfDay);
    int soonDay = (int) calendar.workingDaysAfter(asOf, SOON_WORKING_DAYS).toEpochDay();
    Compiled[] rules = new Compiled[set.rules().size()];
    for (int r = 0; r < rules.length; r++) {
      KpiRule rule = set.rules().get(r);
      boolean[] types = new boolean[CaseType.values().length];
      rule.whileCaseTypes().forEach(t -> types[t.ordinal()] = true);
      rules[r] =
          new Compiled(
              rule,
              rule.anchor() == null ? -1 : rule.anchor().type().ordinal(),
              details(log, rule.anchor()),
              rule.target() == null ? -1 : rule.target().type().ordinal(),
              details(log, rule.target()),
              types,
              measuredDetails(log, rule.id()));
    }
    int n = log.size;
    int[] caseTypeOfDetail = new int[log.details.size()];
    for (int d = 0; d < caseTypeOfDetail.length; d++) {
      caseTypeOfDetail[d] = CaseType.fromCode(log.details.get(d)).map(Enum::ordinal).orElse(-1);
    }
    // Earliest event referring to each row (a write-up to its visit, minutes to their meeting).
    long[] refDone = new long[n];
    Arrays.fill(refDone, NONE);
    for (int i = 0; i < n; i++) {
      int ref = log.ref[i];
      if (ref >= 0 && log.at[i] <= asOfEnd && (refDone[ref] == NONE || log.at[i] < refDone[ref])) {
        refDone[ref] = log.at[i];
      }
    }
    prepare(log);
    int[] order = log.caseOrder;
    int[] starts = groupStarts(log.caseOf, order, log.cases.size());
    int[] workerStarts = groupStarts(log.workerOf, log.workerOrder, log.workers.size());
    // One task per slice of cases (every case rule), then one per slice of workers for each rule
    // owed per worker, run together; their items are joined in that order, so the result is the
    // same however many processors there are.
    int cases = log.cases.size();
    int workers = log.workers.size();
    int caseParts = slices;
    int workerParts = slices;
    int[] perWorker =
        java.util.stream.IntStream.range(0, rules.length)
            .filter(r -> rules[r].rule().kind() == Kind.RECURRING && rules[r].rule().perWorker())
            .toArray();
    KpiItems[] partial = new KpiItems[caseParts + perWorker.length * workerParts];
    java.util.stream.IntStream.range(0, partial.length)
        .parallel()
        .forEach(
            task -> {
              if (task < caseParts) {
                partial[task] =
                    cases(
                        log,
                        rules,
                        order,
                        starts,
                        (int) ((long) cases * task / caseParts),
                        (int) ((long) cases * (task + 1) / caseParts),
                        refDone,
                        caseTypeOfDetail,
                        asOfEnd,
                        soonDay);
              } else {
                int r = perWorker[(task - caseParts) / workerParts];
                int p = (task - caseParts) % workerParts;
                partial[task] =
                    recurringWorkers(
                        log,
                        r,
                        rules[r],
                        workerStarts,
                        (int) ((long) workers * p / workerParts),
                        (int) ((long) workers * (p + 1) / workerParts),
                        workerEnds,
                        asOfEnd,
                        soonDay);
              }
            });
    KpiItems items = KpiItems.concat(partial);
    return items;
  }

  /** The items of the case rules for cases {@code fromCase} (inclusive) to {@code toCase}. */
  private KpiItems cases(
      EventLog log,
      Compiled[] rules,
      int[] order,
      int[] starts,
      int fromCase,
      int toCase,
      long[] refDone,
      int[] caseTypeOfDetail,
      long asOfEnd,
      int soonDay) {
    KpiItems items = new KpiItems();
    long[] nextTarget = new long[64];
    long[] nextEnd = new long[64];
    long[] measuredFrom = new long[rules.length];
    boolean anyMeasured = false;
    for (Compiled rule : rules) {
      anyMeasured |= rule.measuredDetails() != null;
    }
    for (int c = fromCase; c < toCase; c++) {
      int from = starts[c];
      int to = starts[c + 1];
      Arrays.fill(measuredFrom, ALWAYS);
      if (anyMeasured) {
        measuredFrom(log, order, from, to, rules, asOfEnd, measuredFrom);
      }
      if (to - from > nextTarget.length) {
        nextTarget = new long[Integer.highestOneBit(to - from) * 2];
        nextEnd = new long[nextTarget.length];
      }
      // When the case ends (closed, or stepped down out of children's social care), from each event
      // on.
      long end = NONE;
      for (int k = to - 1; k >= from; k--) {
        int row = order[k];
        if (isClosure(log, row) && log.at[row] <= asOfEnd) {
          end = log.at[row];
        }
        nextEnd[k - from] = end;
      }
      for (int r = 0; r < rules.length; r++) {
        Compiled rule = rules[r];
        switch (rule.rule().kind()) {
          case AFTER ->
              after(
                  log,
                  order,
                  from,
                  to,
                  r,
                  rule,
                  refDone,
                  nextTarget,
                  nextEnd,
                  measuredFrom[r],
                  asOfEnd,
                  soonDay,
                  items);
          case BEFORE_DUE ->
              beforeDue(log, order, from, to, r, rule, measuredFrom[r], asOfEnd, soonDay, items);
          case RECURRING -> {
            if (!rule.rule().perWorker()) {
              recurringCase(
                  log,
                  order,
                  from,
                  to,
                  r,
                  rule,
                  caseTypeOfDetail,
                  measuredFrom[r],
                  asOfEnd,
                  soonDay,
                  items);
            }
          }
        }
      }
    }
    return items;
  }

  private static boolean[] details(EventLog log, Filter filter) {
    if (filter == null || filter.details().isEmpty()) {
      return null;
    }
    boolean[] wanted = new boolean[log.details.size()];
    for (String d : filter.details()) {
      int id = log.details.find(d);
      if (id >= 0) {
        wanted[id] = true;
      }
    }
    return wanted;
  }

  /**
   * The details (of any event) that name a rule among their space-separated words: a {@code
   * measured-from} with one of them starts that rule. Null when none does.
   */
  private static boolean[] measuredDetails(EventLog log, String ruleId) {
    boolean[] wanted = null;
    for (int d = 0; d < log.details.size(); d++) {
      for (String word : log.details.get(d).strip().split("\\s+")) {
        if (word.equals(ruleId)) {
          if (wanted == null) {
            wanted = new boolean[log.details.size()];
          }
          wanted[d] = true;
        }
      }
    }
    return wanted;
  }

  /** The instant each rule is measured from on a case: its latest measured-from by the as-of. */
  private static void measuredFrom(
      EventLog log, int[] order, int from, int to, Compiled[] rules, long asOfEnd, long[] into) {
    int type = EventType.MEASURED_FROM.ordinal();
    for (int k = from; k < to; k++) {
      int row = order[k];
      if (log.type[row] != type || log.at[row] > asOfEnd || log.detail[row] < 0) {
        continue;
      }
      for (int r = 0; r < rules.length; r++) {
        boolean[] named = rules[r].measuredDetails();
        if (named != null && named[log.detail[row]]) {
          into[r] = log.at[row];
        }
      }
    }
  }

  /** Whether a row is a measured-from that starts this rule. */
  private static boolean startsMeasuring(EventLog log, int row, Compiled rule) {
    return rule.measuredDetails() != null
        && log.type[row] == EventType.MEASURED_FROM.ordinal()
        && log.detail[row] >= 0
        && rule.measuredDetails()[log.detail[row]];
  }

  private static boolean matches(EventLog log, int row, int type, boolean[] details) {
    if (log.type[row] != type) {
      return false;
    }
    if (details == null) {
      return true;
    }
    int d = log.detail[row];
    return d >= 0 && details[d];
  }

  private static boolean isClosure(EventLog log, int row) {
    int t = log.type[row];
    return t == EventType.CLOSED.ordinal()
        || (t == EventType.STEPPED_DOWN.ordinal() && log.detail[row] < 0);
  }

  /** The last second of a window that starts at an event. */
  private long deadline(Window w, long at, int day) {
    return switch (w.unit()) {
      case HOURS -> at + w.amount() * 3600L;
      case WORKING_DAYS -> London.endOf(calendar.workingDaysAfter(day, w.amount()));
      case CALENDAR_DAYS -> London.endOf(day + w.amount());
      case WEEKS -> London.endOf(day + 7 * w.amount());
      case MONTHS ->
          London.endOf((int) LocalDate.ofEpochDay(day).plusMonths(w.amount()).toEpochDay());
    };
  }

  private static void item(
      KpiItems items,
      int rule,
      EventLog log,
      int caseIdx,
      int child,
      int worker,
      int team,
      int anchor,
      long deadline,
      long done,
      long asOfEnd,
      int soonDay) {
    byte status;
    boolean soon = false;
    if (done != NONE) {
      status = done <= deadline ? KpiItems.MET : KpiItems.LATE;
    } else if (deadline < asOfEnd) {
      status = KpiItems.OVERDUE;
    } else {
      status = KpiItems.PENDING;
      soon = London.dayOf(deadline) <= soonDay;
    }
    items.add(rule, caseIdx, child, worker, team, anchor, deadline, done, status, soon);
  }

  private void after(
      EventLog log,
      int[] order,
      int from,
      int to,
      int r,
      Compiled rule,
      long[] refDone,
      long[] nextTarget,
      long[] nextEnd,
      long measuredFrom,
      long asOfEnd,
      int soonDay,
      KpiItems items) {
    if (!rule.rule().byRef()) {
      long next = NONE;
      for (int k = to - 1; k >= from; k--) {
        int row = order[k];
        if (matches(log, row, rule.targetType(), rule.targetDetails()) && log.at[row] <= asOfEnd) {
          next = log.at[row];
        }
        nextTarget[k - from] = next;
      }
    }
    int worker = -1;
    int team = -1;
    for (int k = from; k < to; k++) {
      int row = order[k];
      if (log.at[row] > asOfEnd) {
        break;
      }
      if (log.workerOf[row] >= 0) {
        worker = log.workerOf[row];
      }
      if (log.teamOf[row] >= 0) {
        team = log.teamOf[row];
      }
      if (!matches(log, row, rule.anchorType(), rule.anchorDetails())
          || log.at[row] < measuredFrom) {
        continue;
      }
      long deadline = deadline(rule.rule().window(), log.at[row], log.day[row]);
      long done = rule.rule().byRef() ? refDone[row] : nextTarget[k - from];
      long end = nextEnd[k - from];
      if (end != NONE && end < deadline && (done == NONE || done > end)) {
        continue; // the case ended before the deadline, with nothing done: no longer due
      }
      item(
          items,
          r,
          log,
          log.caseOf[row],
          log.childOf[row],
          worker,
          team,
          row,
          deadline,
          done,
          asOfEnd,
          soonDay);
    }
  }

  private void beforeDue(
      EventLog log,
      int[] order,
      int from,
      int to,
      int r,
      Compiled rule,
      long measuredFrom,
      long asOfEnd,
      int soonDay,
      KpiItems items) {
    int worker = -1;
    int team = -1;
    for (int k = from; k < to; k++) {
      int row = order[k];
      if (log.at[row] > asOfEnd) {
        break;
      }
      if (log.workerOf[row] >= 0) {
        worker = log.workerOf[row];
      }
      if (log.teamOf[row] >= 0) {
        team = log.teamOf[row];
      }
      if (!matches(log, row, rule.anchorType(), rule.anchorDetails())
          || log.due[row] == EventLog.NO_DATE
          || log.at[row] < measuredFrom) {
        continue;
      }
      int dueBy = calendar.workingDaysBefore(log.due[row], rule.rule().window().amount());
      item(
          items,
          r,
          log,
          log.caseOf[row],
          log.childOf[row],
          worker,
          team,
          row,
          London.endOf(dueBy),
          log.at[row],
          asOfEnd,
          soonDay);
    }
  }

  private void recurringCase(
      EventLog log,
      int[] order,
      int from,
      int to,
      int r,
      Compiled rule,
      int[] caseTypeOfDetail,
      long measuredFrom,
      long asOfEnd,
      int soonDay,
      KpiItems items) {
    KpiRule kpi = rule.rule();
    int type = -1;
    boolean open = true;
    boolean active = false;
    long deadline = 0;
    int anchor = -1;
    int worker = -1;
    int team = -1;
    int caseIdx = -1;
    int child = -1;
    for (int k = from; k < to; k++) {
      int row = order[k];
      long at = log.at[row];
      if (at > asOfEnd) {
        break;
      }
      caseIdx = log.caseOf[row];
      child = log.childOf[row];
      if (log.workerOf[row] >= 0) {
        worker = log.workerOf[row];
      }
      if (log.teamOf[row] >= 0) {
        team = log.teamOf[row];
      }
      int t = log.type[row];
      int newType = type;
      if (t == EventType.REFERRAL.ordinal() && type < 0) {
        newType = CaseType.ASSESSMENT.ordinal();
      } else if ((t == EventType.CASE_TYPE_CHANGED.ordinal()
              || t == EventType.STEPPED_DOWN.ordinal()
              || t == EventType.ALLOCATED.ordinal())
          && log.detail[row] >= 0
          && caseTypeOfDetail[log.detail[row]] >= 0) {
        newType = caseTypeOfDetail[log.detail[row]];
      }
      boolean closing = isClosure(log, row);
      boolean applies =
          open
              && !closing
              && (kpi.whileCaseTypes().isEmpty() || (newType >= 0 && rule.types()[newType]));
      // A target first: it meets (or is late for) the item that is due. Items that fall due from
      // before the case is measured from are not counted (they cannot be known).
      if (active && matches(log, row, rule.targetType(), rule.targetDetails())) {
        boolean sameInstantStart =
            log.type[anchor] == EventType.MEASURED_FROM.ordinal() && log.at[anchor] == at;
        // A target at the instant measuring starts meets nothing: it starts the window.
        if (log.at[anchor] >= measuredFrom && !sameInstantStart && at != measuredFrom) {
          item(items, r, log, caseIdx, child, worker, team, anchor, deadline, at, asOfEnd, soonDay);
        }
        deadline = deadline(kpi.window(), at, log.day[row]);
        anchor = row;
      }
      if (active && !applies) {
        // The obligation ends: an item already overdue counts; one not yet due does not.
        if (deadline < at && log.at[anchor] >= measuredFrom) {
          item(
              items, r, log, caseIdx, child, worker, team, anchor, deadline, NONE, asOfEnd,
              soonDay);
        }
        active = false;
      }
      boolean starts;
      if (kpi.anchor() != null) {
        starts = applies && matches(log, row, rule.anchorType(), rule.anchorDetails());
      } else {
        starts = applies && !active;
      }
      if (starts) {
        Window w = kpi.first() != null ? kpi.first() : kpi.window();
        deadline = deadline(w, at, log.day[row]);
        anchor = row;
        active = true;
      } else if (applies && startsMeasuring(log, row, rule) && !(active && log.at[anchor] == at)) {
        // Measured from here: the next target is due a whole window on (the last one is not known).
        deadline = deadline(kpi.window(), at, log.day[row]);
        anchor = row;
        active = true;
      }
      type = newType;
      if (closing) {
        open = false;
      }
    }
    if (active && log.at[anchor] >= measuredFrom) {
      item(items, r, log, caseIdx, child, worker, team, anchor, deadline, NONE, asOfEnd, soonDay);
    }
  }

  /** The items of a rule owed per worker, for workers {@code fromWorker} to {@code toWorker}. */
  private KpiItems recurringWorkers(
      EventLog log,
      int r,
      Compiled rule,
      int[] starts,
      int fromWorker,
      int toWorker,
      Map<String, LocalDate> workerEnds,
      long asOfEnd,
      int soonDay) {
    KpiItems items = new KpiItems();
    for (int w = fromWorker; w < toWorker; w++) {
      LocalDate left = workerEnds.get(log.workers.get(w));
      long end = left == null ? Long.MAX_VALUE : London.endOf((int) left.toEpochDay());
      recurringWorker(log, r, rule, starts[w], starts[w + 1], w, end, asOfEnd, soonDay, items);
    }
    return items;
  }

  /** One worker's items (a method of its own, so that it is compiled after a few workers). */
  private void recurringWorker(
      EventLog log,
      int r,
      Compiled rule,
      int from,
      int to,
      int w,
      long end,
      long asOfEnd,
      int soonDay,
      KpiItems items) {
    int[] order = log.workerOrder;
    KpiRule kpi = rule.rule();
    boolean active = false;
    long deadline = 0;
    int anchor = -1;
    int team = -1;
    for (int k = from; k < to; k++) {
      int row = order[k];
      long at = log.at[row];
      if (at > asOfEnd || at > end) {
        break;
      }
      if (log.teamOf[row] >= 0) {
        team = log.teamOf[row];
      }
      if (!active) {
        // A worker owes supervision from when they first hold a case (or are supervised).
        boolean caseHolding =
            log.type[row] == EventType.ALLOCATED.ordinal()
                || matches(log, row, rule.targetType(), rule.targetDetails());
        if (!caseHolding) {
          continue;
        }
        deadline = deadline(kpi.first() != null ? kpi.first() : kpi.window(), at, log.day[row]);
        anchor = row;
        active = true;
        if (!matches(log, row, rule.targetType(), rule.targetDetails())) {
          continue;
        }
      }
      if (matches(log, row, rule.targetType(), rule.targetDetails())) {
        if (row != anchor) {
          item(items, r, log, -1, -1, w, team, anchor, deadline, at, asOfEnd, soonDay);
        }
        deadline = deadline(kpi.window(), at, log.day[row]);
        anchor = row;
      }
    }
    if (active && deadline <= end) {
      // Still due (a worker who has left before the deadline owes nothing more).
      item(items, r, log, -1, -1, w, team, anchor, deadline, NONE, asOfEnd, soonDay);
    }
  }

  /** Rows grouped by a column (cases or workers) and in time order within each group. */
  private static int[] byGroupThenTime(EventLog log, int[] group, int groups, boolean skipMissing) {
    int n = log.size;
    int[] counts = new int[groups + 1];
    for (int i = 0; i < n; i++) {
      if (group[i] >= 0) {
        counts[group[i] + 1]++;
      }
    }
    for (int g = 0; g < groups; g++) {
      counts[g + 1] += counts[g];
    }
    int total = counts[groups];
    int[] order = new int[total];
    int[] next = Arrays.copyOf(counts, groups);
    for (int i = 0; i < n; i++) {
      if (group[i] >= 0) {
        order[next[group[i]]++] = i;
      }
    }
    // Sort each group by time, in parallel slices of groups (most groups are already in order).
    int parts = n < 100_000 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
    java.util.stream.IntStream.range(0, parts)
        .parallel()
        .forEach(
            p -> {
              long[] keys = new long[256];
              int[] copy = new int[256];
              for (int g = (int) ((long) groups * p / parts);
                  g < (int) ((long) groups * (p + 1) / parts);
                  g++) {
                int from = counts[g];
                int to = counts[g + 1];
                boolean sorted = true;
                for (int k = from + 1; k < to && sorted; k++) {
                  sorted = log.at[order[k - 1]] <= log.at[order[k]];
                }
                if (sorted) {
                  continue;
                }
                int length = to - from;
                if (keys.length < length) {
                  keys = new long[Integer.highestOneBit(length) * 2];
                  copy = new int[keys.length];
                }
                for (int k = from; k < to; k++) {
                  keys[k - from] = ((log.at[order[k]] - BASE) << 26) | (k - from);
                  copy[k - from] = order[k];
                }
                Arrays.sort(keys, 0, length);
                for (int k = from; k < to; k++) {
                  order[k] = copy[(int) (keys[k - from] & ((1 << 26) - 1))];
                }
              }
            });
    return order;
  }

  private static int[] groupStarts(int[] group, int[] order, int groups) {
    int[] starts = new int[groups + 1];
    for (int row : order) {
      starts[group[row] + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      starts[g + 1] += starts[g];
    }
    return starts;
  }
}
