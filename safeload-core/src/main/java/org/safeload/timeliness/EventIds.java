package org.safeload.timeliness;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A file's event ids checked for repeats, and the rows its refs name, without one table of every
 * id: ids and refs are sorted, with their bytes, by the top bits of their hash into partitions of a
 * few thousand, whose tables and bytes fit in the CPU's cache, and the partitions are worked
 * through in parallel. (With one table of millions of ids, nearly every row waits for memory.)
 */
final class EventIds {

  /** About this many ids to a partition (its table: twice as many slots of 8 bytes). */
  private static final int PER_PARTITION = 16384;

  private EventIds() {}

  /**
   * @param ids the rows' ids in row order (row r's is value r, "" for none), repeats and all
   * @param hashes row r's id's {@link EventLog.Dictionary#hash}
   * @param refBytes ref k is {@code refBytes[refStarts[k], refStarts[k + 1])}, with hash {@code
   *     refHashes[k]}
   * @param first set to: the first row with row r's id (r itself if none before it), or -1 for a
   *     row without one
   * @param target set to: the first row with ref k's id, or -1 if no row has it
   */
  static void resolve(
      EventLog.Dictionary ids,
      int[] hashes,
      int rows,
      byte[] refBytes,
      int[] refStarts,
      int[] refHashes,
      int refs,
      int[] first,
      int[] target) {
    int slices =
        Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), (rows + refs) >> 16));
    resolve(
        ids,
        hashes,
        rows,
        refBytes,
        refStarts,
        refHashes,
        refs,
        first,
        target,
        PER_PARTITION,
        slices);
  }

  /**
   * As above, with about {@code perPartition} ids to a partition, counted and placed in {@code
   * slices} slices of the rows in parallel.
   */
  static void resolve(
      EventLog.Dictionary ids,
      int[] hashes,
      int rows,
      byte[] refBytes,
      int[] refStarts,
      int[] refHashes,
      int refs,
      int[] first,
      int[] target,
      int perPartition,
      int slices) {
    int bits = 0;
    while ((rows >>> bits) > perPartition && bits < 16) {
      bits++;
    }
    int partitions = 1 << bits;
    int shift = 32 - bits;
    // Rows and refs are counted and placed in slices, in parallel: within a partition, slice 0's
    // come first, so each partition stays in row (and ref) order.
    Sorted rowsSorted = new Sorted(partitions, slices);
    Sorted refsSorted = new Sorted(partitions, slices);
    IntStream.range(0, slices)
        .parallel()
        .forEach(
            s -> {
              for (int r = rows * s / slices, end = rows * (s + 1) / slices; r < end; r++) {
                int length = ids.length(r);
                if (length > 0) {
                  rowsSorted.count(s, part(hashes[r], shift), length);
                  first[r] = r;
                } else {
                  first[r] = -1;
                }
              }
              for (int k = refs * s / slices, end = refs * (s + 1) / slices; k < end; k++) {
                refsSorted.count(s, part(refHashes[k], shift), refStarts[k + 1] - refStarts[k]);
              }
            });
    rowsSorted.sums();
    refsSorted.sums();
    IntStream.range(0, slices)
        .parallel()
        .forEach(
            s -> {
              for (int r = rows * s / slices, end = rows * (s + 1) / slices; r < end; r++) {
                if (first[r] >= 0) {
                  int i = rowsSorted.place(s, part(hashes[r], shift), r, hashes[r], ids.length(r));
                  ids.copy(r, rowsSorted.bytes, rowsSorted.start[i]);
                }
              }
              for (int k = refs * s / slices, end = refs * (s + 1) / slices; k < end; k++) {
                int length = refStarts[k + 1] - refStarts[k];
                int i = refsSorted.place(s, part(refHashes[k], shift), k, refHashes[k], length);
                System.arraycopy(
                    refBytes, refStarts[k], refsSorted.bytes, refsSorted.start[i], length);
              }
            });
    int largest = 0;
    for (int p = 0; p < partitions; p++) {
      largest = Math.max(largest, rowsSorted.first[p + 1] - rowsSorted.first[p]);
    }
    int slots = tableSize(largest);
    int groups = Math.min(partitions, 4 * Runtime.getRuntime().availableProcessors());
    IntStream.range(0, groups)
        .parallel()
        .forEach(
            g -> {
              int[] table = new int[slots];
              for (int p = partitions * g / groups; p < partitions * (g + 1) / groups; p++) {
                resolve(p, rowsSorted, refsSorted, table, first, target);
              }
            });
  }

  /** One partition: its rows into a table (repeats found), then its refs looked up. */
  private static void resolve(
      int p, Sorted rows, Sorted refs, int[] table, int[] first, int[] target) {
    int size = tableSize(rows.first[p + 1] - rows.first[p]);
    int mask = size - 1;
    Arrays.fill(table, 0, size, 0);
    for (int i = rows.first[p]; i < rows.first[p + 1]; i++) {
      int h = rows.hash[i];
      for (int slot = h & mask; ; slot = (slot + 1) & mask) {
        int j = table[slot] - 1;
        if (j < 0) {
          table[slot] = i + 1;
          break;
        }
        if (rows.hash[j] == h && rows.same(j, rows, i)) {
          first[rows.index[i]] = rows.index[j];
          break;
        }
      }
    }
    for (int i = refs.first[p]; i < refs.first[p + 1]; i++) {
      int h = refs.hash[i];
      int found = -1;
      for (int slot = h & mask; ; slot = (slot + 1) & mask) {
        int j = table[slot] - 1;
        if (j < 0) {
          break;
        }
        if (rows.hash[j] == h && rows.same(j, refs, i)) {
          found = rows.index[j];
          break;
        }
      }
      target[refs.index[i]] = found;
    }
  }

  private static int tableSize(int entries) {
    return Integer.highestOneBit(Math.max(1, entries) * 2 - 1) << 1;
  }

  private static int part(int hash, int shift) {
    return shift == 32 ? 0 : hash >>> shift;
  }

  /**
   * Values (row ids or refs) sorted by partition, in their own order within one: entry i is value
   * index[i], with hash[i] and bytes[start[i], start[i + 1]).
   */
  private static final class Sorted {
    /** Partition p's entries are [first[p], first[p + 1]). */
    final int[] first;

    private final int partitions;

    /**
     * By slice and partition (slice * partitions + partition): entries and bytes, then where next.
     */
    private final int[] next;

    private final int[] nextByte;
    int[] index;
    int[] hash;
    int[] start;
    byte[] bytes;

    Sorted(int partitions, int slices) {
      this.partitions = partitions;
      first = new int[partitions + 1];
      next = new int[partitions * slices];
      nextByte = new int[partitions * slices];
    }

    void count(int slice, int partition, int length) {
      next[slice * partitions + partition]++;
      nextByte[slice * partitions + partition] += length;
    }

    void sums() {
      int slices = next.length / partitions;
      int entries = 0;
      int total = 0;
      for (int p = 0; p < partitions; p++) {
        first[p] = entries;
        for (int s = 0; s < slices; s++) {
          int at = s * partitions + p;
          int n = next[at];
          int b = nextByte[at];
          next[at] = entries;
          nextByte[at] = total;
          entries += n;
          total += b;
        }
      }
      first[partitions] = entries;
      index = new int[entries];
      hash = new int[entries];
      start = new int[entries + 1];
      start[entries] = total;
      bytes = new byte[total + 16];
    }

    /** Places a value in its partition: answers its entry, whose bytes are then to be copied. */
    int place(int slice, int partition, int value, int valueHash, int length) {
      int at = slice * partitions + partition;
      int i = next[at]++;
      index[i] = value;
      hash[i] = valueHash;
      start[i] = nextByte[at];
      nextByte[at] += length;
      return i;
    }

    boolean same(int i, Sorted other, int j) {
      int from = start[i];
      int length = start[i + 1] - from;
      int otherFrom = other.start[j];
      return other.start[j + 1] - otherFrom == length
          && Arrays.equals(bytes, from, from + length, other.bytes, otherFrom, otherFrom + length);
    }
  }
}
