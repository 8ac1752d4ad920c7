package org.safeload.app.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A line chart drawn on the server as SVG (no JavaScript), with a labelled x axis (categories, e.g.
 * months), a labelled y axis with round ticks and its unit, one or more series, optional reference
 * lines (a ceiling, a target), and the same figures as a table for screen readers and for reading
 * exact values. Pages draw it with {@code chart :: chart(${chart})}.
 *
 * <p>Build with {@link #line(String, String)}; values are exact ({@code BigDecimal}) and only the
 * drawing rounds them to pixels.
 */
public final class Chart {

  public static final int WIDTH = 720;
  public static final int HEIGHT = 320;
  public static final int LEFT = 80;
  public static final int RIGHT = 48;
  public static final int TOP = 24;
  public static final int BOTTOM = 64;

  /** What the data table says for a category without a figure (a gap in the line). */
  public static final String NO_FIGURE = "No figure";

  private static final List<String> COLOURS =
      List.of("#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#505a5f");

  /** A point on a series, in pixels, with its value in words. */
  public record Point(int x, int y, String category, String value) {}

  /** A named line, its colour, its points and its polyline. */
  public record Series(String name, String colour, List<Point> points, String polyline) {}

  /** A horizontal line across the plot at a value (a ceiling, a target). */
  public record Reference(String label, int y, String value) {}

  /** A tick on an axis: its position in pixels and its label. */
  public record Tick(int at, String label) {}

  /** One row of the data table: a category and each series' value in words. */
  public record Row(String category, List<String> values) {}

  private final String id;
  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final List<Tick> xTicks;
  private final List<Tick> yTicks;
  private final List<Series> series;
  private final List<Reference> references;
  private final List<Row> rows;

  private Chart(Builder b) {
    this.id = b.id;
    this.title = b.title;
    this.xTitle = b.xTitle;
    this.yTitle = b.yTitle;
    int n = b.categories.size();
    BigDecimal max = BigDecimal.ZERO;
    BigDecimal min = BigDecimal.ZERO;
    for (List<BigDecimal> values : b.values) {
      for (BigDecimal v : values) {
        if (v != null) {
          max = max.max(v);
          min = min.min(v);
        }
      }
    }
    for (BigDecimal r : b.referenceValues) {
      max = max.max(r);
      min = min.min(r);
    }
    BigDecimal step = niceStep(max.subtract(min), b.minStep);
    BigDecimal top = roundUp(max, step);
    BigDecimal bottom = roundUp(min.negate(), step).negate();
    if (top.compareTo(bottom) <= 0) {
      top = bottom.add(step);
    }
    final BigDecimal hi = top;
    final BigDecimal lo = bottom;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int plotWidth = WIDTH - LEFT - RIGHT;
    Function<BigDecimal, Integer> y =
        v ->
            TOP
                + plotHeight
                - v.subtract(lo)
                    .multiply(BigDecimal.valueOf(plotHeight))
                    .divide(hi.subtract(lo), 0, RoundingMode.HALF_UP)
                    .intValue();
    Function<Integer, Integer> x =
        i -> n <= 1 ? LEFT + plotWidth / 2 : LEFT + (int) ((long) i * plotWidth / (n - 1));

    List<Tick> yt = new ArrayList<>();
    for (BigDecimal v = bottom; v.compareTo(top) <= 0; v = v.add(step)) {
      yt.add(new Tick(y.apply(v), b.format.apply(v)));
    }
    this.yTicks = List.copyOf(yt);
    List<Tick> xt = new ArrayList<>();
    int every = Math.max(1, (n + 11) / 12);
    for (int i = 0; i < n; i++) {
      if (i % every == 0 || i == n - 1) {
        xt.add(new Tick(x.apply(i), b.categories.get(i)));
      }
    }
    this.xTicks = List.copyOf(xt);

    List<Series> drawn = new ArrayList<>();
    for (int s = 0; s < b.names.size(); s++) {
      List<Point> points = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      List<BigDecimal> values = b.values.get(s);
      for (int i = 0; i < n; i++) {
        BigDecimal v = values.get(i);
        if (v == null) {
          continue;
        }
        int px = x.apply(i);
        int py = y.apply(v);
        points.add(new Point(px, py, b.categories.get(i), b.format.apply(v)));
        line.append(line.isEmpty() ? "" : " ").append(px).append(',').append(py);
      }
      drawn.add(
          new Series(
              b.names.get(s),
              COLOURS.get(s % COLOURS.size()),
              List.copyOf(points),
              line.toString()));
    }
    this.series = List.copyOf(drawn);
    List<Reference> refs = new ArrayList<>();
    for (int r = 0; r < b.referenceLabels.size(); r++) {
      BigDecimal v = b.referenceValues.get(r);
      refs.add(new Reference(b.referenceLabels.get(r), y.apply(v), b.format.apply(v)));
    }
    this.references = List.copyOf(refs);
    List<Row> table = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> cells = new ArrayList<>();
      for (List<BigDecimal> values : b.values) {
        BigDecimal v = values.get(i);
        cells.add(v == null ? NO_FIGURE : b.format.apply(v));
      }
      table.add(new Row(b.categories.get(i), List.copyOf(cells)));
    }
    this.rows = List.copyOf(table);
  }

  /** A step of 1, 2 or 5 times a power of ten giving about five ticks over the range. */
  static BigDecimal niceStep(BigDecimal range, BigDecimal minStep) {
    if (range.signum() <= 0) {
      return minStep;
    }
    BigDecimal rough = range.divide(BigDecimal.valueOf(5), 10, RoundingMode.HALF_UP);
    BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(rough.precision() - rough.scale() - 1);
    for (int m : new int[] {1, 2, 5, 10}) {
      BigDecimal step = power.multiply(BigDecimal.valueOf(m));
      if (step.compareTo(rough) >= 0) {
        return step.max(minStep).stripTrailingZeros();
      }
    }
    return power.multiply(BigDecimal.TEN).max(minStep);
  }

  private static BigDecimal roundUp(BigDecimal value, BigDecimal step) {
    if (value.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    return value.divide(step, 0, RoundingMode.CEILING).multiply(step);
  }

  public static Builder line(String id, String title) {
    return new Builder(id, title);
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String xTitle() {
    return xTitle;
  }

  public String yTitle() {
    return yTitle;
  }

  public List<Tick> xTicks() {
    return xTicks;
  }

  public List<Tick> yTicks() {
    return yTicks;
  }

  public List<Series> series() {
    return series;
  }

  public List<Reference> references() {
    return references;
  }

  public List<Row> rows() {
    return rows;
  }

  public int width() {
    return WIDTH;
  }

  public int height() {
    return HEIGHT;
  }

  public int left() {
    return LEFT;
  }

  public int right() {
    return WIDTH - RIGHT;
  }

  public int top() {
    return TOP;
  }

  public int bottom() {
    return HEIGHT - BOTTOM;
  }

  /** Whether there is anything to draw. */
  public boolean empty() {
    return rows.isEmpty();
  }

  /** Builds a chart: categories first, then each series with one value (or null) per category. */
  public static final class Builder {
    private final String id;
    private final String title;
    private String xTitle = "";
    private String yTitle = "";
    private List<String> categories = List.of();
    private final List<String> names = new ArrayList<>();
    private final List<List<BigDecimal>> values = new ArrayList<>();
    private final List<String> referenceLabels = new ArrayList<>();
    private final List<BigDecimal> referenceValues = new ArrayList<>();
    private Function<BigDecimal, String> format = v -> v.stripTrailingZeros().toPlainString();
    private BigDecimal minStep = new BigDecimal("0.1");

    private Builder(String id, String title) {
      this.id = Objects.requireNonNull(id);
      this.title = Objects.requireNonNull(title);
    }

    /** The x axis: its title and the category under each point, e.g. "Jul 2026". */
    public Builder x(String title, List<String> categories) {
      this.xTitle = title;
      this.categories = List.copyOf(categories);
      return this;
    }

    /**
     * The y axis: its title with the unit ("Spend (£)", "Cases per FTE"), how values are written on
     * ticks and in the table, and the smallest step between ticks (1 for counts).
     */
    public Builder y(String title, Function<BigDecimal, String> format, BigDecimal minStep) {
      this.yTitle = title;
      this.format = format;
      this.minStep = minStep;
      return this;
    }

    public Builder series(String name, List<BigDecimal> valuesByCategory) {
      if (valuesByCategory.size() != categories.size()) {
        throw new IllegalArgumentException(
            "series "
                + name
                + " has "
                + valuesByCategory.size()
                + " values for "
                + categories.size()
                + " categories");
      }
      names.add(name);
      values.add(new ArrayList<>(valuesByCategory));
      return this;
    }

    public Builder reference(String label, BigDecimal value) {
      if (value != null) {
        referenceLabels.add(label);
        referenceValues.add(value);
      }
      return this;
    }

    public Chart build() {
      return new Chart(this);
    }
  }
}
