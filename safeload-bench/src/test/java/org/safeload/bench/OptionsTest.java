package org.safeload.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safeload.bench.http.BenchFailure;

/** The app benchmark's and the soak's command lines: one reading of what they share. */
class OptionsTest {

  @Test
  void theSoakIsFiftyUsersForHalfAnHourOnALargeCouncilOnH2() {
    SoakBench.Options o = SoakBench.Options.parse(new String[0]);
    assertThat(o.app().children()).isEqualTo(12_000);
    assertThat(o.app().months()).isEqualTo(12);
    assertThat(o.app().users()).isEqualTo(50);
    assertThat(o.app().db()).isEqualTo("h2");
    assertThat(o.app().heap()).isEqualTo("1g");
    assertThat(o.app().today()).isEqualTo(LocalDate.of(2023, 3, 31));
    assertThat(o.minutes()).isEqualTo(30);
    assertThat(o.slices()).isEqualTo(6);
    assertThat(o.warmupSeconds()).isEqualTo(60);
    assertThat(o.measured().dividedBy(o.slices())).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void theShortCheck() {
    SoakBench.Options o =
        SoakBench.Options.parse(
            "--children 1000 --months 3 --users 10 --minutes 2 --keep".split(" "));
    assertThat(o.app().children()).isEqualTo(1000);
    assertThat(o.app().users()).isEqualTo(10);
    assertThat(o.app().keep()).isTrue();
    assertThat(o.app().today()).isEqualTo(LocalDate.of(2022, 6, 30));
    assertThat(o.measured().dividedBy(o.slices())).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void theAppBenchmarkKeepsItsOptions() {
    AppBench.Options o =
        AppBench.Options.parse(
            ("--children 120000 --db postgres --seconds 10 --warmup 3 --saturation-users 0"
                    + " --seed 12345678901 --pg-schema other")
                .split(" "));
    assertThat(o.app().users()).isEqualTo(20);
    assertThat(o.app().heap()).isEqualTo("4g");
    assertThat(o.app().region()).isTrue();
    assertThat(o.app().seed()).isEqualTo(12_345_678_901L);
    assertThat(o.app().pgSchema()).isEqualTo("other");
    assertThat(o.app().keep()).isFalse();
    assertThat(o.seconds()).isEqualTo(10);
    assertThat(o.warmup()).isEqualTo(3);
    assertThat(o.saturationUsers()).isZero();
  }

  @Test
  void eachCommandTakesOnlyItsOwnOptions() {
    assertThatThrownBy(() -> SoakBench.Options.parse(new String[] {"--seconds", "10"}))
        .isInstanceOf(BenchFailure.class)
        .hasMessageStartingWith("Unknown option --seconds");
    assertThatThrownBy(() -> AppBench.Options.parse(new String[] {"--minutes", "10"}))
        .isInstanceOf(BenchFailure.class)
        .hasMessageStartingWith("Unknown option --minutes");
    assertThatThrownBy(() -> SoakBench.Options.parse(new String[] {"--users"}))
        .isInstanceOf(BenchFailure.class)
        .hasMessage("--users needs a value");
    assertThatThrownBy(() -> SoakBench.Options.parse(new String[] {"--users", "many"}))
        .isInstanceOf(BenchFailure.class)
        .hasMessageStartingWith("Not a number: --users many");
    assertThatThrownBy(() -> SoakBench.Options.parse(new String[] {"--slices", "1"}))
        .isInstanceOf(BenchFailure.class);
    assertThatThrownBy(() -> SoakBench.Options.parse(new String[] {"--db", "oracle"}))
        .isInstanceOf(BenchFailure.class);
  }

  @Test
  void minutesAndSeconds() {
    assertThat(SoakBench.minutes(Duration.ofSeconds(20))).isEqualTo("0:20");
    assertThat(SoakBench.minutes(Duration.ofMinutes(30))).isEqualTo("30:00");
    assertThat(SoakBench.minutes(Duration.ofMillis(61_600))).isEqualTo("1:02");
  }
}
