package org.safeload.bench.http;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's heap, read from its GC log ({@code -Xlog:gc:file=...}): every collection logs the heap
 * used before and after it and the heap's size ({@code 512M->80M(1024M)}). The used heap only grows
 * between collections, so the "before" figures are its peaks, exactly, with no sampling and no
 * {@code jcmd} (a JVM started each time, taking CPU from the app on a small machine).
 */
public final class GcLog {

  private static final Pattern SIZES =
      Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  /** The default decoration's first field: the JVM's uptime, {@code [12.345s]}. */
  private static final Pattern UPTIME = Pattern.compile("^\\[(\\d+(?:\\.\\d+)?)s\\]");

  private final Path file;

  public GcLog(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /**
   * The heap's peaks over a stretch of the log.
   *
   * @param peakUsed the most heap used (before a collection), in bytes
   * @param peakLive the most heap still used after a collection (live data and what the collection
   *     left), in bytes
   * @param peakSize the largest the heap was, in bytes
   * @param collections how many collections (pauses) were logged
   */
  public record Peak(long peakUsed, long peakLive, long peakSize, int collections) {

    Peak with(long used, long live, long size) {
      return new Peak(
          Math.max(peakUsed, used),
          Math.max(peakLive, live),
          Math.max(peakSize, size),
          collections + 1);
    }

    /** The larger of each figure. */
    public Peak max(Peak other) {
      return new Peak(
          Math.max(peakUsed, other.peakUsed),
          Math.max(peakLive, other.peakLive),
          Math.max(peakSize, other.peakSize),
          collections + other.collections);
    }
  }

  /**
   * One collection (a pause).
   *
   * @param uptime when it was logged, in seconds since the JVM started (NaN when the log has no
   *     uptime)
   * @param used the heap used before it, in bytes
   * @param live the heap still used after it, in bytes
   * @param size the heap's size, in bytes
   * @param full a full collection ({@code Pause Full}: everything unreachable freed, so {@code
   *     live} is the live data)
   */
  public record Pause(double uptime, long used, long live, long size, boolean full) {}

  /** Where the log ends now: give it to {@link #since} to read what comes after. */
  public long mark() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** The peaks logged since a {@link #mark}. */
  public Peak since(long mark) {
    return between(mark, Long.MAX_VALUE);
  }

  /** The peaks logged between two {@link #mark}s. */
  public Peak between(long from, long to) {
    return peak(pauses(from, to));
  }

  /** The collections logged between two {@link #mark}s, in order. */
  public List<Pause> pauses(long from, long to) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long end = Math.min(to, f.length());
      long start = Math.min(from, end);
      byte[] bytes = new byte[(int) (end - start)];
      f.seek(start);
      f.readFully(bytes);
      return pauses(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The peaks in some GC log text. */
  static Peak parse(String log) {
    return peak(pauses(log));
  }

  private static Peak peak(List<Pause> pauses) {
    Peak peak = new Peak(0, 0, 0, 0);
    for (Pause p : pauses) {
      peak = peak.with(p.used(), p.live(), p.size());
    }
    return peak;
  }

  /** The collections in some GC log text: its lines with {@code Pause} and the heap's sizes. */
  static List<Pause> pauses(String log) {
    List<Pause> pauses = new ArrayList<>();
    for (String line : log.split("\n")) {
      if (!line.contains(" Pause ")) {
        continue;
      }
      Matcher m = SIZES.matcher(line);
      if (m.find()) {
        Matcher t = UPTIME.matcher(line);
        pauses.add(
            new Pause(
                t.find() ? Double.parseDouble(t.group(1)) : Double.NaN,
                bytes(m.group(1), m.group(2)),
                bytes(m.group(3), m.group(4)),
                bytes(m.group(5), m.group(6)),
                line.contains(" Pause Full ")));
      }
    }
    return pauses;
  }

  private static long bytes(String number, String unit) {
    long n = Long.parseLong(number);
    return switch (unit) {
      case "K" -> n << 10;
      case "M" -> n << 20;
      default -> n << 30;
    };
  }
}
