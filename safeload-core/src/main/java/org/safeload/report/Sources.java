package org.safeload.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The figures a report quotes, each with its value, where it comes from and the date it is as of:
 * the appendix of figures. Rendered as a table ({@link #asTable()}).
 *
 * @param caption e.g. "Figures used in this report"
 * @param figures the figures, in the order the report quotes them
 */
public record Sources(String caption, List<Figure> figures) implements Block {

  /**
   * A figure the report quotes.
   *
   * @param name what it is, e.g. "Contract ceiling"
   * @param value its value (money, a number, a date or words)
   * @param source where it comes from, e.g. "Safeload costing of the contract terms"
   * @param asOf the date the figure is as of
   */
  public record Figure(String name, Cell value, String source, LocalDate asOf) {
    public Figure {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(asOf, "asOf");
    }
  }

  public Sources {
    Objects.requireNonNull(caption, "caption");
    figures = List.copyOf(figures);
  }

  /**
   * The figures as a table: Figure, Value, Source, As of. The values are of different kinds, so the
   * value column is words (each written as its kind writes it) and nothing is summed.
   */
  public Table asTable() {
    Table.Builder table =
        Table.builder(caption)
            .column("Figure", ValueKind.TEXT)
            .column("Value", ValueKind.TEXT)
            .column("Source", ValueKind.TEXT)
            .column("As of", ValueKind.DATE);
    for (Figure f : figures) {
      table.row(
          Cell.text(f.name()),
          Cell.text(f.value().display()).withNote(f.value().note()),
          Cell.text(f.source()),
          Cell.date(f.asOf()));
    }
    return table.build();
  }
}
