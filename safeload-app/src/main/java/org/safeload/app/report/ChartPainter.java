package org.safeload.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.safeload.report.Chart;
import org.safeload.report.ReportFormat;
import org.safeload.report.ValueKind;

/**
 * Draws a {@link Chart} as a PNG with Java2D (headless), in the shipped font: plain council style,
 * flat colours from the GOV.UK palette, no gradients or shadows; labelled axes with round ticks,
 * the reference line dashed and labelled, a legend when there is more than one thing to tell apart,
 * and on bar charts each bar's value above it. The picture is {@link #WIDTH} by {@link #HEIGHT}
 * points drawn at {@link #SCALE} times that in pixels, so it stays sharp in print.
 */
final class ChartPainter {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** The picture's size in points (1/72 inch) and in CSS pixels. */
  static final int WIDTH = 640;

  static final int HEIGHT = 340;

  /** Pixels per point in the PNG. */
  static final int SCALE = 3;

  private static final Color INK = new Color(0x0b0c0c);
  private static final Color GRID = new Color(0xb1b4b6);
  private static final Color REFERENCE = new Color(0xd4351c);
  private static final List<Color> COLOURS =
      List.of(
          new Color(0x1d70b8),
          new Color(0xf47738),
          new Color(0x00703c),
          new Color(0x4c2c92),
          new Color(0x505a5f),
          new Color(0x912b88));

  private static final int LEFT = 84;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 80;

  private ChartPainter() {}

  static byte[] png(Chart chart) {
    BufferedImage image =
        new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.scale(SCALE, SCALE);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      draw(g, chart);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void draw(Graphics2D g, Chart chart) {
    List<String> categories = chart.categories();
    int n = categories.size();
    double plotLeft = LEFT;
    double plotRight = WIDTH - RIGHT;
    double plotTop = TOP;
    double plotBottom = HEIGHT - BOTTOM;
    double band = (plotRight - plotLeft) / n;

    BigDecimal max = BigDecimal.ZERO;
    BigDecimal min = BigDecimal.ZERO;
    for (Chart.Series s : chart.series()) {
      for (BigDecimal v : s.values()) {
        if (v != null) {
          max = max.max(v);
          min = min.min(v);
        }
      }
    }
    if (chart.reference() != null) {
      max = max.max(chart.reference().value());
      min = min.min(chart.reference().value());
    }
    BigDecimal step = step(max.subtract(min));
    BigDecimal top = roundAway(max, step);
    BigDecimal bottom = roundAway(min, step);
    if (top.compareTo(bottom) <= 0) {
      top = bottom.add(step);
    }
    Scale y = new Scale(bottom, top, plotBottom, plotTop);

    // Grid and value axis labels.
    g.setFont(ReportFonts.awt(false, 12));
    FontMetrics fm = g.getFontMetrics();
    g.setStroke(new BasicStroke(0.75f));
    for (BigDecimal v = bottom; v.compareTo(top) <= 0; v = v.add(step)) {
      double py = y.at(v);
      g.setColor(GRID);
      g.draw(new Line2D.Double(plotLeft, py, plotRight, py));
      g.setColor(INK);
      String label = tick(chart.unit(), v, step);
      g.drawString(
          label,
          (float) (plotLeft - 6 - fm.stringWidth(label)),
          (float) (py + fm.getAscent() / 2.5));
    }
    // Axes.
    g.setColor(INK);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Line2D.Double(plotLeft, plotTop, plotLeft, plotBottom));
    double zero = y.at(BigDecimal.ZERO);
    g.draw(new Line2D.Double(plotLeft, zero, plotRight, zero));

    // Category labels, thinned out when they would overlap.
    int widest = categories.stream().mapToInt(fm::stringWidth).max().orElse(0);
    int every = Math.max(1, (int) Math.ceil((widest + 8) / band));
    for (int i = 0; i < n; i++) {
      if (i % every != 0 && i != n - 1) {
        continue;
      }
      String label = categories.get(i);
      double cx = plotLeft + band * (i + 0.5);
      g.drawString(
          label,
          (float) (cx - fm.stringWidth(label) / 2.0),
          (float) (plotBottom + 6 + fm.getAscent()));
    }

    // Axis titles.
    g.setFont(ReportFonts.awt(true, 12));
    FontMetrics bold = g.getFontMetrics();
    String xTitle = chart.categoryTitle();
    g.drawString(
        xTitle,
        (float) ((plotLeft + plotRight) / 2 - bold.stringWidth(xTitle) / 2.0),
        (float) (plotBottom + 10 + fm.getHeight() + bold.getAscent()));
    AffineTransform saved = g.getTransform();
    String yTitle = chart.valueTitle();
    g.translate(14, (plotTop + plotBottom) / 2 + bold.stringWidth(yTitle) / 2.0);
    g.rotate(-Math.PI / 2);
    g.drawString(yTitle, 0, 0);
    g.setTransform(saved);

    // The series.
    g.setFont(ReportFonts.awt(false, 11));
    FontMetrics small = g.getFontMetrics();
    int count = chart.series().size();
    for (int s = 0; s < count; s++) {
      Chart.Series series = chart.series().get(s);
      Color colour = COLOURS.get(s % COLOURS.size());
      g.setColor(colour);
      if (chart.kind() == Chart.Kind.BAR) {
        double groupWidth = Math.min(band * 0.7, 90.0 * count);
        double barWidth = groupWidth / count;
        for (int i = 0; i < n; i++) {
          BigDecimal v = series.values().get(i);
          if (v == null) {
            continue;
          }
          double x = plotLeft + band * i + (band - groupWidth) / 2 + barWidth * s;
          double py = y.at(v);
          double height = Math.abs(zero - py);
          g.setColor(colour);
          g.fill(new Rectangle2D.Double(x + 1, Math.min(py, zero), barWidth - 2, height));
          // The value: inside the bar's end in white where it fits, else beyond it in ink.
          String value = chart.format(v);
          int w = small.stringWidth(value);
          if (w > barWidth + 8) {
            continue;
          }
          boolean inside = height >= small.getAscent() + 8 && w <= barWidth - 6;
          float tx = (float) (x + barWidth / 2 - w / 2.0);
          float ty;
          if (v.signum() >= 0) {
            ty = (float) (inside ? py + small.getAscent() + 4 : py - 4);
          } else {
            ty = (float) (inside ? py - 5 : py + small.getAscent() + 3);
          }
          g.setColor(inside ? Color.WHITE : INK);
          g.drawString(value, tx, ty);
        }
      } else {
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double line = new Path2D.Double();
        boolean open = false;
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          BigDecimal v = series.values().get(i);
          if (v == null) {
            open = false;
            continue;
          }
          double px = plotLeft + band * (i + 0.5);
          double py = y.at(v);
          if (open) {
            line.lineTo(px, py);
          } else {
            line.moveTo(px, py);
            open = true;
          }
          points.add(new double[] {px, py});
        }
        g.draw(line);
        for (double[] p : points) {
          g.fill(new Ellipse2D.Double(p[0] - 3.5, p[1] - 3.5, 7, 7));
        }
      }
    }

    // The reference line, dashed, labelled at its left end on a white ground.
    if (chart.reference() != null) {
      double py = y.at(chart.reference().value());
      Stroke dashed =
          new BasicStroke(
              2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);
      g.setColor(REFERENCE);
      g.setStroke(dashed);
      g.draw(new Line2D.Double(plotLeft, py, plotRight, py));
      g.setFont(ReportFonts.awt(true, 11));
      FontMetrics rm = g.getFontMetrics();
      String label = referenceLabel(chart);
      float lx = (float) (plotLeft + 8);
      float ly = (float) (py - 5 < plotTop + rm.getAscent() ? py + rm.getAscent() + 4 : py - 5);
      g.setColor(Color.WHITE);
      g.fill(
          new Rectangle2D.Double(
              lx - 2, ly - rm.getAscent(), rm.stringWidth(label) + 4, rm.getAscent() + 2));
      g.setColor(REFERENCE);
      g.drawString(label, lx, ly);
    }

    legend(g, chart, plotLeft, HEIGHT - 16);
  }

  /** A key for each series (and the reference line) when there is more than one line to tell. */
  private static void legend(Graphics2D g, Chart chart, double left, double baseline) {
    if (chart.series().size() < 2 && chart.reference() == null) {
      return;
    }
    g.setFont(ReportFonts.awt(false, 12));
    FontMetrics fm = g.getFontMetrics();
    double x = left;
    for (int s = 0; s < chart.series().size(); s++) {
      g.setColor(COLOURS.get(s % COLOURS.size()));
      if (chart.kind() == Chart.Kind.BAR) {
        g.fill(new Rectangle2D.Double(x, baseline - 10, 14, 10));
      } else {
        g.setStroke(new BasicStroke(2.5f));
        g.draw(new Line2D.Double(x, baseline - 5, x + 14, baseline - 5));
        g.fill(new Ellipse2D.Double(x + 3.5, baseline - 8.5, 7, 7));
      }
      g.setColor(INK);
      String name = chart.series().get(s).name();
      g.drawString(name, (float) (x + 19), (float) baseline);
      x += 19 + fm.stringWidth(name) + 18;
    }
    if (chart.reference() != null) {
      g.setColor(REFERENCE);
      g.setStroke(
          new BasicStroke(
              2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
      g.draw(new Line2D.Double(x, baseline - 5, x + 16, baseline - 5));
      g.setColor(INK);
      g.drawString(chart.reference().label(), (float) (x + 21), (float) baseline);
    }
  }

  static String referenceLabel(Chart chart) {
    return chart.reference().label() + ": " + chart.format(chart.reference().value());
  }

  /** A tick label: money in whole pounds when the step is, numbers as the report writes them. */
  static String tick(ValueKind unit, BigDecimal value, BigDecimal step) {
    if (unit == ValueKind.MONEY && step.compareTo(BigDecimal.ONE) >= 0) {
      String pounds = ReportFormat.money(value);
      return pounds.substring(0, pounds.length() - 3);
    }
    return ReportFormat.of(unit, value);
  }

  /** A step of 1, 2 or 5 times a power of ten giving about five ticks over the range. */
  static BigDecimal step(BigDecimal range) {
    BigDecimal smallest = new BigDecimal("0.01");
    if (range.signum() <= 0) {
      return BigDecimal.ONE;
    }
    BigDecimal rough = range.divide(BigDecimal.valueOf(5), 10, RoundingMode.HALF_UP);
    BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(rough.precision() - rough.scale() - 1);
    for (int m : new int[] {1, 2, 5, 10}) {
      BigDecimal step = power.multiply(BigDecimal.valueOf(m));
      if (step.compareTo(rough) >= 0) {
        return step.max(smallest).stripTrailingZeros();
      }
    }
    return power.multiply(BigDecimal.TEN).max(smallest);
  }

  /** The multiple of the step at or beyond the value, away from zero (0 for 0). */
  static BigDecimal roundAway(BigDecimal value, BigDecimal step) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return value.divide(step, 0, RoundingMode.UP).multiply(step);
  }

  /** Values to pixels, top being the larger value. */
  private record Scale(BigDecimal low, BigDecimal high, double bottom, double top) {
    double at(BigDecimal v) {
      double share = v.subtract(low).doubleValue() / high.subtract(low).doubleValue();
      return bottom - share * (bottom - top);
    }
  }
}
