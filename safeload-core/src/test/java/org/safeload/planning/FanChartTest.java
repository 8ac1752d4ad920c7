package org.safeload.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanChartTest {

  private static Projection.Band band(String p10, String p50, String p90) {
    return new Projection.Band(new BigDecimal(p10), new BigDecimal(p50), new BigDecimal(p90), null);
  }

  @Test
  void drawsTheBandTheMedianAndTheTargetWithATextAlternative() {
    List<YearMonth> months =
        List.of(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3));
    String svg =
        FanChart.svg(
            "Team <A> & co",
            "Weighted cases per FTE",
            months,
            List.of(band("10", "15", "20"), band("12", "16", "22"), band("14", "18", "25")),
            new BigDecimal("20"));
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assertTrue(svg.contains("role=\"img\" aria-labelledby=\"fan-title fan-desc\""));
    assertTrue(svg.contains("<title id=\"fan-title\">Team &lt;A&gt; &amp; co</title>"));
    assertTrue(svg.contains("<desc id=\"fan-desc\">Weighted cases per FTE</desc>"));
    // The y axis runs 0 to 25 in steps of 5 (a nice step above 25 / 5): the plot is 244 high
    // (300 − 16 − 40), so 25 is at y = 16 and 0 at y = 260; x runs 56 to 624.
    // The band: 90th percentiles left to right, then 10th right to left.
    // 20 → 16 + 244·(1 − 20/25) = 64.8; 22 → 16 + 244·0.12 = 45.3; 25 → 16; 14 → 123.4; 12 → 142.9;
    // 10 → 162.4.
    assertTrue(
        svg.contains(
            "<polygon points=\"56.0,64.8 340.0,45.3 624.0,16.0 624.0,123.4 340.0,142.9 56.0,162.4 \""),
        svg);
    // The median 15, 16, 18 → 113.6, 103.8, 84.3; the target 20 → 64.8, dashed.
    assertTrue(svg.contains("<polyline points=\"56.0,113.6 340.0,103.8 624.0,84.3 \""), svg);
    assertTrue(
        svg.contains(
            "<line x1=\"56.0\" y1=\"64.8\" x2=\"624.0\" y2=\"64.8\" stroke=\"#b30000\" stroke-dasharray=\"6 4\"/>"));
    assertEquals(1, svg.split("<svg").length - 1);
    assertTrue(svg.endsWith("</svg>"));
  }

  @Test
  void refusesBandsThatDoNotMatchTheMonths() {
    assertThrows(
        IllegalArgumentException.class,
        () -> FanChart.svg("t", "d", List.of(YearMonth.of(2026, 1)), List.of(), null));
  }
}
