package org.safeload.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  private static final long MS = 1_000_000;

  @Test
  void percentilesAreTheNearestRank() {
    long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();
    assertThat(Latencies.percentile(oneToHundred, 50)).isEqualTo(50);
    assertThat(Latencies.percentile(oneToHundred, 95)).isEqualTo(95);
    assertThat(Latencies.percentile(oneToHundred, 99)).isEqualTo(99);
    assertThat(Latencies.percentile(oneToHundred, 100)).isEqualTo(100);
    assertThat(Latencies.percentile(oneToHundred, 0.5)).isEqualTo(1);

    long[] ten = LongStream.rangeClosed(1, 10).map(v -> v * 10).toArray();
    assertThat(Latencies.percentile(ten, 50)).isEqualTo(50);
    // The 95th and 99th percentiles of ten values are the largest: rank ceil(9.5) = ceil(9.9) = 10.
    assertThat(Latencies.percentile(ten, 95)).isEqualTo(100);
    assertThat(Latencies.percentile(ten, 99)).isEqualTo(100);
    assertThat(Latencies.percentile(new long[] {7}, 99)).isEqualTo(7);
  }

  @Test
  void aPercentileNeedsValuesAndARange() {
    assertThatThrownBy(() -> Latencies.percentile(new long[0], 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Latencies.percentile(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Latencies.percentile(new long[] {1}, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void summariesCountErrorsAndAddUsersTogether() {
    Latencies first = new Latencies();
    Latencies second = new Latencies();
    for (int i = 100; i >= 1; i--) {
      (i % 2 == 0 ? first : second).record("caseloads (page)", i * MS, 1000, null);
    }
    second.record("caseloads (API)", 5 * MS, 200, "HTTP 500 /api/v1/caseloads");
    second.record("caseloads (API)", 7 * MS, 200, "HTTP 500 /api/v1/caseloads");
    Latencies all = new Latencies();
    all.addAll(first);
    all.addAll(second);

    Latencies.Summary page = all.summary("caseloads (page)");
    assertThat(page.count()).isEqualTo(100);
    assertThat(page.errors()).isZero();
    assertThat(page.p50()).isEqualTo(50.0);
    assertThat(page.p95()).isEqualTo(95.0);
    assertThat(page.p99()).isEqualTo(99.0);
    assertThat(page.max()).isEqualTo(100.0);
    assertThat(page.mean()).isEqualTo(50.5);
    assertThat(page.bytes()).isEqualTo(1000);

    Latencies.Summary api = all.summary("caseloads (API)");
    assertThat(api.count()).isEqualTo(2);
    assertThat(api.errors()).isEqualTo(2);
    assertThat(api.problems()).containsExactly("HTTP 500 /api/v1/caseloads");

    assertThat(all.count()).isEqualTo(102);
    assertThat(all.overall("all").errors()).isEqualTo(2);
    assertThat(all.summary("nothing").count()).isZero();
  }
}
