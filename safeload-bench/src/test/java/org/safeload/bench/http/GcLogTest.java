package org.safeload.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GcLogTest {

  @Test
  void peaksAreTheHeapBeforeAndAfterCollections() {
    String log =
        """
        [0.010s][info][gc] Using G1
        [1.200s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 51M->7M(1024M) 4.321ms
        [5.001s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 612M->301M(1024M) 20.1ms
        [5.050s][info][gc] GC(2) Concurrent Mark Cycle
        [5.300s][info][gc] GC(2) Pause Remark 350M->340M(1024M) 2.0ms
        [9.000s][info][gc] GC(3) Pause Full (G1 Compaction Pause) 1G->200M(1G) 300.0ms
        """;
    GcLog.Peak peak = GcLog.parse(log);
    assertThat(peak.peakUsed()).isEqualTo(1L << 30);
    assertThat(peak.peakLive()).isEqualTo(340L << 20);
    assertThat(peak.peakSize()).isEqualTo(1L << 30);
    assertThat(peak.collections()).isEqualTo(4);
  }

  @Test
  void eachCollectionHasItsUptimeAndFullCollectionsAreMarked() {
    String log =
        """
        [0.010s][info][gc] Using G1
        [42.259s][info][gc] GC(27) Pause Young (Normal) (G1 Evacuation Pause) 135M->56M(150M) 43.039ms
        [107.817s][info][gc] GC(34) Pause Full (Diagnostic Command) 82M->50M(150M) 139.144ms
        [110.5s][info][gc] GC(35) Concurrent Mark Cycle 12.0ms
        [128.662s][info][gc] GC(36) Pause Full (System.gc()) 1G->512K(1G) 930.975ms
        [gc] GC(37) Pause Young (Normal) (G1 Evacuation Pause) 2M->1M(4M) 1.0ms
        """;
    assertThat(GcLog.pauses(log))
        .containsExactly(
            new GcLog.Pause(42.259, 135L << 20, 56L << 20, 150L << 20, false),
            new GcLog.Pause(107.817, 82L << 20, 50L << 20, 150L << 20, true),
            new GcLog.Pause(128.662, 1L << 30, 512L << 10, 1L << 30, true),
            new GcLog.Pause(Double.NaN, 2L << 20, 1L << 20, 4L << 20, false));
  }
}
