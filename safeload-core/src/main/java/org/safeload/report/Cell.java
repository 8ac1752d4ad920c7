package org.safeload.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One value in a table: words, money, a number, a percentage or a date, or nothing; and optionally
 * a note, which the table lists under itself with a marker ("[a]") against the cell, e.g. "The
 * council's report prints £12,001.00".
 *
 * <p>Build with the factories ({@link #money(String)}, {@link #text(String)}, ...); exactly one of
 * {@code text}, {@code number} and {@code date} is set for its kind, none for an empty cell.
 *
 * @param kind what the value is; {@code null} only for an empty cell
 * @param text the words, for {@link ValueKind#TEXT}
 * @param number the exact amount, for money, numbers and percentages
 * @param date the date, for {@link ValueKind#DATE}
 * @param note a note about this value, or {@code null}
 */
public record Cell(ValueKind kind, String text, BigDecimal number, LocalDate date, String note) {

  private static final Cell EMPTY = new Cell(null, null, null, null, null);

  public Cell {
    if (kind == null) {
      require(text == null && number == null && date == null, "an empty cell has no value");
    } else {
      switch (kind) {
        case TEXT -> require(text != null && number == null && date == null, "text needs words");
        case MONEY, NUMBER, PERCENT ->
            require(text == null && number != null && date == null, kind + " needs an amount");
        case DATE -> require(text == null && number == null && date != null, "a date needs one");
      }
    }
    if (note != null && note.isBlank()) {
      note = null;
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public static Cell text(String text) {
    return new Cell(ValueKind.TEXT, Objects.requireNonNull(text, "text"), null, null, null);
  }

  public static Cell money(BigDecimal amount) {
    return new Cell(ValueKind.MONEY, null, Objects.requireNonNull(amount, "amount"), null, null);
  }

  /** Money from its plain digits, e.g. {@code money("-12.345")}. */
  public static Cell money(String amount) {
    return money(new BigDecimal(amount));
  }

  public static Cell number(BigDecimal value) {
    return new Cell(ValueKind.NUMBER, null, Objects.requireNonNull(value, "value"), null, null);
  }

  public static Cell number(long value) {
    return number(BigDecimal.valueOf(value));
  }

  /** A percentage: {@code percent(new BigDecimal("17.4"))} is written "17.4%". */
  public static Cell percent(BigDecimal value) {
    return new Cell(ValueKind.PERCENT, null, Objects.requireNonNull(value, "value"), null, null);
  }

  public static Cell date(LocalDate date) {
    return new Cell(ValueKind.DATE, null, null, Objects.requireNonNull(date, "date"), null);
  }

  /** A cell with no value (written as nothing; counts as nothing in a total). */
  public static Cell empty() {
    return EMPTY;
  }

  /** A value of the given kind: money, a number or a percentage. */
  public static Cell of(ValueKind kind, BigDecimal value) {
    if (!kind.numeric()) {
      throw new IllegalArgumentException(kind + " is not numeric");
    }
    return new Cell(kind, null, Objects.requireNonNull(value, "value"), null, null);
  }

  /** This cell with a note ({@code null} or blank for none). */
  public Cell withNote(String note) {
    return new Cell(kind, text, number, date, note);
  }

  public boolean isEmpty() {
    return kind == null;
  }

  /** Whether the value is a number (money, number, percentage): such cells are right-aligned. */
  public boolean numeric() {
    return kind != null && kind.numeric();
  }

  public Optional<String> noteText() {
    return Optional.ofNullable(note);
  }

  /** The value as written (see {@link ReportFormat}); empty for an empty cell. */
  public String display() {
    if (kind == null) {
      return "";
    }
    return switch (kind) {
      case TEXT -> text;
      case MONEY, NUMBER, PERCENT -> ReportFormat.of(kind, number);
      case DATE -> ReportFormat.date(date);
    };
  }

  /** The amount as written (money to the penny, ...), which is what totals add up. */
  public Optional<BigDecimal> shown() {
    return numeric() ? Optional.of(ReportFormat.rounded(kind, number)) : Optional.empty();
  }
}
