package org.safeload.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A chart: a line chart (e.g. cumulative spend against the ceiling) or a bar chart (e.g. caseload
 * per FTE before and after), over named categories, with one or more series of exact values, an
 * optional horizontal reference line, a required text alternative (a sentence saying what the chart
 * shows), and its figures as a table ({@link #asTable()}) for anyone who cannot see it.
 *
 * @param title what it shows, e.g. "Cumulative spend against the ceiling"
 * @param kind line or bar
 * @param categoryTitle the horizontal axis, e.g. "Month"
 * @param categories the label of each category, e.g. "Apr 2026"
 * @param valueTitle the vertical axis with its unit, e.g. "Spend (£)"
 * @param unit how values are written: money, a number or a percentage
 * @param series the series, each with one value per category ({@code null} for no figure)
 * @param reference a horizontal line across the plot, or {@code null}
 * @param textAlternative a sentence for screen readers and for the picture's alternative text
 */
public record Chart(
    String title,
    Kind kind,
    String categoryTitle,
    List<String> categories,
    String valueTitle,
    ValueKind unit,
    List<Series> series,
    Reference reference,
    String textAlternative)
    implements Block {

  /** How the values are drawn. */
  public enum Kind {
    /** Points joined by a line, one line a series. */
    LINE,
    /** Bars side by side within each category, one bar a series. */
    BAR
  }

  /** A named series with one value per category; a {@code null} value is no figure. */
  public record Series(String name, List<BigDecimal> values) {
    public Series {
      Objects.requireNonNull(name, "name");
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    public static Series of(String name, BigDecimal... values) {
      return new Series(name, Arrays.asList(values));
    }
  }

  /** A horizontal line at a value, e.g. the ceiling or a caseload target. */
  public record Reference(String label, BigDecimal value) {
    public Reference {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
    }
  }

  public Chart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(categoryTitle, "categoryTitle");
    categories = List.copyOf(categories);
    Objects.requireNonNull(valueTitle, "valueTitle");
    Objects.requireNonNull(unit, "unit");
    series = List.copyOf(series);
    if (!unit.numeric()) {
      throw new IllegalArgumentException("chart " + title + ": values must be numeric");
    }
    if (textAlternative == null || textAlternative.isBlank()) {
      throw new IllegalArgumentException("chart " + title + " needs a text alternative");
    }
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("chart " + title + " has no categories");
    }
    if (series.isEmpty()) {
      throw new IllegalArgumentException("chart " + title + " has no series");
    }
    for (Series s : series) {
      if (s.values().size() != categories.size()) {
        throw new IllegalArgumentException(
            "chart "
                + title
                + ": series "
                + s.name()
                + " has "
                + s.values().size()
                + " values for "
                + categories.size()
                + " categories");
      }
    }
  }

  public static Builder line(String title) {
    return new Builder(title, Kind.LINE);
  }

  public static Builder bar(String title) {
    return new Builder(title, Kind.BAR);
  }

  public Optional<Reference> referenceLine() {
    return Optional.ofNullable(reference);
  }

  /** A value as the chart writes it ("£12,000.00", "18.5"). */
  public String format(BigDecimal value) {
    return ReportFormat.of(unit, value);
  }

  /**
   * The figures as a table: a row per category with each series' value (nothing where a series has
   * no figure); the reference line, if any, is named in the caption. Not summed: a chart's values
   * may be running totals or rates.
   */
  public Table asTable() {
    Table.Builder table =
        Table.builder(
            title
                + referenceLine()
                    .map(r -> " (" + r.label() + ": " + format(r.value()) + ")")
                    .orElse(""));
    table.column(categoryTitle, ValueKind.TEXT);
    for (Series s : series) {
      table.column(s.name(), unit);
    }
    for (int i = 0; i < categories.size(); i++) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(categories.get(i)));
      for (Series s : series) {
        BigDecimal v = s.values().get(i);
        cells.add(v == null ? Cell.empty() : Cell.of(unit, v));
      }
      table.row(cells);
    }
    return table.build();
  }

  /** Builds a chart: the axes, then the series. */
  public static final class Builder {
    private final String title;
    private final Kind kind;
    private String categoryTitle = "";
    private List<String> categories = List.of();
    private String valueTitle = "";
    private ValueKind unit = ValueKind.NUMBER;
    private final List<Series> series = new ArrayList<>();
    private Reference reference;
    private String textAlternative;

    private Builder(String title, Kind kind) {
      this.title = title;
      this.kind = kind;
    }

    /** The horizontal axis: its title and the category labels. */
    public Builder categories(String title, List<String> labels) {
      this.categoryTitle = title;
      this.categories = List.copyOf(labels);
      return this;
    }

    /**
     * The vertical axis: its title (with the unit, e.g. "Spend (£)") and how values are written.
     */
    public Builder values(String title, ValueKind unit) {
      this.valueTitle = title;
      this.unit = unit;
      return this;
    }

    public Builder series(String name, List<BigDecimal> values) {
      series.add(new Series(name, values));
      return this;
    }

    public Builder reference(String label, BigDecimal value) {
      this.reference = new Reference(label, value);
      return this;
    }

    /** A sentence saying what the chart shows. */
    public Builder describedAs(String textAlternative) {
      this.textAlternative = textAlternative;
      return this;
    }

    public Chart build() {
      return new Chart(
          title,
          kind,
          categoryTitle,
          categories,
          valueTitle,
          unit,
          series,
          reference,
          textAlternative);
    }
  }
}
