package org.safeload.app.caseactivity.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyIn;
import org.safeload.timeliness.EventLog;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN WITH (FORMAT binary)}, written into a buffer of
 * about 1 MB and sent as it fills. Binary, because the server then parses no text (a timestamp is
 * eight bytes, not a string to read), and values already held as UTF-8 bytes (the case activity's
 * interned ids) are copied as they are.
 *
 * <p>The format (PostgreSQL documentation, "COPY", "Binary Format"): a signature, flags and header
 * extension length; per row the number of fields (int16), then each field's length in bytes (int32,
 * -1 for NULL) and its bytes, big-endian; a trailer of -1 (int16). A {@code timestamptz} is
 * microseconds since 2000-01-01 00:00 UTC (int64), a {@code date} days since 2000-01-01 (int32).
 */
final class BinaryCopy {

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
  };

  /** 2000-01-01 (PostgreSQL's epoch) as seconds and days since 1970-01-01. */
  static final long PG_EPOCH_SECOND = 946_684_800L;

  static final int PG_EPOCH_DAY = 10_957;

  private static final int FLUSH_AT = 1 << 20;

  private final CopyIn in;
  private byte[] buffer = new byte[FLUSH_AT + (64 << 10)];
  private int used;

  BinaryCopy(CopyIn in) throws SQLException {
    this.in = in;
    put(SIGNATURE, 0, SIGNATURE.length);
    int32(0); // flags
    int32(0); // header extension length
  }

  /** Starts a row of {@code fields} fields, sending what is buffered if it is full enough. */
  void row(int fields) throws SQLException {
    if (used >= FLUSH_AT) {
      flush();
    }
    int16(fields);
  }

  void text(String value) {
    if (value == null) {
      nullField();
    } else {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      int32(utf8.length);
      put(utf8, 0, utf8.length);
    }
  }

  /** Value {@code id} of a dictionary, as its UTF-8 bytes; NULL for -1. */
  void text(EventLog.Dictionary dictionary, int id) {
    if (id < 0) {
      nullField();
      return;
    }
    int length = dictionary.length(id);
    int32(length);
    room(length);
    dictionary.copy(id, buffer, used);
    used += length;
  }

  void bytes(byte[] utf8) {
    int32(utf8.length);
    put(utf8, 0, utf8.length);
  }

  /** A {@code timestamptz} at a whole second. */
  void timestamp(long epochSecond) {
    int32(8);
    int64((epochSecond - PG_EPOCH_SECOND) * 1_000_000L);
  }

  /** A {@code timestamptz}, to the microsecond (as PostgreSQL keeps it). */
  void timestamp(java.time.Instant at) {
    int32(8);
    int64((at.getEpochSecond() - PG_EPOCH_SECOND) * 1_000_000L + at.getNano() / 1_000);
  }

  /** A {@code date}, or NULL. */
  void date(java.time.LocalDate day) {
    date(day == null ? EventLog.NO_DATE : (int) day.toEpochDay());
  }

  /** A {@code date}, or NULL for {@link EventLog#NO_DATE}. */
  void date(int epochDay) {
    if (epochDay == EventLog.NO_DATE) {
      nullField();
      return;
    }
    int32(4);
    int32(epochDay - PG_EPOCH_DAY);
  }

  void nullField() {
    int32(-1);
  }

  /** Writes the trailer and ends the copy, answering how many rows the server stored. */
  long end() throws SQLException {
    int16(-1);
    flush();
    return in.endCopy();
  }

  private void flush() throws SQLException {
    if (used > 0) {
      in.writeToCopy(buffer, 0, used);
      used = 0;
    }
  }

  private void int16(int v) {
    room(2);
    buffer[used++] = (byte) (v >>> 8);
    buffer[used++] = (byte) v;
  }

  private void int32(int v) {
    room(4);
    buffer[used++] = (byte) (v >>> 24);
    buffer[used++] = (byte) (v >>> 16);
    buffer[used++] = (byte) (v >>> 8);
    buffer[used++] = (byte) v;
  }

  private void int64(long v) {
    int32((int) (v >>> 32));
    int32((int) v);
  }

  private void put(byte[] bytes, int offset, int length) {
    room(length);
    System.arraycopy(bytes, offset, buffer, used, length);
    used += length;
  }

  private void room(int more) {
    if (used + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, used + more));
    }
  }
}
