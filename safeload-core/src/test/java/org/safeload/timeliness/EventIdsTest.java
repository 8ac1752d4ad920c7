package org.safeload.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Repeated ids and refs found by hash partitions, against a map of every id. */
class EventIdsTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 6);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void repeatsAndRefsAreFoundAsWithOneMap(long seed) {
    System.out.println("EventIdsTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    int rows = random.nextInt(1, 5000);
    int distinct = random.nextInt(1, rows + 1);
    EventLog.Dictionary ids = new EventLog.Dictionary();
    int[] hashes = new int[rows];
    Map<String, Integer> firstRow = new HashMap<>();
    int[] expectedFirst = new int[rows];
    for (int r = 0; r < rows; r++) {
      // Ids of one to twenty bytes, some not ASCII, some empty, many repeated.
      int n = random.nextInt(distinct);
      String id = random.nextInt(50) == 0 ? "" : "\u00e9".repeat(n % 3) + "E" + n * 7919L;
      byte[] b = id.getBytes(StandardCharsets.UTF_8);
      ids.append(b, new int[] {0, b.length}, 0, 1);
      hashes[r] = EventLog.Dictionary.hash(b, 0, b.length);
      expectedFirst[r] = id.isEmpty() ? -1 : firstRow.computeIfAbsent(id, x -> -1);
      if (expectedFirst[r] == -1 && !id.isEmpty()) {
        firstRow.put(id, r);
        expectedFirst[r] = r;
      }
    }
    int refs = random.nextInt(0, 2000);
    byte[] refBytes = new byte[refs * 40];
    int[] refStarts = new int[refs + 1];
    int[] refHashes = new int[refs];
    int[] expectedTarget = new int[refs];
    for (int k = 0; k < refs; k++) {
      int n = random.nextInt(distinct + 10);
      String ref = "\u00e9".repeat(n % 3) + "E" + n * 7919L;
      byte[] b = ref.getBytes(StandardCharsets.UTF_8);
      System.arraycopy(b, 0, refBytes, refStarts[k], b.length);
      refStarts[k + 1] = refStarts[k] + b.length;
      refHashes[k] = EventLog.Dictionary.hash(b, 0, b.length);
      expectedTarget[k] = firstRow.getOrDefault(ref, -1);
    }
    for (int perPartition : new int[] {1, 7, 100, 1 << 20}) {
      for (int slices = 1; slices <= 3; slices++) {
        int[] first = new int[rows];
        int[] target = new int[refs];
        EventIds.resolve(
            ids,
            hashes,
            rows,
            refBytes,
            refStarts,
            refHashes,
            refs,
            first,
            target,
            perPartition,
            slices);
        String as = "seed " + seed + ", " + perPartition + " per partition, " + slices + " slices";
        assertThat(first).as(as).isEqualTo(expectedFirst);
        assertThat(target).as(as).isEqualTo(expectedTarget);
      }
    }
    // The ids appended (repeats aside) are found once the dictionary indexes them.
    for (Map.Entry<String, Integer> e : firstRow.entrySet()) {
      int found = ids.find(e.getKey());
      assertThat(ids.get(found)).isEqualTo(e.getKey());
    }
  }
}
