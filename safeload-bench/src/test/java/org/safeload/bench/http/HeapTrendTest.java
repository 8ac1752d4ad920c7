package org.safeload.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapTrendTest {

  private static final long MB = 1 << 20;

  private static GcLog.Pause young(double at, long usedMb, long liveMb) {
    return new GcLog.Pause(at, usedMb * MB, liveMb * MB, 1024 * MB, false);
  }

  private static GcLog.Pause full(double at, long usedMb, long liveMb) {
    return new GcLog.Pause(at, usedMb * MB, liveMb * MB, 1024 * MB, true);
  }

  /** Three slices of 100 s, each ended by a full collection; worked out by hand below. */
  private static List<GcLog.Pause> pauses(long lastLiveMb) {
    return List.of(
        full(90, 300, 200), // the end of the warm-up
        young(95, 400, 210), // in the warm-up, in no slice
        young(100, 500, 220), // slice 1 starts at its boundary
        young(150, 520, 240),
        full(199, 260, 205),
        young(200, 480, 230), // slice 2
        young(250, 600, 260),
        full(299.5, 270, 215),
        young(310, 500, 250), // slice 3
        full(399, 300, lastLiveMb),
        young(400, 450, 230)); // after the last boundary, in no slice
  }

  private static final List<Double> BOUNDARIES = List.of(100.0, 200.0, 300.0, 400.0);

  @Test
  void eachSliceHasItsCollectionsFromItsStartToBeforeItsEnd() {
    HeapTrend t = HeapTrend.of(pauses(226), BOUNDARIES);

    assertThat(t.baseline()).isEqualTo(200 * MB);
    assertThat(t.fullCollections()).isTrue();
    assertThat(t.slices()).hasSize(3);

    // Slice 1: 220, 240 and 205 left: mean 665 / 3, most 240; most used 520; the full one 205.
    HeapTrend.Slice first = t.slices().get(0);
    assertThat(first.from()).isEqualTo(100.0);
    assertThat(first.to()).isEqualTo(200.0);
    assertThat(first.collections()).isEqualTo(3);
    assertThat(first.meanLive()).isCloseTo(665.0 / 3 * MB, within(1.0));
    assertThat(first.maxLive()).isEqualTo(240 * MB);
    assertThat(first.maxUsed()).isEqualTo(520 * MB);
    assertThat(first.liveAfterFull()).isEqualTo(205 * MB);
    assertThat(first.live()).isEqualTo(205 * MB);

    // Slice 2: 230, 260, 215: mean 235.
    HeapTrend.Slice second = t.slices().get(1);
    assertThat(second.collections()).isEqualTo(3);
    assertThat(second.meanLive()).isEqualTo(235.0 * MB);
    assertThat(second.maxLive()).isEqualTo(260 * MB);
    assertThat(second.maxUsed()).isEqualTo(600 * MB);
    assertThat(second.live()).isEqualTo(215 * MB);

    // Slice 3: 250, 226: mean 238.
    HeapTrend.Slice third = t.slices().get(2);
    assertThat(third.collections()).isEqualTo(2);
    assertThat(third.meanLive()).isEqualTo(238.0 * MB);
    assertThat(third.maxLive()).isEqualTo(250 * MB);
    assertThat(third.live()).isEqualTo(226 * MB);
  }

  @Test
  void theSlopeIsTheLeastSquaresLineThroughTheSlicesLiveHeap() {
    // x = 200, 300, 400 s; y = 205, 215, 226 MB: mean x 300, mean y 215 1/3;
    // Σ(x − x̄)(y − ȳ) = (−100)(−10 1/3) + 0 + (100)(10 2/3) = 2,100 and Σ(x − x̄)² = 20,000:
    // 0.105 MB/s, 63 MB per 10 minutes.
    HeapTrend t = HeapTrend.of(pauses(226), BOUNDARIES);
    assertThat(t.mbPer10Minutes()).isCloseTo(63.0, within(1e-9));
  }

  @Test
  void slopeByHand() {
    // x̄ = 10, ȳ = 113 1/3; Σ(x − x̄)(y − ȳ) = 300, Σ(x − x̄)² = 200.
    assertThat(HeapTrend.slope(new double[] {0, 10, 20}, new double[] {100, 110, 130}))
        .isCloseTo(1.5, within(1e-12));
    assertThat(HeapTrend.slope(new double[] {0, 10, 20}, new double[] {7, 7, 7})).isZero();
    assertThat(HeapTrend.slope(new double[] {5, 10}, new double[] {10, 0})).isEqualTo(-2.0);
    assertThat(HeapTrend.slope(new double[] {3}, new double[] {9})).isZero();
    assertThat(HeapTrend.slope(new double[] {3, 3}, new double[] {1, 9})).isZero();
  }

  @Test
  void flatIsTheLastSliceWithinTenPercentOfTheFirst() {
    // First 205 MB: 10% is 20.5 MB, more than 16 MB. 226 is 21 MB more: growing; 225 is 20.
    HeapTrend.Verdict growing = HeapTrend.of(pauses(226), BOUNDARIES).verdict(true);
    assertThat(growing.flat()).isFalse();
    assertThat(growing.first()).isEqualTo(205 * MB);
    assertThat(growing.last()).isEqualTo(226 * MB);
    assertThat(growing.allowance()).isEqualTo(205 * MB / 10);
    assertThat(growing.why())
        .contains("first slice 205 MB, last 226 MB (+21.0 MB; allowed +20.5 MB: 10% or 16 MB)");

    assertThat(HeapTrend.of(pauses(225), BOUNDARIES).verdict(true).flat()).isTrue();
    // Lower than at the start is flat too.
    assertThat(HeapTrend.of(pauses(150), BOUNDARIES).verdict(true).flat()).isTrue();
  }

  @Test
  void aSmallHeapMayMoveBySixteenMegabytes() {
    List<Double> two = List.of(0.0, 60.0, 120.0);
    // First 50 MB: 10% is 5 MB, so 16 MB is allowed: 66 is flat, 67 is not.
    assertThat(HeapTrend.of(List.of(full(59, 90, 50), full(119, 90, 66)), two).verdict(true).flat())
        .isTrue();
    HeapTrend.Verdict grown =
        HeapTrend.of(List.of(full(59, 90, 50), full(119, 90, 67)), two).verdict(true);
    assertThat(grown.flat()).isFalse();
    assertThat(grown.allowance()).isEqualTo(16 * MB);
  }

  @Test
  void anAppThatRanOutOfMemoryOrStoppedIsNeverFlat() {
    HeapTrend.Verdict v = HeapTrend.of(pauses(205), BOUNDARIES).verdict(false);
    assertThat(v.flat()).isFalse();
    assertThat(v.why()).startsWith("the app ran out of memory or stopped");
  }

  @Test
  void withoutFullCollectionsTheMostLeftAfterAnyIsCompared() {
    List<Double> two = List.of(0.0, 60.0, 120.0);
    HeapTrend t =
        HeapTrend.of(
            List.of(
                young(10, 300, 100),
                young(50, 300, 120),
                young(70, 300, 110),
                young(110, 300, 140)),
            two);
    assertThat(t.fullCollections()).isFalse();
    assertThat(t.baseline()).isEqualTo(-1);
    assertThat(t.slices().get(0).liveAfterFull()).isEqualTo(-1);
    assertThat(t.slices().get(0).live()).isEqualTo(120 * MB);
    assertThat(t.slices().get(1).live()).isEqualTo(140 * MB);
    // 140 − 120 = 20 MB, over max(12 MB, 16 MB); per 10 minutes: 20 MB in 60 s is 200 MB.
    HeapTrend.Verdict v = t.verdict(true);
    assertThat(v.flat()).isFalse();
    assertThat(v.why()).startsWith("most heap still used after a collection in a slice");
    assertThat(t.mbPer10Minutes()).isCloseTo(200.0, within(1e-9));
  }

  @Test
  void aSliceWithNoCollectionCannotBeJudged() {
    HeapTrend t = HeapTrend.of(List.of(full(59, 90, 50)), List.of(0.0, 60.0, 120.0));
    assertThat(t.slices().get(1).collections()).isZero();
    assertThat(t.verdict(true).flat()).isFalse();
    assertThat(t.verdict(true).why()).isEqualTo("no collection logged in a slice");
  }

  @Test
  void boundariesMustAscend() {
    assertThatThrownBy(() -> HeapTrend.of(List.of(), List.of(1.0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HeapTrend.of(List.of(), List.of(1.0, 1.0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
