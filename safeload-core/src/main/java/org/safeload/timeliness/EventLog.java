package org.safeload.timeliness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Case activity as columns of primitives (one row per event), with its identifiers interned: the
 * timeliness engine reads it without creating an object per event. Rows are in the order added.
 */
public final class EventLog {

  /** Strings interned to dense ints: -1 is "none". */
  public static final class Dictionary {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    public int intern(String value) {
      if (value == null || value.isEmpty()) {
        return -1;
      }
      Integer existing = index.get(value);
      if (existing != null) {
        return existing;
      }
      int id = values.size();
      index.put(value, id);
      values.add(value);
      return id;
    }

    public int find(String value) {
      Integer id = index.get(value);
      return id == null ? -1 : id;
    }

    public String get(int id) {
      return id < 0 ? null : values.get(id);
    }

    public int size() {
      return values.size();
    }
  }

  public static final int NO_DATE = Integer.MIN_VALUE;

  final Dictionary eventIds = new Dictionary();
  final Dictionary cases = new Dictionary();
  final Dictionary children = new Dictionary();
  final Dictionary workers = new Dictionary();
  final Dictionary teams = new Dictionary();
  final Dictionary details = new Dictionary();

  private final boolean keepEventIds;

  int size;

  /** Rows by case and by worker, in time order, worked out once (see Timeliness). */
  int[] caseOrder;

  int[] workerOrder;
  long[] at = new long[1024];
  int[] day = new int[1024];
  byte[] type = new byte[1024];
  int[] caseOf = new int[1024];
  int[] childOf = new int[1024];
  int[] workerOf = new int[1024];
  int[] teamOf = new int[1024];
  int[] detail = new int[1024];
  int[] ref = new int[1024];
  int[] due = new int[1024];

  /** A log that keeps event ids (needed to resolve references while reading a file). */
  public EventLog() {
    this(true);
  }

  /**
   * @param keepEventIds false for logs built in memory that need no ids (benchmarks): saves the
   *     memory of one string per event
   */
  public EventLog(boolean keepEventIds) {
    this.keepEventIds = keepEventIds;
  }

  public int size() {
    return size;
  }

  /** Forgets the orders worked out by the engine (benchmarks time them afresh on each run). */
  public void dropIndexes() {
    caseOrder = null;
    workerOrder = null;
  }

  /** Reserves room for this many events. */
  public void reserve(int capacity) {
    while (at.length < capacity) {
      int n = Math.max(capacity, at.length * 2);
      at = Arrays.copyOf(at, n);
      day = Arrays.copyOf(day, n);
      type = Arrays.copyOf(type, n);
      caseOf = Arrays.copyOf(caseOf, n);
      childOf = Arrays.copyOf(childOf, n);
      workerOf = Arrays.copyOf(workerOf, n);
      teamOf = Arrays.copyOf(teamOf, n);
      detail = Arrays.copyOf(detail, n);
      ref = Arrays.copyOf(ref, n);
      due = Arrays.copyOf(due, n);
    }
  }

  /** The columns, for exporting to another engine (the benchmark's DuckDB comparison). */
  public record Columns(
      int size,
      long[] at,
      int[] day,
      byte[] type,
      int[] caseOf,
      int[] workerOf,
      int[] teamOf,
      int[] detail,
      int[] ref,
      int[] due) {}

  public Columns columns() {
    return new Columns(size, at, day, type, caseOf, workerOf, teamOf, detail, ref, due);
  }

  public Dictionary eventIds() {
    return eventIds;
  }

  public Dictionary cases() {
    return cases;
  }

  public Dictionary children() {
    return children;
  }

  public Dictionary workers() {
    return workers;
  }

  public Dictionary teams() {
    return teams;
  }

  public Dictionary details() {
    return details;
  }

  public EventType type(int row) {
    return EventType.of(type[row]);
  }

  public long at(int row) {
    return at[row];
  }

  /** The row's local (Europe/London) day, as an epoch day. */
  public int day(int row) {
    return day[row];
  }

  /** The row's case (index into {@link #cases()}), or -1. */
  public int caseOf(int row) {
    return caseOf[row];
  }

  /** The row's child (index into {@link #children()}), or -1. */
  public int childOf(int row) {
    return childOf[row];
  }

  /** The row's worker (index into {@link #workers()}), or -1. */
  public int workerOf(int row) {
    return workerOf[row];
  }

  /** The row's team (index into {@link #teams()}), or -1. */
  public int teamOf(int row) {
    return teamOf[row];
  }

  /** The row's detail (index into {@link #details()}), or -1. */
  public int detailOf(int row) {
    return detail[row];
  }

  /**
   * Adds an event. Identifiers are interned; {@code ref} is the row of the referred event (or -1);
   * {@code dueDay} is an epoch day or {@link #NO_DATE}.
   */
  public int add(
      String eventId,
      long epochSecond,
      EventType eventType,
      String caseId,
      String childId,
      String workerId,
      String teamId,
      String detailValue,
      int refRow,
      int dueDay) {
    grow();
    caseOrder = null;
    workerOrder = null;
    int row = size++;
    if (keepEventIds) {
      eventIds.intern(eventId);
    }
    at[row] = epochSecond;
    day[row] = London.dayOf(epochSecond);
    type[row] = (byte) eventType.ordinal();
    caseOf[row] = cases.intern(caseId);
    childOf[row] = children.intern(childId);
    workerOf[row] = workers.intern(workerId);
    teamOf[row] = teams.intern(teamId);
    detail[row] = details.intern(detailValue);
    ref[row] = refRow;
    due[row] = dueDay;
    return row;
  }

  /** Sets the row a later-added event refers to (for references resolved after loading). */
  public void setRef(int row, int refRow) {
    ref[row] = refRow;
  }

  private void grow() {
    if (size == at.length) {
      reserve(at.length * 2);
    }
  }

  /** The row's event id (kept when the log keeps ids), or null. */
  public String eventId(int row) {
    return keepEventIds ? eventIds.get(row) : null;
  }

  /** The row this row refers to (a write-up's visit, minutes' meeting), or -1. */
  public int ref(int row) {
    return ref[row];
  }

  /** The row's due date as an epoch day, or {@link #NO_DATE}. */
  public int due(int row) {
    return due[row];
  }

  /**
   * The row of the event with this id, or -1 (ids are kept and unique: the id's index is its row).
   */
  public int rowOf(String eventId) {
    return keepEventIds ? eventIds.find(eventId) : -1;
  }
}
