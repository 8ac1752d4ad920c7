package org.safeload.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A table with a caption, typed columns, rows of cells and, when any column is summed, a total row
 * that the table computes from its rows: a total is never typed in. A money total is the sum of the
 * amounts <em>as written</em> (each rounded to the penny, half up), so the total always equals the
 * sum of the figures printed above it, even when the rows carry fractions of a penny.
 *
 * <p>A figure printed elsewhere for a total (the council's own report, typed in) is kept as a
 * {@link PrintedTotal}: when it differs from the computed total, the total cell carries a note
 * saying so, with both figures and the difference.
 *
 * <p>Cells may carry notes; {@link #footnotes()} lists them under the table with markers "a", "b",
 * ... in reading order (the same text has the same marker), and {@link #marker(Cell)} gives a
 * cell's.
 *
 * @param caption what the table shows, e.g. "Monthly cost, April to September 2026"
 * @param columns the columns, left to right
 * @param rows the rows, top to bottom (without the total)
 * @param totalLabel the words in the first cell of the total row, e.g. "Total"
 * @param printedTotals figures printed elsewhere for the totals of summed columns
 */
public record Table(
    String caption,
    List<Column> columns,
    List<Row> rows,
    String totalLabel,
    List<PrintedTotal> printedTotals)
    implements Block {

  /**
   * A column: its heading, the kind of its values, and whether the total row adds it up (money and
   * numbers only).
   */
  public record Column(String heading, ValueKind kind, boolean summed) {
    public Column {
      Objects.requireNonNull(heading, "heading");
      Objects.requireNonNull(kind, "kind");
      if (summed && !(kind == ValueKind.MONEY || kind == ValueKind.NUMBER)) {
        throw new IllegalArgumentException(
            "column " + heading + ": only money and numbers can be summed");
      }
    }
  }

  /** One row's cells, one per column. */
  public record Row(List<Cell> cells) {
    public Row {
      cells = List.copyOf(cells);
    }

    public static Row of(Cell... cells) {
      return new Row(Arrays.asList(cells));
    }
  }

  /**
   * A figure printed elsewhere for the total of a summed column.
   *
   * @param column the column's index (0 is the first)
   * @param amount the figure as printed
   * @param source where it is printed, e.g. "The council's report"
   */
  public record PrintedTotal(int column, BigDecimal amount, String source) {
    public PrintedTotal {
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(source, "source");
    }
  }

  /** A printed total that differs from the total of the rows. */
  public record Difference(
      String column,
      BigDecimal printed,
      BigDecimal computed,
      BigDecimal difference,
      String source) {}

  /** A note under the table and its marker. */
  public record Footnote(String marker, String text) {}

  public Table {
    Objects.requireNonNull(caption, "caption");
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    totalLabel = totalLabel == null ? "Total" : totalLabel;
    printedTotals = List.copyOf(printedTotals);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + caption + " has no columns");
    }
    for (int r = 0; r < rows.size(); r++) {
      List<Cell> cells = rows.get(r).cells();
      if (cells.size() != columns.size()) {
        throw new IllegalArgumentException(
            "table "
                + caption
                + ": row "
                + (r + 1)
                + " has "
                + cells.size()
                + " cells for "
                + columns.size()
                + " columns");
      }
      for (int c = 0; c < cells.size(); c++) {
        Cell cell = cells.get(c);
        Column column = columns.get(c);
        if (!cell.isEmpty() && cell.kind() != column.kind()) {
          throw new IllegalArgumentException(
              "table "
                  + caption
                  + ": row "
                  + (r + 1)
                  + ", column "
                  + column.heading()
                  + " holds "
                  + column.kind()
                  + ", not "
                  + cell.kind());
        }
      }
    }
    boolean summed = columns.stream().anyMatch(Column::summed);
    if (summed && columns.get(0).summed()) {
      throw new IllegalArgumentException(
          "table " + caption + ": the first column holds the total's label and cannot be summed");
    }
    for (PrintedTotal p : printedTotals) {
      if (p.column() < 0 || p.column() >= columns.size() || !columns.get(p.column()).summed()) {
        throw new IllegalArgumentException(
            "table " + caption + ": a printed total needs a summed column, not " + p.column());
      }
    }
  }

  public static Builder builder(String caption) {
    return new Builder(caption);
  }

  /** Whether the table has a total row (some column is summed). */
  public boolean hasTotal() {
    return columns.stream().anyMatch(Column::summed);
  }

  /** Whether the first column names its row (words), so renderings mark it as the row's header. */
  public boolean rowHeaders() {
    return columns.get(0).kind() == ValueKind.TEXT;
  }

  /** The sum of a summed column: its amounts as written (money rounded to the penny) added up. */
  public BigDecimal sum(int column) {
    Column c = columns.get(column);
    if (!c.summed()) {
      throw new IllegalArgumentException("column " + c.heading() + " is not summed");
    }
    BigDecimal sum = ReportFormat.rounded(c.kind(), BigDecimal.ZERO);
    for (Row row : rows) {
      sum = sum.add(row.cells().get(column).shown().orElse(BigDecimal.ZERO));
    }
    return sum;
  }

  /**
   * The total row, computed from the rows: the label, then each summed column's sum (with a note
   * where a printed total differs) and nothing under the other columns.
   */
  public Optional<Row> total() {
    if (!hasTotal()) {
      return Optional.empty();
    }
    List<Cell> cells = new ArrayList<>();
    cells.add(Cell.text(totalLabel));
    for (int c = 1; c < columns.size(); c++) {
      Column column = columns.get(c);
      if (!column.summed()) {
        cells.add(Cell.empty());
        continue;
      }
      BigDecimal sum = sum(c);
      StringBuilder note = new StringBuilder();
      for (Difference d : differences()) {
        if (d.column().equals(column.heading())) {
          note.append(note.isEmpty() ? "" : " ").append(differenceNote(column.kind(), d));
        }
      }
      cells.add(Cell.of(column.kind(), sum).withNote(note.toString()));
    }
    return Optional.of(new Row(cells));
  }

  /** The printed totals that differ from the totals of the rows, in the order given. */
  public List<Difference> differences() {
    List<Difference> out = new ArrayList<>();
    for (PrintedTotal p : printedTotals) {
      Column column = columns.get(p.column());
      BigDecimal computed = sum(p.column());
      BigDecimal printed = ReportFormat.rounded(column.kind(), p.amount());
      if (computed.compareTo(printed) != 0) {
        out.add(
            new Difference(
                column.heading(), printed, computed, computed.subtract(printed), p.source()));
      }
    }
    return out;
  }

  private static String differenceNote(ValueKind kind, Difference d) {
    BigDecimal gap = d.difference().abs();
    return d.source()
        + " gives "
        + ReportFormat.of(kind, d.printed())
        + " for the total of "
        + d.column()
        + "; the rows add up to "
        + ReportFormat.of(kind, d.computed())
        + ", "
        + ReportFormat.of(kind, gap)
        + (d.difference().signum() > 0 ? " more." : " less.");
  }

  /** The notes of the cells (rows, then the total), each once, with markers "a", "b", .... */
  public List<Footnote> footnotes() {
    Map<String, String> markers = new LinkedHashMap<>();
    List<Row> all = new ArrayList<>(rows);
    total().ifPresent(all::add);
    for (Row row : all) {
      for (Cell cell : row.cells()) {
        if (cell.note() != null) {
          markers.computeIfAbsent(cell.note(), n -> marker(markers.size()));
        }
      }
    }
    return markers.entrySet().stream().map(e -> new Footnote(e.getValue(), e.getKey())).toList();
  }

  /** The marker of a cell's note ("a"), or "" for a cell without one. */
  public String marker(Cell cell) {
    if (cell.note() == null) {
      return "";
    }
    return footnotes().stream()
        .filter(f -> f.text().equals(cell.note()))
        .map(Footnote::marker)
        .findFirst()
        .orElse("");
  }

  /** a, b, ..., z, aa, ab, .... */
  static String marker(int index) {
    String letter = String.valueOf((char) ('a' + index % 26));
    return index < 26 ? letter : marker(index / 26 - 1) + letter;
  }

  /** Builds a table column by column, then row by row. */
  public static final class Builder {
    private final String caption;
    private final List<Column> columns = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<PrintedTotal> printed = new ArrayList<>();
    private String totalLabel = "Total";

    private Builder(String caption) {
      this.caption = caption;
    }

    /** A column that is not added up. */
    public Builder column(String heading, ValueKind kind) {
      columns.add(new Column(heading, kind, false));
      return this;
    }

    /** A column of money or numbers that the total row adds up. */
    public Builder summed(String heading, ValueKind kind) {
      columns.add(new Column(heading, kind, true));
      return this;
    }

    public Builder row(Cell... cells) {
      rows.add(Row.of(cells));
      return this;
    }

    public Builder row(List<Cell> cells) {
      rows.add(new Row(cells));
      return this;
    }

    /** The words in the total row's first cell (default "Total"). */
    public Builder totalLabel(String label) {
      this.totalLabel = label;
      return this;
    }

    /** A figure printed elsewhere for the total of the column with this heading. */
    public Builder printedTotal(String heading, BigDecimal amount, String source) {
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).heading().equals(heading)) {
          printed.add(new PrintedTotal(c, amount, source));
          return this;
        }
      }
      throw new IllegalArgumentException("no column " + heading);
    }

    public Table build() {
      return new Table(caption, columns, rows, totalLabel, printed);
    }
  }
}
