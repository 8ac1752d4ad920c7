package org.safeload.timeliness;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An {@link EventLog} written as its columns and dictionaries, byte for byte, and read back: a log
 * of millions of events is read in well under a second, where building it again from its events
 * takes many. The image names its format and the event types it was written with; one written by
 * another version, or damaged so that its shape no longer holds, is refused with an {@link
 * IOException} rather than read wrong. (Damage that keeps the shape is for the caller to catch: the
 * app keeps a checksum beside it.)
 */
public final class EventLogImage {

  private static final byte[] MAGIC = "SLEVLOG\u0001".getBytes(StandardCharsets.US_ASCII);
  private static final int FORMAT = 1;

  /** Values are written and read through a buffer of this many bytes. */
  private static final int CHUNK = 1 << 16;

  private EventLogImage() {}

  /** Writes the log (which must keep event ids) to {@code out}, which is not closed. */
  public static void write(EventLog log, OutputStream out) throws IOException {
    if (log.eventIds.size() != log.size) {
      throw new IllegalArgumentException("Only a log that keeps its event ids can be written");
    }
    Writer w = new Writer(out);
    w.bytes(MAGIC, MAGIC.length);
    w.ints(new int[] {FORMAT, EventType.values().length}, 2);
    for (EventType type : EventType.values()) {
      byte[] code = type.code().getBytes(StandardCharsets.UTF_8);
      w.ints(new int[] {code.length}, 1);
      w.bytes(code, code.length);
    }
    for (EventLog.Dictionary d : dictionaries(log)) {
      w.ints(new int[] {d.size(), d.usedBytes()}, 2);
      w.ints(d.rawStarts(), d.size() + 1);
      w.bytes(d.rawBytes(), d.usedBytes());
    }
    int n = log.size;
    w.ints(new int[] {n}, 1);
    w.longs(log.at, n);
    w.ints(log.day, n);
    w.bytes(log.type, n);
    w.ints(log.caseOf, n);
    w.ints(log.childOf, n);
    w.ints(log.workerOf, n);
    w.ints(log.teamOf, n);
    w.ints(log.detail, n);
    w.ints(log.ref, n);
    w.ints(log.due, n);
    w.flush();
  }

  /**
   * Reads a log written by {@link #write}, leaving {@code in} just after it.
   *
   * @throws IOException if it cannot be read, or is not an image this version wrote, or its values
   *     are out of shape (a dictionary's offsets, an id beyond its dictionary, a day not its
   *     time's)
   */
  public static EventLog read(InputStream in) throws IOException {
    Reader r = new Reader(in);
    byte[] magic = r.bytes(new byte[MAGIC.length], MAGIC.length);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new IOException("Not an event log image");
    }
    int[] head = r.ints(new int[2], 2);
    if (head[0] != FORMAT) {
      throw new IOException("An event log image of another format (" + head[0] + ")");
    }
    EventType[] types = EventType.values();
    if (head[1] != types.length) {
      throw new IOException("An event log image written with other event types");
    }
    for (EventType type : types) {
      int length = r.count(r.ints(new int[1], 1)[0], 64);
      String code = new String(r.bytes(new byte[length], length), StandardCharsets.UTF_8);
      if (!code.equals(type.code())) {
        throw new IOException("An event log image written with other event types");
      }
    }
    EventLog log = new EventLog();
    for (EventLog.Dictionary d : dictionaries(log)) {
      int[] sizes = r.ints(new int[2], 2);
      int size = r.count(sizes[0], Integer.MAX_VALUE - 1);
      int used = r.count(sizes[1], Integer.MAX_VALUE);
      int[] starts = r.ints(new int[size + 1], size + 1);
      if (starts[0] != 0 || starts[size] != used) {
        throw new IOException("An event log image's dictionary is out of shape");
      }
      for (int i = 0; i < size; i++) {
        if (starts[i + 1] <= starts[i]) {
          throw new IOException("An event log image's dictionary is out of shape");
        }
      }
      byte[] bytes = r.bytes(new byte[used], used);
      d.append(bytes, starts, 0, size);
    }
    int n = r.count(r.ints(new int[1], 1)[0], Integer.MAX_VALUE - 8);
    if (log.eventIds.size() != n) {
      throw new IOException("An event log image's event ids are not one per event");
    }
    log.reserve(n);
    r.longs(log.at, n);
    r.ints(log.day, n);
    r.bytes(log.type, n);
    r.ints(log.caseOf, n);
    r.ints(log.childOf, n);
    r.ints(log.workerOf, n);
    r.ints(log.teamOf, n);
    r.ints(log.detail, n);
    r.ints(log.ref, n);
    r.ints(log.due, n);
    for (int row = 0; row < n; row++) {
      if (log.type[row] < 0
          || log.type[row] >= types.length
          || log.day[row] != London.dayOf(log.at[row])
          || outside(log.caseOf[row], log.cases)
          || outside(log.childOf[row], log.children)
          || outside(log.workerOf[row], log.workers)
          || outside(log.teamOf[row], log.teams)
          || outside(log.detail[row], log.details)
          || log.ref[row] < -1
          || log.ref[row] >= n) {
        throw new IOException("An event log image's row " + row + " is out of shape");
      }
    }
    log.size = n;
    return log;
  }

  private static boolean outside(int id, EventLog.Dictionary d) {
    return id < -1 || id >= d.size();
  }

  private static EventLog.Dictionary[] dictionaries(EventLog log) {
    return new EventLog.Dictionary[] {
      log.eventIds, log.cases, log.children, log.workers, log.teams, log.details
    };
  }

  /** Little-endian values through one buffer. */
  private static final class Writer {
    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);

    Writer(OutputStream out) {
      this.out = out;
    }

    void ints(int[] values, int n) throws IOException {
      for (int i = 0; i < n; ) {
        room(4);
        int k = Math.min(n - i, buffer.remaining() / 4);
        buffer.asIntBuffer().put(values, i, k);
        buffer.position(buffer.position() + 4 * k);
        i += k;
      }
    }

    void longs(long[] values, int n) throws IOException {
      for (int i = 0; i < n; ) {
        room(8);
        int k = Math.min(n - i, buffer.remaining() / 8);
        buffer.asLongBuffer().put(values, i, k);
        buffer.position(buffer.position() + 8 * k);
        i += k;
      }
    }

    void bytes(byte[] values, int n) throws IOException {
      for (int i = 0; i < n; ) {
        room(1);
        int k = Math.min(n - i, buffer.remaining());
        buffer.put(values, i, k);
        i += k;
      }
    }

    private void room(int bytes) throws IOException {
      if (buffer.remaining() < bytes) {
        flush();
      }
    }

    void flush() throws IOException {
      out.write(buffer.array(), 0, buffer.position());
      buffer.clear();
    }
  }

  /** Reads what {@link Writer} wrote. */
  private static final class Reader {
    private final InputStream in;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);

    Reader(InputStream in) {
      this.in = in;
      buffer.limit(0);
    }

    int count(int value, int max) throws IOException {
      if (value < 0 || value > max) {
        throw new IOException("An event log image's count is out of range (" + value + ")");
      }
      return value;
    }

    int[] ints(int[] into, int n) throws IOException {
      for (int i = 0; i < n; ) {
        fill(4, 4L * (n - i));
        int k = Math.min(n - i, buffer.remaining() / 4);
        buffer.asIntBuffer().get(into, i, k);
        buffer.position(buffer.position() + 4 * k);
        i += k;
      }
      return into;
    }

    void longs(long[] into, int n) throws IOException {
      for (int i = 0; i < n; ) {
        fill(8, 8L * (n - i));
        int k = Math.min(n - i, buffer.remaining() / 8);
        buffer.asLongBuffer().get(into, i, k);
        buffer.position(buffer.position() + 8 * k);
        i += k;
      }
    }

    byte[] bytes(byte[] into, int n) throws IOException {
      for (int i = 0; i < n; ) {
        fill(1, n - i);
        int k = Math.min(n - i, buffer.remaining());
        buffer.get(into, i, k);
        i += k;
      }
      return into;
    }

    /**
     * Makes at least {@code bytes} bytes ready to read, reading no more than {@code wanted} in all
     * (so nothing after the image is taken from the stream).
     */
    private void fill(int bytes, long wanted) throws IOException {
      if (buffer.remaining() >= bytes) {
        return;
      }
      buffer.compact();
      while (buffer.position() < bytes) {
        int room = (int) Math.min(buffer.remaining(), wanted - buffer.position());
        int read = in.read(buffer.array(), buffer.position(), room);
        if (read < 0) {
          throw new EOFException("An event log image ends early");
        }
        buffer.position(buffer.position() + read);
      }
      buffer.flip();
    }
  }
}
