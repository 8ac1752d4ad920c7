package org.safeload.timeliness;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.safeload.document.FieldProblem;

/**
 * The case activity file (docs/timeliness.md): UTF-8 CSV with the header {@code
 * event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date}. Every row is
 * checked; a file with any bad row gives no events, and every problem names its line and field.
 *
 * <p>The file is read as bytes (docs/adr/0010-event-files-read-as-bytes.md): values are checked and
 * their identifiers interned straight from the input, without a String per value. A file given by
 * its path is read in runs of about {@value #RUN_BYTES} bytes on a few threads (each run starts at
 * a line start found by looking for the first line end in it, and is kept only if the run before it
 * ended just there: otherwise, a quoted value with a line break spanned the two, and that part is
 * read again in order); runs are merged in file order, so the answer, the problems and the order of
 * every dictionary are the same as reading the file from start to end.
 */
public final class EventCsv {

  public static final List<String> HEADER =
      List.of(
          "event_id",
          "occurred_at",
          "type",
          "case_id",
          "child_id",
          "worker_id",
          "team_id",
          "detail",
          "ref",
          "due_date");
  public static final Set<String> VISIT_DETAILS = Set.of("seen", "not-seen");
  public static final Set<String> MEETING_KINDS =
      Set.of(
          "strategy-discussion",
          "strategy-discussion-no-icpc",
          "icpc",
          "rcpc",
          "core-group",
          "cin-review");

  /** A file larger than this is read in runs of this size on several threads. */
  static final int RUN_BYTES = 8 << 20;

  /** A stream is merged in runs of this many rows (so that a run's columns stay small). */
  private static final int STREAM_ROWS = 1 << 16;

  /**
   * The events, or the problems (never both). Row r of the log is the file's r-th event (blank
   * lines aside): its id is {@code log.eventIds().get(r)}; its {@code ref}, when it names an event
   * in the file, is that event's row in {@link EventLog#columns()}, and when it names an event
   * stored before, the id is in {@code externalRefs} (by row); {@code lines} gives each row's line.
   */
  public record Result(
      EventLog log, List<FieldProblem> problems, Map<Integer, String> externalRefs, int[] lines) {

    public Result(EventLog log, List<FieldProblem> problems) {
      this(log, problems, Map.of(), new int[0]);
    }

    /** Row r's line in the file (the header is line 1). */
    public int line(int row) {
      return lines[row];
    }

    /** Row r's event_id. */
    public String eventId(int row) {
      return log.eventIds().get(row);
    }

    /** The event_id row r refers to (in the file or stored before), or null. */
    public String refId(int row) {
      int target = log.ref[row];
      return target >= 0 ? log.eventIds().get(target) : externalRefs.get(row);
    }
  }

  private EventCsv() {}

  /** An event already stored, that a new row may refer to. */
  public record KnownEvent(EventType type, String caseId) {

    /** The events of a log, by id, as a reader looks them up. */
    public static Function<String, Optional<KnownEvent>> in(EventLog log) {
      return id -> {
        int row = log.rowOf(id);
        return row < 0
            ? Optional.empty()
            : Optional.of(new KnownEvent(log.type(row), log.cases().get(log.caseOf(row))));
      };
    }
  }

  public static Result read(Reader reader) {
    return read(reader, id -> Optional.empty());
  }

  /**
   * Reads events whose {@code ref} may also name an event stored before.
   *
   * @param known stored events by id
   */
  public static Result read(Reader reader, Function<String, Optional<KnownEvent>> known) {
    try {
      return read(new Utf8Stream(reader), known);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a file from a stream, from start to end, never holding more of it than a buffer of about
   * a megabyte (and the longest row).
   */
  public static Result read(InputStream in, Function<String, Optional<KnownEvent>> known)
      throws IOException {
    ByteWindow window = ByteWindow.of(in, 1 << 20);
    List<FieldProblem> problems = new ArrayList<>();
    EventRows.Header header = EventRows.header(window);
    int[] columnOf = columns(header, problems);
    if (columnOf == null) {
      return new Result(null, problems);
    }
    EventCsvMerger merger = new EventCsvMerger(header.lines());
    readInOrder(window, (int) (header.dataStart() - window.base), columnOf, merger);
    return merger.finish(known);
  }

  /** Reads a file, in runs on as many threads as there are processors if it is large. */
  public static Result read(Path file, Function<String, Optional<KnownEvent>> known)
      throws IOException {
    return read(file, known, RUN_BYTES, Runtime.getRuntime().availableProcessors());
  }

  /** As {@link #read(Path, Function)}, in runs of {@code runBytes} on {@code threads} threads. */
  static Result read(
      Path file, Function<String, Optional<KnownEvent>> known, int runBytes, int threads)
      throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > TRAIN_ABOVE) {
        train();
      }
      ByteWindow window =
          ByteWindow.of(channel, 0, new byte[(int) Math.max(16, Math.min(size + 1, 1 << 20))]);
      List<FieldProblem> problems = new ArrayList<>();
      EventRows.Header header = EventRows.header(window);
      int[] columnOf = columns(header, problems);
      if (columnOf == null) {
        return new Result(null, problems);
      }
      EventCsvMerger merger = new EventCsvMerger(header.lines());
      long dataStart = header.dataStart();
      if (threads < 2 || size - dataStart <= runBytes) {
        readInOrder(window, (int) (dataStart - window.base), columnOf, merger);
      } else {
        readInRuns(channel, size, dataStart, columnOf, runBytes, threads, merger);
      }
      return merger.finish(known);
    }
  }

  /** A file larger than this is read after {@link #train()}. */
  private static final long TRAIN_ABOVE = 32L << 20;

  private static volatile boolean trained;

  /**
   * Reads a small file with a row of every kind (every type, ids of 1 to 20 bytes, refs, dates,
   * quotes, spaces, CRLF) a few thousand rows' worth, once per JVM, before a large file. The JIT
   * then compiles the reader with every path already seen: otherwise each kind first met far into a
   * file (the supervisions at its end, the first eight-byte id at row a million) throws the
   * compiled reader away and compiles it again, about a second of CPU each time on two cores.
   */
  static void train() {
    if (trained) {
      return;
    }
    trained = true;
    byte[] bytes = trainingFile();
    try {
      for (int round = 0; round < 50; round++) {
        read(new java.io.ByteArrayInputStream(bytes), id -> Optional.empty());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Warms a long-running process's import path before its first upload: the reader (as {@link
   * #train()} does before a large file; an upload is a stream whose size is not known in advance,
   * so it is never trained on its own), then adding the rows read to another log from their bytes
   * and ordering it, as a live log takes an import. Cold, the first import of a large council's
   * file (377,028 rows) spent about a second more in these than warm. Safe to call more than once
   * and from any thread; it changes nothing but the JIT's state.
   */
  public static void warmUp() {
    train();
    EventLog read;
    try {
      read = read(new java.io.ByteArrayInputStream(trainingFile()), id -> Optional.empty()).log();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int[] rows = java.util.stream.IntStream.range(0, read.size()).toArray();
    for (int round = 0; round < 2_000; round++) {
      EventLog live = new EventLog();
      live.addAllFrom(read, rows);
      Timeliness.prepare(live);
    }
  }

  /** The file {@link #train()} reads: 80 good rows of every kind. */
  static byte[] trainingFile() {
    StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
    String visit = "";
    String meeting = "";
    EventType[] types = EventType.values();
    for (int i = 0; i < 80; i++) {
      EventType t = types[i % types.length];
      String id = "T" + "x".repeat(i % 20) + i;
      String detail =
          switch (t) {
            case VISIT -> i % 2 == 0 ? "seen" : " not-seen ";
            case MEETING -> "\"icpc\"";
            case CASE_TYPE_CHANGED, ALLOCATED -> "cp";
            case STEPPED_DOWN -> i % 2 == 0 ? "cin" : "";
            case MEASURED_FROM -> "cp-visit-10wd rcpc-3m-then-6m";
            case DOCUMENT_SUBMITTED -> "\"a \"\"report\"\"\"";
            default -> "";
          };
      String ref =
          switch (t) {
            case VISIT_WRITE_UP -> visit;
            case MINUTES_DISTRIBUTED -> meeting;
            default -> "";
          };
      boolean worker = t.workerEvent();
      csv.append(id)
          .append(',')
          .append(LocalDate.of(2024, 1, 1).plusDays(i).atTime(9, i % 60, i % 2 == 0 ? 0 : 30))
          .append(',')
          .append(t.code())
          .append(',')
          .append(worker ? "" : "C" + i / 15)
          .append(',')
          .append(worker ? "" : "K" + i / 15)
          .append(",W")
          .append(i % 7)
          .append(",T")
          .append(i % 3)
          .append(',')
          .append(detail)
          .append(',')
          .append(ref)
          .append(',')
          .append(t == EventType.DOCUMENT_SUBMITTED ? LocalDate.of(2024, 2, 1 + i % 28) : "")
          .append(i % 3 == 0 ? "\r\n" : "\n");
      if (i % 11 == 0) {
        csv.append("\n");
      }
      if (t == EventType.VISIT) {
        visit = id;
      } else if (t == EventType.MEETING) {
        meeting = id;
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void readInOrder(ByteWindow window, int p, int[] columnOf, EventCsvMerger merger)
      throws IOException {
    EventRows run = new EventRows(columnOf, 1024);
    while (true) {
      p = run.read(window, p, Long.MAX_VALUE, STREAM_ROWS);
      merger.accept(run);
      if (run.atEnd || run.broken) {
        return;
      }
      run.clear();
    }
  }

  private static void readInRuns(
      FileChannel channel,
      long size,
      long dataStart,
      int[] columnOf,
      int runBytes,
      int threads,
      EventCsvMerger merger)
      throws IOException {
    int runs = (int) ((size - dataStart + runBytes - 1) / runBytes);
    ConcurrentLinkedQueue<byte[]> buffers = new ConcurrentLinkedQueue<>();
    // Runs merged are read into again (their columns are large: fewer collections).
    ConcurrentLinkedQueue<EventRows> spare = new ConcurrentLinkedQueue<>();
    int bufferBytes =
        (int) Math.min(Integer.MAX_VALUE - 16, runBytes + Math.min(runBytes, 64L << 10) + 16);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "event-csv");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<EventRows>> futures = new ArrayList<>();
      // At most this many runs are read ahead of the merge, so that their columns stay few.
      int ahead = threads * 2;
      for (int k = 0; k < runs && k < ahead; k++) {
        futures.add(
            submit(
                pool,
                channel,
                k,
                runs,
                dataStart,
                runBytes,
                columnOf,
                buffers,
                spare,
                bufferBytes));
      }
      long pos = dataStart;
      for (int k = 0; k < runs; k++) {
        EventRows run = get(futures.get(k));
        futures.set(k, null);
        if (k + ahead < runs) {
          futures.add(
              submit(
                  pool,
                  channel,
                  k + ahead,
                  runs,
                  dataStart,
                  runBytes,
                  columnOf,
                  buffers,
                  spare,
                  bufferBytes));
        }
        long endAt = k == runs - 1 ? Long.MAX_VALUE : dataStart + (long) (k + 1) * runBytes;
        if (run.start != pos) {
          // The run began inside a quoted value that the run before carried on to pos.
          if (pos >= endAt) {
            continue;
          }
          ByteWindow window = ByteWindow.of(channel, pos, new byte[bufferBytes]);
          run = new EventRows(columnOf, 1024);
          run.read(window, 0, endAt, Integer.MAX_VALUE);
        }
        if (k == 0) {
          merger.expect(run, size - dataStart);
        }
        merger.accept(run);
        pos = run.end;
        if (run.broken) {
          return;
        }
        run.clear();
        spare.add(run);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Future<EventRows> submit(
      ExecutorService pool,
      FileChannel channel,
      int k,
      int runs,
      long dataStart,
      int runBytes,
      int[] columnOf,
      ConcurrentLinkedQueue<byte[]> buffers,
      ConcurrentLinkedQueue<EventRows> spare,
      int bufferBytes) {
    return pool.submit(
        () -> {
          byte[] buf = buffers.poll();
          long from = dataStart + (long) k * runBytes;
          long endAt = k == runs - 1 ? Long.MAX_VALUE : from + runBytes;
          ByteWindow window =
              ByteWindow.of(
                  channel, k == 0 ? from : from - 1, buf != null ? buf : new byte[bufferBytes]);
          EventRows used = spare.poll();
          EventRows run = used != null ? used : new EventRows(columnOf, runBytes / 48);
          int p = k == 0 ? 0 : EventRows.skipLine(window, 0);
          if (p < 0) {
            run.start = window.base + window.limit;
            run.end = run.start;
            run.atEnd = true;
          } else {
            run.read(window, p, endAt, Integer.MAX_VALUE);
          }
          buffers.add(window.buf);
          return run;
        });
  }

  private static EventRows get(Future<EventRows> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while reading the event file", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The header's column for each of HEADER, or null (with the problems). */
  private static int[] columns(EventRows.Header header, List<FieldProblem> problems) {
    if (header == null) {
      problems.add(new FieldProblem(1, "", "The file is empty: the first line must be the header"));
      return null;
    }
    if (header.names() == null) {
      problems.add(
          new FieldProblem(
              1,
              "",
              header.csvError() != null
                  ? "The file is not valid CSV: " + header.csvError()
                  : "Is not UTF-8 text: save the file as CSV UTF-8"));
      return null;
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> names = header.names();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      if (!HEADER.contains(name)) {
        problems.add(
            new FieldProblem(1, name, "Unknown column; the header is " + String.join(",", HEADER)));
      } else if (columns.put(name, i) != null) {
        problems.add(new FieldProblem(1, name, "Column appears twice"));
      }
    }
    for (String name : HEADER) {
      if (!columns.containsKey(name)) {
        problems.add(new FieldProblem(1, name, "Missing column"));
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return HEADER.stream().mapToInt(columns::get).toArray();
  }

  /** A Reader's characters as UTF-8 bytes. */
  private static final class Utf8Stream extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 16).flip();
    private boolean endOfChars;
    private boolean done;

    Utf8Stream(Reader reader) {
      this.reader = reader;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] to, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      while (!bytes.hasRemaining()) {
        if (done) {
          return -1;
        }
        refill();
      }
      int n = Math.min(length, bytes.remaining());
      bytes.get(to, offset, n);
      return n;
    }

    private void refill() throws IOException {
      bytes.clear();
      if (!endOfChars) {
        chars.compact();
        if (reader.read(chars) < 0) {
          endOfChars = true;
        }
        chars.flip();
      }
      encoder.encode(chars, bytes, endOfChars);
      if (endOfChars && !chars.hasRemaining()) {
        encoder.flush(bytes);
        done = true;
      }
      bytes.flip();
    }
  }
}
