package org.safeload.timeliness;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Case activity as columns of primitives (one row per event), with its identifiers interned: the
 * timeliness engine reads it without creating an object per event. Rows are in the order added.
 */
public final class EventLog {

  /**
   * Strings interned to dense ints: -1 is "none". Values are kept as UTF-8 bytes back to back, so a
   * reader can intern or look up a slice of its input ({@link #intern(byte[], int, int)}) without
   * creating a String; {@link #get} decodes a value once, when it is first asked for. Values added
   * in bulk with {@link #append} are indexed for lookups when first looked up. Lookups and {@link
   * #get} may run on several threads at once; adding values may not.
   */
  public static final class Dictionary {
    private byte[] bytes = new byte[64];
    private int used;

    /** starts[i]: where value i begins in {@link #bytes}; starts[size] is where the next would. */
    private int[] starts = new int[9];

    private int size;

    /** Open addressing: (hash << 32) | (id + 1), 0 for an empty slot. */
    private long[] table = new long[16];

    /** Values [0, indexed) are in the table (the rest were appended, and are indexed on demand). */
    private volatile int indexed;

    /** Values decoded so far (null until one is asked for). */
    private String[] strings;

    public int intern(String value) {
      if (value == null || value.isEmpty()) {
        return -1;
      }
      int id = find(value);
      if (id >= 0) {
        return id;
      }
      byte[] utf8 = utf8(value);
      id = add(utf8, 0, utf8.length, hash(utf8, 0, utf8.length));
      cache(id)[id] = value;
      return id;
    }

    /** Interns a value given as UTF-8 bytes; an empty slice is "none" (-1). */
    public int intern(byte[] utf8, int offset, int length) {
      return intern(utf8, offset, length, hash(utf8, offset, length));
    }

    /**
     * As {@link #intern(byte[], int, int)}, with the slice's {@link #hash(byte[], int, int)}
     * already worked out.
     */
    public int intern(byte[] utf8, int offset, int length, int hash) {
      if (length == 0) {
        return -1;
      }
      int id = find(utf8, offset, length, hash);
      return id >= 0 ? id : add(utf8, offset, length, hash);
    }

    public int find(String value) {
      if (value == null || value.isEmpty()) {
        return -1;
      }
      int n = value.length();
      int h = n * SEED;
      long word = 0;
      for (int i = 0; i < n; i++) {
        char c = value.charAt(i);
        if (c >= 0x80) {
          byte[] utf8 = utf8(value);
          return find(utf8, 0, utf8.length, hash(utf8, 0, utf8.length));
        }
        word |= (long) c << ((i & 7) << 3);
        if ((i & 7) == 7) {
          h = step(h, word);
          word = 0;
        }
      }
      if ((n & 7) != 0) {
        h = step(h, word);
      }
      h = mix(h);
      long[] t = table();
      int mask = t.length - 1;
      for (int slot = h & mask; ; slot = (slot + 1) & mask) {
        long entry = t[slot];
        if (entry == 0) {
          return -1;
        }
        if ((int) (entry >>> 32) == h) {
          int id = (int) entry - 1;
          int start = starts[id];
          if (starts[id + 1] - start == n && sameAscii(value, start)) {
            return id;
          }
        }
      }
    }

    /** The id of a value given as UTF-8 bytes, or -1. */
    public int find(byte[] utf8, int offset, int length) {
      return length == 0 ? -1 : find(utf8, offset, length, hash(utf8, offset, length));
    }

    /** As {@link #find(byte[], int, int)}, with the slice's hash already worked out. */
    public int find(byte[] utf8, int offset, int length, int hash) {
      if (length == 0) {
        return -1;
      }
      long[] t = table();
      int mask = t.length - 1;
      for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
        long entry = t[slot];
        if (entry == 0) {
          return -1;
        }
        if ((int) (entry >>> 32) == hash) {
          int id = (int) entry - 1;
          int start = starts[id];
          if (starts[id + 1] - start == length && same(bytes, start, utf8, offset, length)) {
            return id;
          }
        }
      }
    }

    public String get(int id) {
      if (id < 0) {
        return null;
      }
      String[] cache = cache(id);
      String value = cache[id];
      if (value == null) {
        int start = starts[id];
        value = new String(bytes, start, starts[id + 1] - start, StandardCharsets.UTF_8);
        cache[id] = value;
      }
      return value;
    }

    public int size() {
      return size;
    }

    /** Whether value {@code id} is the given UTF-8 slice (without hashing it). */
    public boolean is(int id, byte[] utf8, int offset, int length) {
      int start = starts[id];
      return starts[id + 1] - start == length && same(bytes, start, utf8, offset, length);
    }

    /** Interns value {@code id} of another dictionary here, answering its id here. */
    public int internFrom(Dictionary other, int id) {
      int start = other.starts[id];
      return intern(other.bytes, start, other.starts[id + 1] - start);
    }

    /** The id here of value {@code id} of another dictionary, or -1 (no String is made). */
    public int findFrom(Dictionary other, int id) {
      if (id < 0) {
        return -1;
      }
      int start = other.starts[id];
      return find(other.bytes, start, other.starts[id + 1] - start);
    }

    /**
     * Adds values as they are, without looking them up: value i is {@code utf8[starts[i], starts[i
     * + 1])}, for i in [from, to). For a caller that knows them to be new (a file's event ids,
     * checked for repeats on their own): they are indexed when the dictionary is first asked to
     * find or intern a value.
     */
    public void append(byte[] utf8, int[] starts, int from, int to) {
      int n = to - from;
      int length = starts[to] - starts[from];
      reserve(size + n, used + length);
      System.arraycopy(utf8, starts[from], bytes, used, length);
      int shift = used - starts[from];
      for (int i = from; i < to; i++) {
        this.starts[++size] = starts[i + 1] + shift;
      }
      used += length;
    }

    /** The values' UTF-8 bytes back to back (the first {@link #usedBytes()} are in use). */
    byte[] rawBytes() {
      return bytes;
    }

    /** Where each value begins in {@link #rawBytes()}: {@code size() + 1} entries are in use. */
    int[] rawStarts() {
      return starts;
    }

    int usedBytes() {
      return used;
    }

    /** Forgets every value, keeping the room made for them. */
    public void clear() {
      Arrays.fill(table, 0);
      size = 0;
      used = 0;
      indexed = 0;
      strings = null;
    }

    /** Makes room for this many values, of this many UTF-8 bytes in all. */
    public void reserve(int values, int totalBytes) {
      if (starts.length < values + 1) {
        starts = Arrays.copyOf(starts, Math.max(values + 1, starts.length * 2));
      }
      if (bytes.length < totalBytes) {
        bytes = Arrays.copyOf(bytes, Math.max(totalBytes, bytes.length * 2));
      }
    }

    /**
     * The hash this dictionary uses for a UTF-8 slice (to work it out once, on another thread, for
     * {@link #intern(byte[], int, int, int)} and {@link #find(byte[], int, int, int)}).
     */
    public static int hash(byte[] utf8, int offset, int length) {
      int h = length * SEED;
      int i = offset;
      int end = offset + length;
      for (; i + 8 <= end; i += 8) {
        h = step(h, (long) LONG.get(utf8, i));
      }
      if (i < end) {
        long word = 0;
        for (int shift = 0; i < end; i++, shift += 8) {
          word |= (utf8[i] & 0xffL) << shift;
        }
        h = step(h, word);
      }
      return mix(h);
    }

    /** The UTF-8 length of value {@code id}. */
    public int length(int id) {
      return starts[id + 1] - starts[id];
    }

    /** Copies value {@code id}'s UTF-8 bytes to {@code to} at {@code offset}. */
    public void copy(int id, byte[] to, int offset) {
      System.arraycopy(bytes, starts[id], to, offset, starts[id + 1] - starts[id]);
    }

    private static final int SEED = 0x9E3779B9;
    private static final java.lang.invoke.VarHandle LONG =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Takes in eight bytes (little-endian; missing ones zero). */
    private static int step(int h, long word) {
      long x = word * 0x9E3779B97F4A7C15L;
      return Integer.rotateLeft(h ^ (int) (x >>> 32) ^ (int) x, 13) * 5 + 0xE6546B64;
    }

    private static int mix(int h) {
      h ^= h >>> 16;
      h *= 0x85ebca6b;
      h ^= h >>> 13;
      h *= 0xc2b2ae35;
      h ^= h >>> 16;
      return h;
    }

    private static boolean same(byte[] a, int i, byte[] b, int j, int length) {
      if (length > 16) {
        return Arrays.equals(a, i, i + length, b, j, j + length);
      }
      if (i + 16 <= a.length && j + 16 <= b.length) {
        // Two words from each (past the values' ends, inside the arrays), compared under a mask.
        long x = (long) LONG.get(a, i) ^ (long) LONG.get(b, j);
        if (length <= 8) {
          return (x & (length == 8 ? -1L : (1L << (length << 3)) - 1)) == 0;
        }
        long y = (long) LONG.get(a, i + 8) ^ (long) LONG.get(b, j + 8);
        int rest = length - 8;
        return x == 0 && (y & (rest == 8 ? -1L : (1L << (rest << 3)) - 1)) == 0;
      }
      for (int k = 0; k < length; k++) {
        if (a[i + k] != b[j + k]) {
          return false;
        }
      }
      return true;
    }

    private boolean sameAscii(String value, int start) {
      for (int i = 0, n = value.length(); i < n; i++) {
        if (bytes[start + i] != value.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    /** The decoded values, with room for {@code id}. */
    private String[] cache(int id) {
      String[] cache = strings;
      if (cache == null || cache.length <= id) {
        // Grown by half again at least: values interned one at a time (a log brought up to date
        // event by event) would otherwise copy the whole array for each.
        int room = cache == null ? 16 : cache.length + (cache.length >> 1);
        cache =
            Arrays.copyOf(
                cache == null ? new String[0] : cache, Math.max(Math.max(id + 1, size), room));
        strings = cache;
      }
      return cache;
    }

    /** The table, with every value in it. */
    private long[] table() {
      if (indexed != size) {
        index();
      }
      return table;
    }

    private synchronized void index() {
      int n = size;
      if (indexed == n) {
        return;
      }
      int slots = table.length;
      while (slots < 2L * n) {
        slots <<= 1;
      }
      long[] t = slots == table.length ? table : new long[slots];
      if (t != table) {
        for (int id = 0; id < n; id++) {
          put(t, hash(bytes, starts[id], starts[id + 1] - starts[id]), id);
        }
      } else {
        for (int id = indexed; id < n; id++) {
          put(t, hash(bytes, starts[id], starts[id + 1] - starts[id]), id);
        }
      }
      table = t;
      indexed = n;
    }

    private int add(byte[] utf8, int offset, int length, int hash) {
      int id = size;
      if (id + 1 >= starts.length) {
        starts = Arrays.copyOf(starts, starts.length * 2);
      }
      if (used + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(used + length, bytes.length * 2));
      }
      System.arraycopy(utf8, offset, bytes, used, length);
      used += length;
      size = id + 1;
      starts[size] = used;
      if (2L * size > table.length) {
        rehash(table.length * 2);
      }
      put(table, hash, id);
      indexed = size;
      return id;
    }

    private static void put(long[] table, int hash, int id) {
      int mask = table.length - 1;
      int slot = hash & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = ((long) hash << 32) | (id + 1L);
    }

    private void rehash(int slots) {
      long[] bigger = new long[slots];
      for (long entry : table) {
        if (entry != 0) {
          put(bigger, (int) (entry >>> 32), (int) entry - 1);
        }
      }
      table = bigger;
    }

    /**
     * UTF-8, except that an unpaired surrogate is written as its own three bytes rather than "?",
     * so that different strings never share bytes.
     */
    private static byte[] utf8(String value) {
      byte[] out = new byte[value.length() * 3];
      int n = 0;
      for (int i = 0; i < value.length(); i++) {
        int c = value.charAt(i);
        if (c < 0x80) {
          out[n++] = (byte) c;
        } else if (c < 0x800) {
          out[n++] = (byte) (0xC0 | (c >> 6));
          out[n++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate((char) c)
            && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          int cp = Character.toCodePoint((char) c, value.charAt(++i));
          out[n++] = (byte) (0xF0 | (cp >> 18));
          out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          out[n++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          out[n++] = (byte) (0xE0 | (c >> 12));
          out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          out[n++] = (byte) (0x80 | (c & 0x3F));
        }
      }
      return Arrays.copyOf(out, n);
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
    if (keepEventIds) {
      eventIds.intern(eventId);
    }
    return put(
        epochSecond,
        London.dayOf(epochSecond),
        (byte) eventType.ordinal(),
        cases.intern(caseId),
        children.intern(childId),
        workers.intern(workerId),
        teams.intern(teamId),
        details.intern(detailValue),
        refRow,
        dueDay);
  }

  /**
   * Adds an event whose values the caller has interned in this log's dictionaries (their ids, or -1
   * for none): for a reader that interns straight from bytes. When the log keeps event ids, the
   * event's id must have been interned just before, as value {@link #size()} of {@link
   * #eventIds()}.
   */
  public int addInterned(
      long epochSecond,
      EventType eventType,
      int caseId,
      int childId,
      int workerId,
      int teamId,
      int detailId,
      int refRow,
      int dueDay) {
    if (keepEventIds && eventIds.size() != size + 1) {
      throw new IllegalStateException("The event's id must be interned first, as a new value");
    }
    return put(
        epochSecond,
        London.dayOf(epochSecond),
        (byte) eventType.ordinal(),
        caseId,
        childId,
        workerId,
        teamId,
        detailId,
        refRow,
        dueDay);
  }

  /**
   * Adds row {@code row} of another log, its values interned here from their bytes (no strings are
   * made), without its reference (set it with {@link #setRef}); answers the new row.
   */
  public int addFrom(EventLog other, int row) {
    if (keepEventIds) {
      eventIds.internFrom(other.eventIds, row);
    }
    return put(
        other.at[row],
        other.day[row],
        other.type[row],
        from(cases, other.cases, other.caseOf[row]),
        from(children, other.children, other.childOf[row]),
        from(workers, other.workers, other.workerOf[row]),
        from(teams, other.teams, other.teamOf[row]),
        from(details, other.details, other.detail[row]),
        -1,
        other.due[row]);
  }

  /**
   * Adds rows {@code rows} of another log, in that order, as {@link #addFrom} would one by one, and
   * answers the first new row (row {@code rows[i]} becomes row {@code first + i}). Each distinct
   * value of the other log is interned here once, however many rows name it (a file names each
   * case, child, worker and team many times). A row referring to another of the rows added refers
   * to its new row; any other reference is left for the caller ({@link #setRef}).
   */
  public int addAllFrom(EventLog other, int[] rows) {
    int first = size;
    reserve(size + rows.length);
    int[] caseIds = unknown(other.cases);
    int[] childIds = unknown(other.children);
    int[] workerIds = unknown(other.workers);
    int[] teamIds = unknown(other.teams);
    int[] detailIds = unknown(other.details);
    int[] added = new int[other.size];
    Arrays.fill(added, -1);
    for (int i = 0; i < rows.length; i++) {
      int row = rows[i];
      if (keepEventIds) {
        eventIds.internFrom(other.eventIds, row);
      }
      added[row] =
          put(
              other.at[row],
              other.day[row],
              other.type[row],
              once(cases, other.cases, caseIds, other.caseOf[row]),
              once(children, other.children, childIds, other.childOf[row]),
              once(workers, other.workers, workerIds, other.workerOf[row]),
              once(teams, other.teams, teamIds, other.teamOf[row]),
              once(details, other.details, detailIds, other.detail[row]),
              -1,
              other.due[row]);
    }
    for (int row : rows) {
      int target = other.ref[row];
      if (target >= 0 && added[target] >= 0) {
        ref[added[row]] = added[target];
      }
    }
    return first;
  }

  /** A table of another dictionary's ids to this one's, none known yet. */
  private static int[] unknown(Dictionary theirs) {
    int[] ids = new int[theirs.size()];
    Arrays.fill(ids, Integer.MIN_VALUE);
    return ids;
  }

  private static int once(Dictionary mine, Dictionary theirs, int[] known, int id) {
    if (id < 0) {
      return -1;
    }
    int here = known[id];
    if (here == Integer.MIN_VALUE) {
      here = mine.internFrom(theirs, id);
      known[id] = here;
    }
    return here;
  }

  /** Writes a new row's columns (its values already interned here) and answers the row. */
  private int put(
      long epochSecond,
      int londonDay,
      byte typeOrdinal,
      int caseId,
      int childId,
      int workerId,
      int teamId,
      int detailId,
      int refRow,
      int dueDay) {
    grow();
    caseOrder = null;
    workerOrder = null;
    int row = size++;
    at[row] = epochSecond;
    day[row] = londonDay;
    type[row] = typeOrdinal;
    caseOf[row] = caseId;
    childOf[row] = childId;
    workerOf[row] = workerId;
    teamOf[row] = teamId;
    detail[row] = detailId;
    ref[row] = refRow;
    due[row] = dueDay;
    return row;
  }

  private static int from(Dictionary mine, Dictionary theirs, int id) {
    return id < 0 ? -1 : mine.internFrom(theirs, id);
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

  /** The row here of the event in row {@code row} of another log (by its id), or -1. */
  public int rowOf(EventLog other, int row) {
    return keepEventIds && other.keepEventIds ? eventIds.findFrom(other.eventIds, row) : -1;
  }
}
