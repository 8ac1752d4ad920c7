package org.safeload.app.money.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.safeload.app.money.Evaluation;

/**
 * Cumulative spend month by month against the ceiling, as coordinates for an SVG drawn on the
 * server (no JavaScript). The table beside it carries the same figures for screen readers.
 */
record SpendChart(
    int width,
    int height,
    String line,
    List<Point> points,
    Integer ceilingY,
    String ceilingLabel,
    String maxLabel) {

  /** A month's point and its label. */
  record Point(int x, int y, String month, String cumulative) {}

  static final int WIDTH = 640;
  static final int HEIGHT = 240;
  static final int LEFT = 20;
  static final int TOP = 20;
  static final int BOTTOM = 30;

  static SpendChart of(Evaluation.ContractResult c) {
    List<BigDecimal> cumulative = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (Evaluation.Month m : c.months()) {
      sum = sum.add(m.total());
      cumulative.add(sum);
    }
    BigDecimal max = sum.max(c.ceiling() == null ? BigDecimal.ZERO : c.ceiling());
    if (max.signum() == 0) {
      max = BigDecimal.ONE;
    }
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int n = cumulative.size();
    int step = n <= 1 ? 0 : (WIDTH - 2 * LEFT) / (n - 1);
    List<Point> points = new ArrayList<>();
    StringBuilder line = new StringBuilder(LEFT + "," + (TOP + plotHeight));
    for (int i = 0; i < n; i++) {
      int x = LEFT + i * step;
      int y = TOP + plotHeight - scale(cumulative.get(i), max, plotHeight);
      points.add(
          new Point(
              x,
              y,
              c.months().get(i).month().toString(),
              String.format("%,.2f", cumulative.get(i))));
      line.append(' ').append(x).append(',').append(y);
    }
    Integer ceilingY =
        c.ceiling() == null ? null : TOP + plotHeight - scale(c.ceiling(), max, plotHeight);
    return new SpendChart(
        WIDTH,
        HEIGHT,
        line.toString(),
        points,
        ceilingY,
        c.ceiling() == null ? null : String.format("Ceiling £%,.2f", c.ceiling()),
        String.format("£%,.0f", max));
  }

  private static int scale(BigDecimal value, BigDecimal max, int height) {
    return value
        .multiply(BigDecimal.valueOf(height))
        .divide(max, 0, RoundingMode.HALF_UP)
        .intValue();
  }
}
