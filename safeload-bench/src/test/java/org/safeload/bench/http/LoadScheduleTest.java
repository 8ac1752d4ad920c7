package org.safeload.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadScheduleTest {

  @Test
  void theMeasuredTimeIsCutIntoEqualSlices() {
    // A warm-up of 1,000 ns, then 600 ns in 6 slices of 100.
    Load.Schedule s = new Load.Schedule(0, 1000, 1600, 6);
    assertThat(s.boundary(0)).isEqualTo(1000);
    assertThat(s.boundary(1)).isEqualTo(1100);
    assertThat(s.boundary(6)).isEqualTo(1600);
    assertThat(s.slice(1000)).isZero();
    assertThat(s.slice(1099)).isZero();
    assertThat(s.slice(1100)).isEqualTo(1);
    assertThat(s.slice(1550)).isEqualTo(5);
    assertThat(s.slice(1599)).isEqualTo(5);
    assertThat(s.measured()).isEqualTo(Duration.ofNanos(600));
  }

  @Test
  void aRequestInFlightAtTheEndCountsInTheLastSlice() {
    Load.Schedule s = new Load.Schedule(0, 1000, 1600, 6);
    assertThat(s.slice(1600)).isEqualTo(5);
    assertThat(s.slice(50_000)).isEqualTo(5);
  }

  @Test
  void unevenSlicesStartAtTheirBoundary() {
    // 10 ns in 3: boundaries ceil(10/3) = 4 and ceil(20/3) = 7; a request is in the last slice
    // whose
    // boundary is not after it.
    Load.Schedule s = new Load.Schedule(0, 0, 10, 3);
    assertThat(s.boundary(1)).isEqualTo(4);
    assertThat(s.boundary(2)).isEqualTo(7);
    assertThat(s.slice(3)).isZero();
    assertThat(s.slice(4)).isEqualTo(1);
    assertThat(s.slice(6)).isEqualTo(1);
    assertThat(s.slice(7)).isEqualTo(2);
    assertThat(s.slice(9)).isEqualTo(2);
  }

  @Test
  void theWarmUpIsInNoSlice() {
    Load.Schedule s = new Load.Schedule(0, 1000, 1600, 6);
    assertThatThrownBy(() -> s.slice(999)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Load.Schedule(0, 1000, 1000, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Load.Schedule(0, 1000, 1600, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aScheduleStartingNowHasItsWarmUpFirst() {
    long before = System.nanoTime();
    Load.Schedule s = Load.Schedule.startingNow(Duration.ofSeconds(60), Duration.ofMinutes(30), 6);
    assertThat(s.start()).isGreaterThanOrEqualTo(before);
    assertThat(s.from() - s.start()).isEqualTo(60_000_000_000L);
    assertThat(s.boundary(1) - s.from()).isEqualTo(300_000_000_000L);
    assertThat(s.end() - s.from()).isEqualTo(1_800_000_000_000L);
  }
}
