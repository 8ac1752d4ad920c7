package org.safeload.planning;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A fan chart of one projected figure as an SVG string drawn on the server: the 10th–90th
 * percentile band shaded, the median as a line, and the target as a dashed line when there is one.
 * The chart has a title and a description for screen readers ({@code role="img"}, {@code
 * aria-labelledby}); pages show the figures as a table beside it. No scripts, no external styles.
 */
public final class FanChart {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 300;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 40;

  private static final java.time.format.DateTimeFormatter MONTH =
      java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
  private static final java.time.format.DateTimeFormatter SHORT_MONTH =
      java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

  private FanChart() {}

  /** The figures a fan chart can show. */
  public enum Figure {
    OPEN_CASES("Open cases", Projection.Month::openCases),
    WEIGHTED_PER_FTE("Weighted cases per FTE", Projection.Month::weightedPerFte),
    UNALLOCATED("Unallocated cases", Projection.Month::unallocated),
    FTE("Case-holding FTE", Projection.Month::fte),
    COST("Cost (£)", Projection.Month::cost);

    private final String label;
    private final Function<Projection.Month, Projection.Band> band;

    Figure(String label, Function<Projection.Month, Projection.Band> band) {
      this.label = label;
      this.band = band;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A fan chart of a team's (or the service's) figure; the target is drawn for weighted cases per
   * FTE.
   *
   * @param where the team's name, or "the service"
   */
  public static String svg(
      Projection projection, Projection.Figures figures, Figure figure, String where) {
    List<YearMonth> months = new ArrayList<>();
    List<Projection.Band> bands = new ArrayList<>();
    for (Projection.Month m : figures.months()) {
      months.add(m.month());
      bands.add(figure.band.apply(m));
    }
    BigDecimal target = figure == Figure.WEIGHTED_PER_FTE ? projection.target() : null;
    String title =
        figure.label()
            + ", "
            + where
            + ", "
            + MONTH.format(months.getFirst())
            + " to "
            + MONTH.format(months.getLast());
    Projection.Band last = bands.getLast();
    String desc =
        "Fan chart of "
            + figure.label().toLowerCase(Locale.UK)
            + " over "
            + months.size()
            + " months from "
            + projection.runs()
            + " runs: the shaded band runs from the 10th to the 90th percentile, the line is the"
            + " median"
            + (target == null ? "" : ", the dashed line the target of " + target.toPlainString())
            + ". In "
            + MONTH.format(months.getLast())
            + " the median is "
            + text(last.p50())
            + " (10th to 90th percentile: "
            + text(last.p10())
            + " to "
            + text(last.p90())
            + ").";
    return svg(title, desc, months, bands, target);
  }

  /** A fan chart of bands by month, with an optional target line. */
  public static String svg(
      String title,
      String description,
      List<YearMonth> months,
      List<Projection.Band> bands,
      BigDecimal target) {
    if (months.isEmpty() || months.size() != bands.size()) {
      throw new IllegalArgumentException("a fan chart needs one band per month");
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Projection.Band b : bands) {
      for (BigDecimal v : new BigDecimal[] {b.p10(), b.p50(), b.p90()}) {
        if (v != null) {
          lo = Math.min(lo, v.doubleValue());
          hi = Math.max(hi, v.doubleValue());
        }
      }
    }
    if (target != null) {
      lo = Math.min(lo, target.doubleValue());
      hi = Math.max(hi, target.doubleValue());
    }
    if (lo == Double.POSITIVE_INFINITY) {
      lo = 0;
      hi = 1;
    }
    lo = Math.min(0, lo);
    double step = niceStep((hi - lo) / 5);
    hi = Math.ceil(hi / step) * step;
    if (hi <= lo) {
      hi = lo + step;
    }
    int n = months.size();
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    double yLo = lo;
    double yHi = hi;
    Function<Integer, Double> x = i -> LEFT + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
    Function<Double, Double> y = v -> TOP + plotH * (1 - (v - yLo) / (yHi - yLo));

    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"fan-title fan-desc\" class=\"fan-chart\">");
    s.append("<title id=\"fan-title\">").append(escape(title)).append("</title>");
    s.append("<desc id=\"fan-desc\">").append(escape(description)).append("</desc>");
    // Grid and y labels.
    int ticks = (int) Math.round((hi - lo) / step);
    for (int k = 0; k <= ticks; k++) {
      double v = lo + k * step;
      double yy = y.apply(v);
      s.append(line(LEFT, yy, WIDTH - RIGHT, yy, "#d0d0d0", null));
      s.append(
          String.format(
              Locale.UK,
              "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>",
              LEFT - 6,
              yy + 4,
              escape(number(v, step))));
    }
    // x labels: about six.
    int every = Math.max(1, (n + 5) / 6);
    for (int i = 0; i < n; i += every) {
      s.append(
          String.format(
              Locale.UK,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
              x.apply(i),
              HEIGHT - BOTTOM + 16,
              SHORT_MONTH.format(months.get(i))));
    }
    // The band (months with both ends), then the median.
    StringBuilder upper = new StringBuilder();
    StringBuilder lower = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Projection.Band b = bands.get(i);
      if (b.p10() != null && b.p90() != null) {
        upper.append(point(x.apply(i), y.apply(b.p90().doubleValue())));
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      Projection.Band b = bands.get(i);
      if (b.p10() != null && b.p90() != null) {
        lower.append(point(x.apply(i), y.apply(b.p10().doubleValue())));
      }
    }
    s.append("<polygon points=\"")
        .append(upper)
        .append(lower)
        .append("\" fill=\"#9ecae1\" fill-opacity=\"0.6\" stroke=\"none\"/>");
    StringBuilder median = new StringBuilder();
    for (int i = 0; i < n; i++) {
      BigDecimal v = bands.get(i).p50();
      if (v != null) {
        median.append(point(x.apply(i), y.apply(v.doubleValue())));
      }
    }
    s.append("<polyline points=\"")
        .append(median)
        .append("\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"2\"/>");
    if (target != null) {
      double ty = y.apply(target.doubleValue());
      s.append(line(LEFT, ty, WIDTH - RIGHT, ty, "#b30000", "6 4"));
    }
    s.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#333333", null));
    s.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#333333", null));
    s.append("</svg>");
    return s.toString();
  }

  private static String line(
      double x1, double y1, double x2, double y2, String colour, String dash) {
    return String.format(
        Locale.UK,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>",
        x1,
        y1,
        x2,
        y2,
        colour,
        dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
  }

  private static String point(double x, double y) {
    return String.format(Locale.UK, "%.1f,%.1f ", x, y);
  }

  private static double niceStep(double raw) {
    if (raw <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }

  private static String number(double v, double step) {
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)));
    return BigDecimal.valueOf(v)
        .setScale(decimals, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String text(BigDecimal v) {
    return v == null ? "none (no case-holding FTE)" : v.toPlainString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
