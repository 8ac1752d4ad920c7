package org.safeload.timeliness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * A window on a file or stream: the bytes {@code buf[0, limit)}, which begin at {@code base} in the
 * input. A parser works on the window and, when a record runs past its end, asks for {@link
 * #more(int)}: the bytes it still needs are moved to the front and more are read after them.
 */
final class ByteWindow {

  /** At most this much is read in one call (the JDK copies through a buffer of that size). */
  private static final int MAX_READ = 1 << 20;

  byte[] buf;
  int limit;

  /** Where buf[0] is in the input. */
  long base;

  /** Nothing more to read: the input ends at {@code limit}. */
  boolean eof;

  private final InputStream in;
  private final FileChannel channel;
  private long next;

  private ByteWindow(byte[] buf, InputStream in, FileChannel channel, long from) {
    this.buf = buf;
    this.in = in;
    this.channel = channel;
    this.base = from;
    this.next = from;
  }

  static ByteWindow of(InputStream in, int size) {
    return new ByteWindow(new byte[size], in, null, 0);
  }

  /** A window on a file from {@code from}, reading into {@code buf} (which may be replaced). */
  static ByteWindow of(FileChannel channel, long from, byte[] buf) {
    return new ByteWindow(buf, null, channel, from);
  }

  /**
   * Keeps {@code buf[from, limit)}, moved to the front (so index i becomes i - from), and reads
   * more after it, growing the buffer if it is full.
   *
   * @return false if the input had nothing more (then {@link #eof} is set)
   */
  boolean more(int from) throws IOException {
    if (eof) {
      return false;
    }
    if (from > 0) {
      System.arraycopy(buf, from, buf, 0, limit - from);
      limit -= from;
      base += from;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, Math.max(16, buf.length * 2));
    }
    int n = read(buf, limit, Math.min(MAX_READ, buf.length - limit));
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  /** Fills the window as far as it goes (or to the end of the input). */
  void fill() throws IOException {
    while (!eof && limit < buf.length) {
      int n = read(buf, limit, Math.min(MAX_READ, buf.length - limit));
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    }
  }

  private int read(byte[] to, int offset, int length) throws IOException {
    while (true) {
      int n;
      if (in != null) {
        n = in.read(to, offset, length);
      } else {
        n = channel.read(ByteBuffer.wrap(to, offset, length), next);
        if (n > 0) {
          next += n;
        }
      }
      if (n != 0) {
        return n;
      }
    }
  }
}
