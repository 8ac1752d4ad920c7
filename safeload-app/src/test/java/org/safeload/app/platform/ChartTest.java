package org.safeload.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartTest {

  private final Show show = new Show();

  @Test
  void ticksAreRoundStepsCoveringTheHighestValueAndTheReference() {
    Chart c =
        Chart.line("spend", "Spend")
            .x("Month", List.of("Jun 2026", "Jul 2026", "Aug 2026"))
            .y("Spend to date (£)", show::pounds, BigDecimal.ONE)
            .series("Spend", List.of(bd("100000"), bd("230000"), bd("365000.50")))
            .reference("Ceiling", bd("420000"))
            .build();
    // 420,000 over five ticks: steps of 100,000 (84,000 rounded up to 1, 2 or 5 x 10^n).
    assertThat(c.yTicks().stream().map(Chart.Tick::label))
        .containsExactly("£0", "£100,000", "£200,000", "£300,000", "£400,000", "£500,000");
    // The plot runs from y=24 (top, £500,000) to y=256 (bottom, £0): 232 px.
    // £420,000 sits at 256 - 420000 * 232 / 500000 = 256 - 194.88 = 61 (rounded).
    assertThat(c.references().getFirst().y()).isEqualTo(61);
    assertThat(c.references().getFirst().value()).isEqualTo("£420,000");
    // First point at the left edge, last at the right; values in words in the table.
    assertThat(c.series().getFirst().points().getFirst().x()).isEqualTo(Chart.LEFT);
    assertThat(c.series().getFirst().points().getLast().x()).isEqualTo(Chart.WIDTH - Chart.RIGHT);
    assertThat(c.rows().getLast().values()).containsExactly("£365,001");
    assertThat(c.rows().getLast().category()).isEqualTo("Aug 2026");
  }

  @Test
  void countsStepByWholeNumbersAndGapsAreLeftOut() {
    Chart c =
        Chart.line("cases", "Cases")
            .x("Month", List.of("a", "b", "c"))
            .y("Cases", show::number, BigDecimal.ONE)
            .series("Team", java.util.Arrays.asList(bd("2"), null, bd("3")))
            .build();
    assertThat(c.yTicks().stream().map(Chart.Tick::label)).containsExactly("0", "1", "2", "3");
    assertThat(c.series().getFirst().points()).hasSize(2);
    assertThat(c.rows().get(1).values()).containsExactly("No figure");
  }

  @Test
  void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(Chart.niceStep(bd("23"), BigDecimal.ONE)).isEqualByComparingTo("5");
    assertThat(Chart.niceStep(bd("0.9"), new BigDecimal("0.1"))).isEqualByComparingTo("0.2");
    assertThat(Chart.niceStep(bd("4"), BigDecimal.ONE)).isEqualByComparingTo("1");
    assertThat(Chart.niceStep(BigDecimal.ZERO, BigDecimal.ONE)).isEqualByComparingTo("1");
  }

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }
}
