package org.safeload.timeliness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.safeload.document.FieldProblem;
import org.safeload.timeliness.EventCsv.KnownEvent;
import org.safeload.timeliness.EventCsv.Result;

/**
 * Puts runs together in file order: their rows become the log's, their dictionaries the log's (in
 * order of first appearance), event ids are checked for repeats across runs, and refs are resolved
 * once every row is in.
 */
final class EventCsvMerger {
  private final EventLog log = new EventLog();
  private final EventLog.Dictionary ids = log.eventIds;

  /** Rows of the right width so far (the log's columns hold them all, bad ones too). */
  private int rows;

  /** Lines before the next run. */
  private int lineBase;

  /** By row: its id's hash, its line, and whether it was refused. */
  private int[] idHash = new int[1024];

  private int[] lineOf = new int[1024];
  private boolean[] bad = new boolean[1024];

  /** Refs to resolve: the row, its line and type, the ref's id (bytes and hash). */
  private int pending;

  private int[] pendingRow = new int[1024];
  private int[] pendingLine = new int[1024];
  private byte[] pendingType = new byte[1024];
  private int[] pendingHash = new int[1024];
  private int[] pendingStart = new int[1025];
  private byte[] pendingBytes = new byte[8192];

  /** Problems with their line and phase: the order in which they were always reported. */
  private final List<Ordered> problems = new ArrayList<>();

  private record Ordered(int line, int phase, FieldProblem problem) {}

  EventCsvMerger(int headerLines) {
    this.lineBase = headerLines;
  }

  /** Reserves room for a file of {@code bytes} bytes, from its first run. */
  void expect(EventRows run, long bytes) {
    double scale = (double) bytes / Math.max(1, run.end - run.start);
    long rowsExpected = (long) (run.size * scale * 1.05) + 16;
    if (rowsExpected >= Integer.MAX_VALUE / 2) {
      return;
    }
    int n = (int) rowsExpected;
    log.reserve(n);
    ids.reserve(n, (int) Math.min(Integer.MAX_VALUE / 2, run.idStart[run.size] * scale * 1.3));
    perRow(n);
    int refs = (int) Math.min(Integer.MAX_VALUE / 2, run.refs * scale * 1.05 + 16);
    int refBytes = (int) Math.min(Integer.MAX_VALUE / 2, run.refStart[run.refs] * scale * 1.3);
    pending(refs, refBytes);
  }

  private void perRow(int n) {
    if (n > idHash.length) {
      int size = Math.max(n, idHash.length * 2);
      idHash = Arrays.copyOf(idHash, size);
      lineOf = Arrays.copyOf(lineOf, size);
      bad = Arrays.copyOf(bad, size);
    }
  }

  private void pending(int n, int bytes) {
    if (n > pendingRow.length) {
      int size = Math.max(n, pendingRow.length * 2);
      pendingRow = Arrays.copyOf(pendingRow, size);
      pendingLine = Arrays.copyOf(pendingLine, size);
      pendingType = Arrays.copyOf(pendingType, size);
      pendingHash = Arrays.copyOf(pendingHash, size);
      pendingStart = Arrays.copyOf(pendingStart, size + 1);
    }
    if (bytes > pendingBytes.length) {
      pendingBytes = Arrays.copyOf(pendingBytes, Math.max(bytes, pendingBytes.length * 2));
    }
  }

  void accept(EventRows run) {
    int n = run.size;
    int base = rows;
    int lines = lineBase;
    log.reserve(base + n);
    perRow(base + n);
    int[] caseMap = map(run.cases, log.cases);
    int[] childMap = map(run.children, log.children);
    int[] workerMap = map(run.workers, log.workers);
    int[] teamMap = map(run.teams, log.teams);
    int[] detailMap = map(run.details, log.details);
    System.arraycopy(run.at, 0, log.at, base, n);
    System.arraycopy(run.day, 0, log.day, base, n);
    System.arraycopy(run.type, 0, log.type, base, n);
    System.arraycopy(run.due, 0, log.due, base, n);
    Arrays.fill(log.ref, base, base + n, -1);
    // Small loops of their own: this method runs once a run, they once a row (and so are
    // compiled on their own, quickly).
    remap(caseMap, run.caseOf, log.caseOf, base, n);
    remap(childMap, run.childOf, log.childOf, base, n);
    remap(workerMap, run.workerOf, log.workerOf, base, n);
    remap(teamMap, run.teamOf, log.teamOf, base, n);
    remap(detailMap, run.detail, log.detail, base, n);
    shift(run.line, lineOf, base, n, lines);
    // Every row's id, repeats and all ("" for none): row g's is value g. They are checked for
    // repeats once every row is in.
    ids.append(run.idBytes, run.idStart, 0, n);
    System.arraycopy(run.idHash, 0, idHash, base, n);
    System.arraycopy(run.bad, 0, bad, base, n);
    for (FieldProblem p : run.problems) {
      int line = p.line() + lines;
      problems.add(new Ordered(line, 1, p.atLine(line)));
    }
    addPending(run, base, lines);
    rows = base + n;
    lineBase = lines + run.lines;
  }

  private void addPending(EventRows run, int base, int lines) {
    pending(pending + run.refs, pendingStart[pending] + run.refStart[run.refs]);
    for (int j = 0; j < run.refs; j++) {
      int r = run.refRow[j];
      int k = pending;
      int from = run.refStart[j];
      int length = run.refStart[j + 1] - from;
      int to = pendingStart[k];
      System.arraycopy(run.refBytes, from, pendingBytes, to, length);
      pendingStart[k + 1] = to + length;
      pendingHash[k] = run.refHash[j];
      pendingRow[k] = base + r;
      pendingLine[k] = run.line[r] + lines;
      pendingType[k] = run.type[r];
      pending = k + 1;
    }
  }

  private static int[] map(EventLog.Dictionary from, EventLog.Dictionary to) {
    int[] map = new int[from.size()];
    for (int i = 0; i < map.length; i++) {
      map[i] = to.internFrom(from, i);
    }
    return map;
  }

  /** to[base + r] = the id in the log of the run's from[r], for r in [0, n). */
  private static void remap(int[] map, int[] from, int[] to, int base, int n) {
    for (int r = 0; r < n; r++) {
      int local = from[r];
      to[base + r] = local < 0 ? -1 : map[local];
    }
  }

  private static void shift(int[] from, int[] to, int base, int n, int by) {
    for (int r = 0; r < n; r++) {
      to[base + r] = from[r] + by;
    }
  }

  Result finish(Function<String, Optional<KnownEvent>> known) {
    int[] first = new int[rows];
    int[] target = new int[pending];
    EventIds.resolve(
        ids, idHash, rows, pendingBytes, pendingStart, pendingHash, pending, first, target);
    for (int r = 0; r < rows; r++) {
      if (first[r] >= 0 && first[r] != r) {
        problems.add(
            new Ordered(
                lineOf[r],
                0,
                new FieldProblem(
                    lineOf[r],
                    "event_id",
                    "The id " + ids.get(r) + " is already used on line " + lineOf[first[r]])));
        bad[r] = true;
      }
    }
    Map<Integer, String> external = new HashMap<>();
    for (int k = 0; k < pending; k++) {
      int start = pendingStart[k];
      int length = pendingStart[k + 1] - start;
      int found = target[k];
      int ref = found >= 0 && !bad[found] ? found : -1;
      EventType type = EventType.of(pendingType[k]);
      EventType wanted = type == EventType.VISIT_WRITE_UP ? EventType.VISIT : EventType.MEETING;
      int row = bad[pendingRow[k]] ? -1 : pendingRow[k];
      int line = pendingLine[k];
      if (ref < 0) {
        if (found >= 0) {
          continue; // the row it names was refused; its problems are reported
        }
        String id = new String(pendingBytes, start, length, StandardCharsets.UTF_8);
        Optional<KnownEvent> stored = known.apply(id);
        if (stored.isEmpty()) {
          refProblem(line, "No event " + id + " in the file or stored before");
        } else if (stored.get().type() != wanted) {
          refProblem(
              line,
              "Event " + id + " is a " + stored.get().type().code() + ", not a " + wanted.code());
        } else if (row >= 0 && !stored.get().caseId().equals(log.cases.get(log.caseOf[row]))) {
          refProblem(line, "Event " + id + " is on another case");
        } else if (row >= 0) {
          external.put(row, id);
        }
      } else if (log.type[ref] != wanted.ordinal()) {
        refProblem(
            line,
            "Event "
                + new String(pendingBytes, start, length, StandardCharsets.UTF_8)
                + " is a "
                + EventType.of(log.type[ref]).code()
                + ", not a "
                + wanted.code());
      } else if (row < 0) {
        continue; // the row itself was refused; its other problems are reported
      } else if (log.caseOf[ref] != log.caseOf[row]) {
        refProblem(
            line,
            "Event "
                + new String(pendingBytes, start, length, StandardCharsets.UTF_8)
                + " is on another case");
      } else {
        log.ref[row] = ref;
      }
    }
    if (problems.isEmpty()) {
      log.size = rows;
      return new Result(
          log, List.of(), Collections.unmodifiableMap(external), Arrays.copyOf(lineOf, rows));
    }
    problems.sort(Comparator.comparingInt(Ordered::line).thenComparingInt(Ordered::phase));
    return new Result(null, problems.stream().map(Ordered::problem).toList());
  }

  private void refProblem(int line, String message) {
    problems.add(new Ordered(line, 2, new FieldProblem(line, "ref", message)));
  }
}
