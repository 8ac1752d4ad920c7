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
}
