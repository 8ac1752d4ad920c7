package org.safeload.app.caseload.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Throughput;

/**
 * Caseload per case-holding FTE month by month as bars of an SVG drawn on the server (no
 * JavaScript), with the team target as a line. The table beside it carries the same figures.
 */
record ThroughputChart(int width, int height, List<Bar> bars, Integer targetY, String targetLabel) {

  /** A month's bar and its labels. */
  record Bar(int x, int y, int barWidth, int barHeight, String month, String value) {}

  static final int WIDTH = 640;
  static final int HEIGHT = 240;
  static final int LEFT = 20;
  static final int TOP = 20;
  static final int BOTTOM = 30;

  static ThroughputChart of(Throughput.Flow flow, CaseloadPolicy policy) {
    BigDecimal target = policy.teamTargetCasesPerFte();
    BigDecimal max = target == null ? BigDecimal.ONE : target;
    for (Throughput.Month m : flow.months()) {
      if (m.casesPerFte() != null) {
        max = max.max(m.casesPerFte());
      }
    }
    int plot = HEIGHT - TOP - BOTTOM;
    int n = Math.max(1, flow.months().size());
    int slot = (WIDTH - 2 * LEFT) / n;
    int barWidth = Math.max(4, slot * 3 / 5);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < flow.months().size(); i++) {
      Throughput.Month m = flow.months().get(i);
      int h = m.casesPerFte() == null ? 0 : scale(m.casesPerFte(), max, plot);
      bars.add(
          new Bar(
              LEFT + i * slot + (slot - barWidth) / 2,
              TOP + plot - h,
              barWidth,
              h,
              m.month().toString(),
              m.casesPerFte() == null ? "–" : m.casesPerFte().toPlainString()));
    }
    Integer targetY = target == null ? null : TOP + plot - scale(target, max, plot);
    return new ThroughputChart(
        WIDTH,
        HEIGHT,
        bars,
        targetY,
        target == null
            ? null
            : "Target " + target.stripTrailingZeros().toPlainString() + " per FTE");
  }

  private static int scale(BigDecimal value, BigDecimal max, int height) {
    return value
        .multiply(BigDecimal.valueOf(height))
        .divide(max, 0, RoundingMode.HALF_UP)
        .intValue();
  }
}
