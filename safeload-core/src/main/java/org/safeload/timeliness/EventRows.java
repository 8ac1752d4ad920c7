package org.safeload.timeliness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.safeload.document.FieldProblem;
import org.safeload.document.Ids;

/**
 * One run of consecutive rows of an event file, read from bytes and checked on its own (see {@link
 * EventCsv}, which merges runs in file order). RFC 4180 as Commons CSV reads it with surrounding
 * spaces ignored: a quote opens a quoted value only at the start of a value; {@code ""} inside one
 * is a quote; line ends are CRLF, LF or CR. Values are stripped of whitespace as {@link
 * String#strip()} does. Identifiers are interned into this run's dictionaries straight from the
 * bytes; a String is made only for a message.
 *
 * <p>Rows are numbered from 0 in the run; lines are counted from the run's first line (line 1), and
 * {@link EventCsv} adds the lines before the run.
 */
final class EventRows {

  static final int COLUMNS = 10;
  private static final int ID = 0;
  private static final int OCCURRED = 1;
  private static final int TYPE = 2;
  private static final int CASE = 3;
  private static final int CHILD = 4;
  private static final int WORKER = 5;
  private static final int TEAM = 6;
  private static final int DETAIL = 7;
  private static final int REF = 8;
  private static final int DUE = 9;

  /** The event types' codes, interned in ordinal order: an id here is an ordinal. */
  private static final EventLog.Dictionary TYPES = new EventLog.Dictionary();

  private static final String MEETING_KINDS_TEXT =
      String.join(", ", new java.util.TreeSet<>(EventCsv.MEETING_KINDS));

  static {
    for (EventType t : EventType.values()) {
      TYPES.intern(t.code());
    }
  }

  // What lex() answers besides the position after the record.
  private static final int NEED_MORE = -1;
  private static final int AT_END = -2;
  private static final int BAD_CSV = -3;

  /** The header's column for each of {@link EventCsv#HEADER}. */
  private final int[] columnOf;

  /** Where in the input the run starts and ends (after its last record's line end). */
  long start;

  long end;

  /** Line ends in the run. */
  int lines;

  /** The run stopped at a CSV syntax error (reported in problems): nothing after it is read. */
  boolean broken;

  /** The run reached the end of the input. */
  boolean atEnd;

  /** Rows of the right width (the others are only problems). */
  int size;

  long[] at;
  int[] day;
  byte[] type;
  int[] caseOf;
  int[] childOf;
  int[] workerOf;
  int[] teamOf;
  int[] detail;
  int[] due;
  int[] line;

  /** The row has a problem of its own (a duplicate id is found later). */
  boolean[] bad;

  /** Event ids: row r's is idBytes[idStart[r], idStart[r + 1]) ("" for none). */
  byte[] idBytes;

  int[] idStart;
  int[] idHash;

  /** Rows with a ref (in order): the row, the ref's bytes and hash. */
  int refs;

  int[] refRow;
  byte[] refBytes = new byte[256];
  int[] refStart = new int[65];
  int[] refHash = new int[64];

  final EventLog.Dictionary cases = new EventLog.Dictionary();
  final EventLog.Dictionary children = new EventLog.Dictionary();
  final EventLog.Dictionary workers = new EventLog.Dictionary();
  final EventLog.Dictionary teams = new EventLog.Dictionary();
  final EventLog.Dictionary details = new EventLog.Dictionary();

  /** Problems, with lines counted in the run. */
  final List<FieldProblem> problems = new ArrayList<>();

  /** Per detail: 0 not yet worked out, else 1 | VISIT_DETAIL | MEETING_KIND | CASE_TYPE. */
  private byte[] detailKinds = new byte[64];

  private static final int VISIT_DETAIL = 2;
  private static final int MEETING_KIND = 4;
  private static final int CASE_TYPE = 8;

  // The record being read: field f is buf[fieldStart[f], fieldEnd[f]), quoted[f] 0 plain, 1
  // quoted, 2 quoted with doubled quotes inside.
  private int fields;
  private int[] fieldStart = new int[16];
  private int[] fieldEnd = new int[16];
  private byte[] quoted = new byte[16];
  private int recordLines;
  private boolean nonAscii;
  private String csvError;
  private int csvErrorLine;
  private int csvErrorField;

  /** The values of the record's columns (stripped, unquoted): in vBuf[k] from vOff[k]. */
  private final byte[][] vBuf = new byte[COLUMNS][];

  private final int[] vOff = new int[COLUMNS];
  private final int[] vLen = new int[COLUMNS];
  private byte[] scratch = new byte[256];
  private int scratchUsed;

  EventRows(int[] columnOf, int capacity) {
    this.columnOf = columnOf;
    int n = Math.max(16, capacity);
    at = new long[n];
    day = new int[n];
    type = new byte[n];
    caseOf = new int[n];
    childOf = new int[n];
    workerOf = new int[n];
    teamOf = new int[n];
    detail = new int[n];
    due = new int[n];
    line = new int[n];
    bad = new boolean[n];
    idStart = new int[n + 1];
    idHash = new int[n];
    idBytes = new byte[n * 8];
    refRow = new int[64];
  }

  /** Empties the run, to read another with the same arrays. */
  void clear() {
    start = 0;
    end = 0;
    lines = 0;
    broken = false;
    atEnd = false;
    size = 0;
    refs = 0;
    cases.clear();
    children.clear();
    workers.clear();
    teams.clear();
    details.clear();
    problems.clear();
    Arrays.fill(detailKinds, (byte) 0);
    lastCase = -1;
    lastChild = -1;
    lastWorker = -1;
    lastTeam = -1;
    lastDetail = -1;
    Arrays.fill(recent, -1);
  }

  /** Reads the header: the first record's values as strings, or null for an empty input. */
  static Header header(ByteWindow w) throws IOException {
    EventRows rows = new EventRows(null, 16);
    int p = 0;
    while (true) {
      int next = rows.lex(w.buf, p, w.limit, w.eof);
      if (next == NEED_MORE) {
        w.more(p);
        p = 0;
        continue;
      }
      if (next == AT_END) {
        return null;
      }
      if (next == BAD_CSV) {
        return new Header(null, 0, 0, rows.csvError);
      }
      List<String> names = new ArrayList<>();
      for (int f = 0; f < rows.fields; f++) {
        rows.value(0, w.buf, f);
        if (!validUtf8(rows.vBuf[0], rows.vOff[0], rows.vLen[0])) {
          return new Header(null, 0, 0, null);
        }
        names.add(new String(rows.vBuf[0], rows.vOff[0], rows.vLen[0], StandardCharsets.UTF_8));
      }
      return new Header(names, w.base + next, rows.recordLines, null);
    }
  }

  /**
   * The header's values, where the rows begin and the line ends before them; or, if names is null,
   * why it could not be read (csvError, or invalid UTF-8 if that is null too).
   */
  record Header(List<String> names, long dataStart, int lines, String csvError) {}

  /**
   * Reads records from {@code p} in the window while they start before {@code endAt} in the input
   * and the run has fewer than {@code maxRows} rows.
   *
   * @return where it stopped in the window (which may have moved)
   */
  int read(ByteWindow w, int p, long endAt, int maxRows) throws IOException {
    start = w.base + p;
    while (w.base + p < endAt && size < maxRows) {
      int next = lex(w.buf, p, w.limit, w.eof);
      if (next == NEED_MORE) {
        w.more(p);
        p = 0;
        continue;
      }
      if (next == AT_END) {
        atEnd = true;
        break;
      }
      if (next == BAD_CSV) {
        String field = csvErrorField < COLUMNS && columnOf != null ? column(csvErrorField) : "";
        problems.add(
            new FieldProblem(
                lines + csvErrorLine, field, "The file is not valid CSV: " + csvError));
        broken = true;
        break;
      }
      record(w.buf, lines + 1);
      lines += recordLines;
      p = next;
    }
    end = w.base + p;
    if (w.eof && p >= w.limit) {
      atEnd = true;
    }
    return p;
  }

  /** The header name of the field at {@code index} in the file. */
  private String column(int index) {
    for (int k = 0; k < COLUMNS; k++) {
      if (columnOf[k] == index) {
        return EventCsv.HEADER.get(k);
      }
    }
    return "";
  }

  /**
   * Skips to the start of the first line that begins at or after {@code w.base + p + 1}: past the
   * first LF, or CR not followed by LF.
   *
   * @return its index in the window, or -1 if the input ends first
   */
  static int skipLine(ByteWindow w, int p) throws IOException {
    int i = p;
    while (true) {
      if (i >= w.limit) {
        if (!w.more(w.limit)) {
          return -1;
        }
        i = 0;
        continue;
      }
      byte c = w.buf[i];
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        if (i + 1 >= w.limit && !w.eof) {
          w.more(i);
          i = 0;
          continue;
        }
        return i + 1 < w.limit && w.buf[i + 1] == '\n' ? i + 2 : i + 1;
      }
      i++;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Lexing one record

  /**
   * Finds the fields of the record at {@code p}.
   *
   * @return the position after it (after its line end), or NEED_MORE, AT_END (no record: the input
   *     ends at p) or BAD_CSV
   */
  private int lex(byte[] b, int p, int limit, boolean eof) {
    int n = 0;
    int or = 0;
    fieldStart[0] = p;
    quoted[0] = 0;
    int i = p;
    long high = 0;
    while (true) {
      // Eight bytes at a time to the next comma, line end or quote.
      while (i + 8 <= limit) {
        long word = (long) LONG.get(b, i);
        long found = special(word);
        if (found == 0) {
          high |= word;
          i += 8;
          continue;
        }
        int skip = Long.numberOfTrailingZeros(found) >>> 3;
        high |= word & ((1L << (skip << 3)) - 1);
        i += skip;
        break;
      }
      if (i >= limit) {
        if (!eof) {
          return NEED_MORE;
        }
        if (i == p) {
          return AT_END;
        }
        fieldEnd[n] = i;
        return ended(n, or | flag(high), 0, i);
      }
      byte c = b[i];
      if (c == ',') {
        fieldEnd[n] = i;
        n++;
        if (n == fieldStart.length) {
          growFields();
        }
        fieldStart[n] = i + 1;
        quoted[n] = 0;
      } else if (c == '\n') {
        fieldEnd[n] = i;
        return ended(n, or | flag(high), 1, i + 1);
      } else if (c == '\r') {
        if (i + 1 >= limit && !eof) {
          return NEED_MORE;
        }
        fieldEnd[n] = i;
        return ended(n, or | flag(high), 1, i + 1 < limit && b[i + 1] == '\n' ? i + 2 : i + 1);
      } else if (c == '"') {
        int next = lexQuoted(b, p, limit, eof);
        if (next >= 0) {
          for (int k = p; k < next; k++) {
            or |= b[k];
          }
          nonAscii = or < 0;
        }
        return next;
      }
      or |= c;
      i++;
    }
  }

  private static final java.lang.invoke.VarHandle LONG =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * A high bit in each byte of the word that is a comma, CR, LF or quote (exact for the lowest).
   */
  private static long special(long word) {
    return zero(word ^ (ONES * ','))
        | zero(word ^ (ONES * '\n'))
        | zero(word ^ (ONES * '\r'))
        | zero(word ^ (ONES * '"'));
  }

  private static int flag(long high) {
    return (high & HIGHS) != 0 ? -1 : 0;
  }

  private static long zero(long x) {
    return (x - ONES) & ~x & HIGHS;
  }

  private int ended(int last, int or, int lineEnds, int next) {
    fields = last + 1;
    nonAscii = or < 0;
    recordLines = lineEnds;
    return next;
  }

  private void growFields() {
    int n = fieldStart.length * 2;
    fieldStart = Arrays.copyOf(fieldStart, n);
    fieldEnd = Arrays.copyOf(fieldEnd, n);
    quoted = Arrays.copyOf(quoted, n);
  }

  /** The record has a quote somewhere: read it value by value, as Commons CSV does. */
  private int lexQuoted(byte[] b, int p, int limit, boolean eof) {
    int n = 0;
    int lineEnds = 0;
    int i = p;
    while (true) {
      // Spaces before a value.
      while (true) {
        if (i >= limit) {
          if (!eof) {
            return NEED_MORE;
          }
          break;
        }
        byte c = b[i];
        if (c == '\n' || c == '\r') {
          break;
        }
        int w = space(b, i, limit);
        if (w < 0) {
          if (!eof) {
            return NEED_MORE;
          }
          break;
        }
        if (w == 0) {
          break;
        }
        i += w;
      }
      fieldStart[n] = i;
      quoted[n] = 0;
      if (i >= limit) {
        if (n == 0 && i == p) {
          return AT_END;
        }
        fieldEnd[n] = i;
        return ended(n, 0, lineEnds, i);
      }
      byte c = b[i];
      if (c == '"') {
        int from = i + 1;
        int startLine = lineEnds;
        byte kind = 1;
        i++;
        while (true) {
          if (i >= limit) {
            if (!eof) {
              return NEED_MORE;
            }
            return csvError(
                startLine,
                n,
                "a quoted value that starts on this line is not closed before the end of the"
                    + " file");
          }
          c = b[i];
          if (c == '"') {
            if (i + 1 >= limit && !eof) {
              return NEED_MORE;
            }
            if (i + 1 < limit && b[i + 1] == '"') {
              kind = 2;
              i += 2;
              continue;
            }
            break;
          }
          if (c == '\r' || (c == '\n' && b[i - 1] != '\r')) {
            lineEnds++;
          }
          i++;
        }
        fieldStart[n] = from;
        fieldEnd[n] = i;
        quoted[n] = kind;
        i++;
        // After the closing quote: spaces, then a comma, a line end or the end of the input.
        while (true) {
          if (i >= limit) {
            if (!eof) {
              return NEED_MORE;
            }
            return ended(n, 0, lineEnds, i);
          }
          c = b[i];
          if (c == ',') {
            i++;
            break;
          }
          if (c == '\n') {
            return ended(n, 0, lineEnds + 1, i + 1);
          }
          if (c == '\r') {
            if (i + 1 >= limit && !eof) {
              return NEED_MORE;
            }
            return ended(n, 0, lineEnds + 1, i + 1 < limit && b[i + 1] == '\n' ? i + 2 : i + 1);
          }
          int w = space(b, i, limit);
          if (w < 0 && !eof) {
            return NEED_MORE;
          }
          if (w <= 0) {
            return csvError(
                lineEnds,
                n,
                "only a comma or the end of the line may follow a closing quote (not "
                    + shown(b, i, limit)
                    + ")");
          }
          i += w;
        }
      } else {
        // A plain value: to the next comma or line end (a quote in it is a quote).
        while (true) {
          if (i >= limit) {
            if (!eof) {
              return NEED_MORE;
            }
            fieldEnd[n] = i;
            return ended(n, 0, lineEnds, i);
          }
          c = b[i];
          if (c == ',') {
            fieldEnd[n] = i;
            i++;
            break;
          }
          if (c == '\n') {
            fieldEnd[n] = i;
            return ended(n, 0, lineEnds + 1, i + 1);
          }
          if (c == '\r') {
            if (i + 1 >= limit && !eof) {
              return NEED_MORE;
            }
            fieldEnd[n] = i;
            return ended(n, 0, lineEnds + 1, i + 1 < limit && b[i + 1] == '\n' ? i + 2 : i + 1);
          }
          i++;
        }
      }
      n++;
      if (n == fieldStart.length) {
        growFields();
      }
    }
  }

  private int csvError(int lineEnds, int field, String message) {
    csvError = message;
    csvErrorLine = lineEnds + 1;
    csvErrorField = field;
    return BAD_CSV;
  }

  /** The character at i, for a message. */
  private static String shown(byte[] b, int i, int limit) {
    int n = 1;
    while (n < 4 && i + n < limit && (b[i + n] & 0xC0) == 0x80) {
      n++;
    }
    return new String(b, i, n, StandardCharsets.UTF_8);
  }

  /**
   * The length of the whitespace character (as {@link Character#isWhitespace(char)}) at i: 0 if
   * there is none, -1 if the window ends in the middle of one.
   */
  private static int space(byte[] b, int i, int limit) {
    int c = b[i] & 0xff;
    if (c < 0x80) {
      return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F) ? 1 : 0;
    }
    if (c < 0xE1 || c > 0xE3) {
      return 0;
    }
    if (i + 2 >= limit) {
      return -1;
    }
    return space3(c, b[i + 1] & 0xff, b[i + 2] & 0xff) ? 3 : 0;
  }

  /** U+1680, U+2000–U+2006, U+2008–U+200A, U+2028, U+2029, U+205F, U+3000 in UTF-8. */
  private static boolean space3(int b0, int b1, int b2) {
    return switch (b0) {
      case 0xE1 -> b1 == 0x9A && b2 == 0x80;
      case 0xE2 ->
          (b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8A && b2 != 0x87) || b2 == 0xA8 || b2 == 0xA9))
              || (b1 == 0x81 && b2 == 0x9F);
      case 0xE3 -> b1 == 0x80 && b2 == 0x80;
      default -> false;
    };
  }

  /** Sets column k's value: field f, unquoted and stripped. */
  private void value(int k, byte[] b, int f) {
    int s = fieldStart[f];
    int e = fieldEnd[f];
    if (s == e || (b[s] > ' ' && b[e - 1] > ' ' && quoted[f] == 0)) {
      // Nothing to strip (a byte above space and below 0x80 is not whitespace).
      vBuf[k] = b;
      vOff[k] = s;
      vLen[k] = e - s;
      return;
    }
    if (quoted[f] == 2) {
      int need = scratchUsed + (e - s);
      if (need > scratch.length) {
        scratch = Arrays.copyOf(scratch, Math.max(need, scratch.length * 2));
        // Earlier columns' values in the old scratch stay valid: they keep their own array.
      }
      int to = scratchUsed;
      for (int i = s; i < e; i++) {
        scratch[to++] = b[i];
        if (b[i] == '"') {
          i++;
        }
      }
      b = scratch;
      s = scratchUsed;
      e = to;
      scratchUsed = to;
    }
    while (s < e) {
      int w = space(b, s, e);
      if (w <= 0) {
        break;
      }
      s += w;
    }
    while (e > s) {
      int c = b[e - 1] & 0xff;
      if (c < 0x80) {
        if (c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F)) {
          e--;
          continue;
        }
        break;
      }
      if (e - s >= 3 && space3(b[e - 3] & 0xff, b[e - 2] & 0xff, c)) {
        e -= 3;
        continue;
      }
      break;
    }
    vBuf[k] = b;
    vOff[k] = s;
    vLen[k] = e - s;
  }

  private String text(int k) {
    return new String(vBuf[k], vOff[k], vLen[k], StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------
  // Checking one row

  /** Checks the record just lexed (on line {@code ln} of the run) and keeps it if it has ten. */
  private void record(byte[] b, int ln) {
    scratchUsed = 0;
    if (fields == 1) {
      value(0, b, 0);
      if (vLen[0] == 0) {
        return; // a blank line
      }
    }
    if (fields != COLUMNS) {
      problems.add(
          new FieldProblem(ln, "", "Row has " + fields + " values but the header has " + COLUMNS));
      return;
    }
    for (int k = 0; k < COLUMNS; k++) {
      value(k, b, columnOf[k]);
    }
    if (nonAscii && !validText(ln)) {
      return;
    }
    int before = problems.size();
    if (vLen[ID] == 0) {
      problems.add(new FieldProblem(ln, "event_id", "Enter the event's id"));
    }
    long when = 0;
    int localDay = 0;
    long dateTime = dateTime(vBuf[OCCURRED], vOff[OCCURRED], vLen[OCCURRED]);
    boolean readable = true;
    if (dateTime == NOT_FAST) {
      LocalDateTime parsed = null;
      try {
        parsed = LocalDateTime.parse(text(OCCURRED));
      } catch (DateTimeParseException e) {
        readable = false;
        problems.add(
            new FieldProblem(
                ln,
                "occurred_at",
                "Must be a London date and time like 2022-05-03T14:30 (not "
                    + text(OCCURRED)
                    + ")"));
      }
      if (parsed != null) {
        long d = parsed.toLocalDate().toEpochDay();
        localDay = d < London.FIRST_DAY || d >= London.LAST_DAY ? Integer.MIN_VALUE : (int) d;
        if (localDay != Integer.MIN_VALUE) {
          when = London.epochSecond(parsed);
        }
      }
    } else {
      localDay = (int) (dateTime >> 17);
      if (localDay < London.FIRST_DAY || localDay >= London.LAST_DAY) {
        localDay = Integer.MIN_VALUE;
      } else {
        when = London.epochSecond(localDay, (int) (dateTime & 0x1FFFF));
      }
    }
    if (readable && localDay == Integer.MIN_VALUE) {
      problems.add(
          new FieldProblem(
              ln, "occurred_at", "Must be between 2000 and 2040 (not " + text(OCCURRED) + ")"));
    }
    int t = type(vBuf[TYPE], vOff[TYPE], vLen[TYPE]);
    if (t < 0) {
      problems.add(
          new FieldProblem(
              ln, "type", "Must be one of: " + EventType.codes() + " (not " + text(TYPE) + ")"));
    }
    int dueDay = EventLog.NO_DATE;
    if (vLen[DUE] > 0) {
      long d = date(vBuf[DUE], vOff[DUE], vLen[DUE]);
      if (d == NOT_FAST) {
        try {
          dueDay = (int) LocalDate.parse(text(DUE)).toEpochDay();
        } catch (DateTimeParseException e) {
          problems.add(
              new FieldProblem(
                  ln, "due_date", "Must be a date like 2022-05-03 (not " + text(DUE) + ")"));
        }
      } else {
        dueDay = (int) d;
      }
      if (dueDay != EventLog.NO_DATE && (dueDay < London.FIRST_DAY || dueDay >= London.LAST_DAY)) {
        problems.add(
            new FieldProblem(
                ln, "due_date", "Must be between 2000 and 2040 (not " + text(DUE) + ")"));
        dueDay = EventLog.NO_DATE;
      }
    }
    checkIds(ln);
    int detailId = lastDetail = intern(details, lastDetail, DETAIL);
    if (t >= 0) {
      check(EventType.of(t), ln, detailId);
    }
    int r = size;
    if (r == at.length) {
      grow();
    }
    at[r] = when;
    day[r] = localDay;
    type[r] = (byte) t;
    caseOf[r] = lastCase = intern(cases, lastCase, CASE);
    childOf[r] = lastChild = intern(children, lastChild, CHILD);
    workerOf[r] = lastWorker = intern(workers, lastWorker, WORKER);
    teamOf[r] = lastTeam = intern(teams, lastTeam, TEAM);
    detail[r] = detailId;
    due[r] = dueDay;
    line[r] = ln;
    bad[r] = problems.size() != before;
    int idLen = vLen[ID];
    int idAt = idStart[r];
    if (idAt + idLen > idBytes.length) {
      idBytes = Arrays.copyOf(idBytes, Math.max(idAt + idLen, idBytes.length * 2));
    }
    System.arraycopy(vBuf[ID], vOff[ID], idBytes, idAt, idLen);
    idStart[r + 1] = idAt + idLen;
    idHash[r] = EventLog.Dictionary.hash(idBytes, idAt, idLen);
    if (vLen[REF] > 0 && t >= 0) {
      addRef(r);
    }
    size = r + 1;
  }

  // The ids of the row before: rows of a case, a worker or a team often come together.
  private int lastCase = -1;
  private int lastChild = -1;
  private int lastWorker = -1;
  private int lastTeam = -1;
  private int lastDetail = -1;

  /**
   * Recently seen ids of each column, by a few of their bytes (checked before the dictionary is
   * asked, which hashes the value): small dictionaries (teams, details) are answered here.
   */
  private final int[] recent = new int[COLUMNS * 64];

  {
    Arrays.fill(recent, -1);
  }

  private int intern(EventLog.Dictionary dictionary, int last, int k) {
    byte[] b = vBuf[k];
    int o = vOff[k];
    int n = vLen[k];
    if (n == 0) {
      return -1;
    }
    if (last >= 0 && dictionary.is(last, b, o, n)) {
      return last;
    }
    int slot = k * 64 + ((n * 31 + b[o] * 7 + b[o + n - 1]) & 63);
    int id = recent[slot];
    if (id < 0 || !dictionary.is(id, b, o, n)) {
      id = dictionary.intern(b, o, n);
      recent[slot] = id;
    }
    return id;
  }

  /** Candidate type ordinals by the code's length and first letter. */
  private static final byte[] TYPE_BY_START = new byte[32 * 128];

  static {
    Arrays.fill(TYPE_BY_START, (byte) -1);
    for (EventType t : EventType.values()) {
      int at = t.code().length() * 128 + t.code().charAt(0);
      if (TYPE_BY_START[at] >= 0) {
        throw new IllegalStateException("Two event types' codes start alike: " + t.code());
      }
      TYPE_BY_START[at] = (byte) t.ordinal();
    }
  }

  /** The type of a code, or -1. */
  private static int type(byte[] b, int o, int n) {
    if (n == 0 || n >= 32 || b[o] < 0) {
      return -1;
    }
    int t = TYPE_BY_START[n * 128 + b[o]];
    return t >= 0 && TYPES.is(t, b, o, n) ? t : -1;
  }

  private void addRef(int r) {
    int n = refs;
    if (n == refRow.length) {
      refRow = Arrays.copyOf(refRow, n * 2);
      refHash = Arrays.copyOf(refHash, n * 2);
      refStart = Arrays.copyOf(refStart, n * 2 + 1);
    }
    int len = vLen[REF];
    int s = refStart[n];
    if (s + len > refBytes.length) {
      refBytes = Arrays.copyOf(refBytes, Math.max(s + len, refBytes.length * 2));
    }
    System.arraycopy(vBuf[REF], vOff[REF], refBytes, s, len);
    refStart[n + 1] = s + len;
    refHash[n] = EventLog.Dictionary.hash(refBytes, s, len);
    refRow[n] = r;
    refs = n + 1;
  }

  private void grow() {
    int n = at.length * 2;
    at = Arrays.copyOf(at, n);
    day = Arrays.copyOf(day, n);
    type = Arrays.copyOf(type, n);
    caseOf = Arrays.copyOf(caseOf, n);
    childOf = Arrays.copyOf(childOf, n);
    workerOf = Arrays.copyOf(workerOf, n);
    teamOf = Arrays.copyOf(teamOf, n);
    detail = Arrays.copyOf(detail, n);
    due = Arrays.copyOf(due, n);
    line = Arrays.copyOf(line, n);
    bad = Arrays.copyOf(bad, n);
    idStart = Arrays.copyOf(idStart, n + 1);
    idHash = Arrays.copyOf(idHash, n);
  }

  /** Every value of a row with non-ASCII bytes must be UTF-8. */
  private boolean validText(int ln) {
    boolean valid = true;
    for (int k = 0; k < COLUMNS; k++) {
      if (!validUtf8(vBuf[k], vOff[k], vLen[k])) {
        problems.add(
            new FieldProblem(
                ln,
                EventCsv.HEADER.get(k),
                "Is not UTF-8 text: save the file as CSV UTF-8 (this row is not read)"));
        valid = false;
      }
    }
    return valid;
  }

  /** Whether the bytes are well-formed UTF-8 (as Java's decoder accepts it). */
  static boolean validUtf8(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    while (i < end) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
        min = 0x80;
        c &= 0x1F;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        min = 0x800;
        c &= 0x0F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        min = 0x10000;
        c &= 0x07;
      } else {
        return false;
      }
      if (i + n >= end) {
        return false;
      }
      for (int k = 1; k <= n; k++) {
        int d = b[i + k] & 0xff;
        if ((d & 0xC0) != 0x80) {
          return false;
        }
        c = (c << 6) | (d & 0x3F);
      }
      if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return false;
      }
      i += n + 1;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Dates

  /** A date or date-time the fast path cannot read: LocalDate(Time).parse decides. */
  private static final long NOT_FAST = Long.MIN_VALUE;

  /**
   * {@code yyyy-MM-ddTHH:mm} or {@code yyyy-MM-ddTHH:mm:ss}, valid, as (epoch day << 17) | second
   * of day; anything else NOT_FAST (the slow path then accepts or refuses it as before).
   */
  private static long dateTime(byte[] b, int o, int len) {
    if ((len != 16 && len != 19) || b[o + 10] != 'T' || b[o + 13] != ':') {
      return NOT_FAST;
    }
    long d = date(b, o, 10);
    if (d == NOT_FAST) {
      return NOT_FAST;
    }
    int h = two(b, o + 11);
    int m = two(b, o + 14);
    int s = 0;
    if (len == 19) {
      if (b[o + 16] != ':') {
        return NOT_FAST;
      }
      s = two(b, o + 17);
    }
    if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) {
      return NOT_FAST;
    }
    return (d << 17) | (h * 3600 + m * 60 + s);
  }

  /** {@code yyyy-MM-dd}, valid, as an epoch day; else NOT_FAST. */
  private static long date(byte[] b, int o, int len) {
    if (len != 10 || b[o + 4] != '-' || b[o + 7] != '-') {
      return NOT_FAST;
    }
    int y1 = two(b, o);
    int y2 = two(b, o + 2);
    int m = two(b, o + 5);
    int d = two(b, o + 8);
    if (y1 < 0 || y2 < 0 || m < 1 || m > 12 || d < 1) {
      return NOT_FAST;
    }
    int y = y1 * 100 + y2;
    boolean leap = (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
    int length =
        switch (m) {
          case 2 -> leap ? 29 : 28;
          case 4, 6, 9, 11 -> 30;
          default -> 31;
        };
    if (d > length) {
      return NOT_FAST;
    }
    // Days from civil (proleptic Gregorian).
    int yy = m <= 2 ? y - 1 : y;
    int era = Math.floorDiv(yy, 400);
    int yoe = yy - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468;
  }

  private static int two(byte[] b, int o) {
    int a = b[o] - '0';
    int c = b[o + 1] - '0';
    if (a < 0 || a > 9 || c < 0 || c > 9) {
      return -1;
    }
    return a * 10 + c;
  }

  // ---------------------------------------------------------------------------------------------
  // The rules for each type (as EventCsv has always checked them)

  private void check(EventType t, int ln, int detailId) {
    boolean noWorker = vLen[WORKER] == 0;
    if (t.workerEvent()) {
      if (noWorker) {
        problems.add(new FieldProblem(ln, "worker_id", "A " + t.code() + " names its worker"));
      }
    } else {
      if (vLen[CASE] == 0) {
        problems.add(new FieldProblem(ln, "case_id", "A " + t.code() + " belongs to a case"));
      }
      if (vLen[CHILD] == 0) {
        problems.add(new FieldProblem(ln, "child_id", "A " + t.code() + " names the child"));
      }
    }
    switch (t) {
      case ALLOCATED -> {
        if (noWorker) {
          problems.add(new FieldProblem(ln, "worker_id", "An allocation names the worker"));
        }
      }
      case VISIT -> {
        if ((kinds(detailId) & VISIT_DETAIL) == 0) {
          problems.add(
              new FieldProblem(
                  ln,
                  "detail",
                  "A visit's detail is seen or not-seen (not " + show(detailId) + ")"));
        }
      }
      case MEETING -> {
        if ((kinds(detailId) & MEETING_KIND) == 0) {
          problems.add(
              new FieldProblem(
                  ln,
                  "detail",
                  "A meeting's detail is its kind: "
                      + MEETING_KINDS_TEXT
                      + " (not "
                      + show(detailId)
                      + ")"));
        }
      }
      case CASE_TYPE_CHANGED -> {
        if ((kinds(detailId) & CASE_TYPE) == 0) {
          problems.add(
              new FieldProblem(
                  ln,
                  "detail",
                  "The new case type: " + CaseType.codes() + " (not " + show(detailId) + ")"));
        }
      }
      case STEPPED_DOWN -> {
        if (detailId >= 0 && (kinds(detailId) & CASE_TYPE) == 0) {
          problems.add(
              new FieldProblem(
                  ln,
                  "detail",
                  "The case type stepped down to: "
                      + CaseType.codes()
                      + ", or empty to leave children's social care (not "
                      + details.get(detailId)
                      + ")"));
        }
      }
      case MEASURED_FROM -> {
        if (detailId < 0) {
          problems.add(
              new FieldProblem(
                  ln,
                  "detail",
                  "A measured-from names the rules it starts (rule ids, separated by spaces)"));
        }
      }
      case TRANSFERRED -> {
        if (vLen[TEAM] == 0) {
          problems.add(new FieldProblem(ln, "team_id", "A transfer names the team it goes to"));
        }
      }
      case DOCUMENT_SUBMITTED -> {
        if (vLen[DUE] == 0) {
          problems.add(new FieldProblem(ln, "due_date", "A submitted document has its due date"));
        }
      }
      case VISIT_WRITE_UP, MINUTES_DISTRIBUTED -> {
        if (vLen[REF] == 0) {
          problems.add(
              new FieldProblem(
                  ln,
                  "ref",
                  "A "
                      + t.code()
                      + " refers to the event_id of its "
                      + (t == EventType.VISIT_WRITE_UP ? "visit" : "meeting")));
        }
      }
      default -> {}
    }
  }

  /** What a detail value may be (worked out once per value). */
  private int kinds(int detailId) {
    if (detailId < 0) {
      return 1;
    }
    if (detailId >= detailKinds.length) {
      detailKinds = Arrays.copyOf(detailKinds, Math.max(detailId + 1, detailKinds.length * 2));
    }
    int k = detailKinds[detailId];
    if (k == 0) {
      String value = details.get(detailId);
      k =
          1
              | (EventCsv.VISIT_DETAILS.contains(value) ? VISIT_DETAIL : 0)
              | (EventCsv.MEETING_KINDS.contains(value) ? MEETING_KIND : 0)
              | (CaseType.fromCode(value).isPresent() ? CASE_TYPE : 0);
      detailKinds[detailId] = (byte) k;
    }
    return k;
  }

  /** The columns holding ids, and their names. */
  private static final int[] ID_COLUMNS = {ID, CASE, CHILD, WORKER, TEAM, REF};

  /** Every id given must follow {@link Ids}' rule (checked byte by byte: no String is made). */
  private void checkIds(int ln) {
    for (int k : ID_COLUMNS) {
      if (vLen[k] > 0 && !Ids.valid(vBuf[k], vOff[k], vLen[k])) {
        problems.add(
            new FieldProblem(
                ln, EventCsv.HEADER.get(k), "Must be " + Ids.RULE + " (not " + shownText(k) + ")"));
      }
    }
  }

  private String shownText(int k) {
    return Ids.shown(text(k));
  }

  private String show(int detailId) {
    return detailId < 0 ? "empty" : details.get(detailId);
  }
}
