package org.safeload.app.caseactivity.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.safeload.timeliness.EventLog;
import org.safeload.timeliness.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored case events read from PostgreSQL with a binary {@code COPY … TO STDOUT} and appended
 * to a log value by value from the bytes ({@link BinaryCopy} describes the format): no row object,
 * no string per value, so the app loads a region's 3.7 million events in seconds.
 */
final class StoredEvents {

  private static final Logger LOG = LoggerFactory.getLogger(StoredEvents.class);

  private static final int FIELDS = 11;

  /**
   * Room a whole row is sure to fit in: eleven fields, the longest varchar(64), at most 4 bytes a
   * character.
   */
  private static final int ROW_ROOM = 16 << 10;

  private final InputStream in;
  private byte[] buffer = new byte[1 << 20];
  private int position;
  private int limit;
  private boolean ended;

  private StoredEvents(InputStream in) {
    this.in = in;
  }

  static void unknownType(long id) {
    LOG.warn("Case event row {} has an unknown type and is left out", id);
  }

  static long appendAfter(
      PGConnection pg, long afterId, EventLog log, CaseEventRepository.Refs refs)
      throws SQLException, IOException {
    String sql =
        "copy (select id, event_id, occurred_at, type, case_ref, child_ref, worker_ref, team_ref,"
            + " detail, ref, due_date from case_event where id > "
            + afterId
            + " order by id) to stdout with (format binary)";
    try (PGCopyInputStream in = new PGCopyInputStream(pg, sql)) {
      return new StoredEvents(in).read(afterId, log, refs);
    }
  }

  private long read(long afterId, EventLog log, CaseEventRepository.Refs refs) throws IOException {
    fill(19);
    position += 11 + 4; // signature and flags
    int extension = int32();
    fill(extension);
    position += extension;
    EventLog.Dictionary typeNames = new EventLog.Dictionary();
    EventType[] types = new EventType[0];
    long last = afterId;
    int[] start = new int[FIELDS];
    int[] length = new int[FIELDS];
    while (true) {
      fill(ROW_ROOM);
      int fields = int16();
      if (fields == -1) {
        return last;
      }
      if (fields != FIELDS) {
        throw new IOException("A stored event row has " + fields + " fields, not " + FIELDS);
      }
      for (int f = 0; f < FIELDS; f++) {
        length[f] = int32();
        start[f] = position;
        if (length[f] > 0) {
          position += length[f];
        }
      }
      if (position > limit) {
        throw new IOException("A stored event row is longer than expected");
      }
      long id = int64(start[0]);
      last = id;
      int t = typeNames.intern(buffer, start[3], length[3]);
      if (t >= types.length) {
        types = Arrays.copyOf(types, t + 1);
        types[t] =
            EventType.fromCode(new String(buffer, start[3], length[3], StandardCharsets.UTF_8))
                .orElse(null);
      }
      EventType type = types[t];
      if (type == null) {
        unknownType(id);
        continue;
      }
      log.eventIds().intern(buffer, start[1], length[1]);
      long micros = int64(start[2]);
      int row =
          log.addInterned(
              Math.floorDiv(micros, 1_000_000L) + BinaryCopy.PG_EPOCH_SECOND,
              type,
              intern(log.cases(), start[4], length[4]),
              intern(log.children(), start[5], length[5]),
              intern(log.workers(), start[6], length[6]),
              intern(log.teams(), start[7], length[7]),
              intern(log.details(), start[8], length[8]),
              -1,
              length[10] < 0
                  ? EventLog.NO_DATE
                  : (int) int32At(start[10]) + BinaryCopy.PG_EPOCH_DAY);
      if (length[9] >= 0) {
        refs.refer(row, new String(buffer, start[9], length[9], StandardCharsets.UTF_8));
      }
    }
  }

  /** NULL (length -1) and the empty string are both "none" in the log. */
  private int intern(EventLog.Dictionary dictionary, int at, int length) {
    return length <= 0 ? -1 : dictionary.intern(buffer, at, length);
  }

  /** Makes sure {@code n} bytes from the position are in the buffer, unless the stream ends. */
  private void fill(int n) throws IOException {
    if (limit - position >= n || ended) {
      return;
    }
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    if (buffer.length < n) {
      buffer = Arrays.copyOf(buffer, n);
    }
    while (limit < n || limit < buffer.length / 2) {
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        ended = true;
        return;
      }
      limit += read;
    }
  }

  private int int16() throws IOException {
    need(2);
    int v = (short) (((buffer[position] & 0xff) << 8) | (buffer[position + 1] & 0xff));
    position += 2;
    return v;
  }

  private int int32() throws IOException {
    need(4);
    int v = (int) int32At(position);
    position += 4;
    return v;
  }

  private void need(int n) throws IOException {
    if (limit - position < n) {
      throw new IOException("The stored events ended in the middle of a row");
    }
  }

  private long int32At(int at) {
    return (buffer[at] << 24)
        | ((buffer[at + 1] & 0xff) << 16)
        | ((buffer[at + 2] & 0xff) << 8)
        | (buffer[at + 3] & 0xff);
  }

  private long int64(int at) {
    return (int32At(at) << 32) | (int32At(at + 4) & 0xffffffffL);
  }
}
