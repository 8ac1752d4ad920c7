package org.safeload.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

  /** Six months of a managed team: team cost, extras (July has a £312.25 credit). */
  static Table sixMonths() {
    return Table.builder("Monthly cost, April to September 2026")
        .column("Month", ValueKind.TEXT)
        .summed("Team cost", ValueKind.MONEY)
        .summed("Extras", ValueKind.MONEY)
        .column("Social workers", ValueKind.NUMBER)
        .row(Cell.text("April 2026"), money("40300.00"), money("1250.50"), Cell.number(6))
        .row(Cell.text("May 2026"), money("41643.33"), money("1250.50"), Cell.number(6))
        .row(Cell.text("June 2026"), money("40300.00"), money("0.00"), Cell.number(6))
        .row(Cell.text("July 2026"), money("41643.34"), money("-312.25"), Cell.number(6))
        .row(Cell.text("August 2026"), money("41643.33"), money("1250.50"), Cell.number(5))
        .row(Cell.text("September 2026"), money("40300.00"), money("1250.50"), Cell.number(4))
        .build();
  }

  private static Cell money(String amount) {
    return Cell.money(amount);
  }

  @Test
  void theTotalRowIsComputedFromTheRows() {
    Table table = sixMonths();

    // Team cost: 40,300.00 + 41,643.33 + 40,300.00 + 41,643.34 + 41,643.33 + 40,300.00
    //   = 3 × 40,300.00 + 2 × 41,643.33 + 41,643.34 = 120,900.00 + 83,286.66 + 41,643.34
    //   = 245,830.00.
    // Extras: 4 × 1,250.50 − 312.25 = 5,002.00 − 312.25 = 4,689.75.
    assertThat(table.sum(1)).isEqualByComparingTo("245830.00");
    assertThat(table.sum(2)).isEqualByComparingTo("4689.75");
    assertThat(table.total().orElseThrow().cells())
        .extracting(Cell::display)
        .containsExactly("Total", "£245,830.00", "£4,689.75", "");
    assertThat(table.differences()).isEmpty();
    assertThat(table.footnotes()).isEmpty();
    assertThat(table.rowHeaders()).isTrue();
  }

  @Test
  void moneyTotalsAddTheAmountsAsWrittenSoFractionsOfAPennyCannotMakeThemDisagree() {
    Table table =
        Table.builder("Fractions")
            .column("Item", ValueKind.TEXT)
            .summed("Amount", ValueKind.MONEY)
            .row(Cell.text("a"), money("0.005"))
            .row(Cell.text("b"), money("0.005"))
            .row(Cell.text("c"), money("0.005"))
            .row(Cell.text("d"), money("-1.125"))
            .row(Cell.text("e"), money("100"))
            .row(Cell.text("f"), Cell.empty())
            .build();

    // Written (half up, away from zero): £0.01, £0.01, £0.01, −£1.13, £100.00, nothing.
    assertThat(table.rows())
        .extracting(r -> r.cells().get(1).display())
        .containsExactly("£0.01", "£0.01", "£0.01", "\u2212£1.13", "£100.00", "");
    // Their sum as written: 0.03 − 1.13 + 100.00 = £98.90. (The exact sum, 0.015 − 1.125 + 100 =
    // 98.89, would print a total one penny away from the rows above it.)
    assertThat(table.total().orElseThrow().cells().get(1).display()).isEqualTo("£98.90");
  }

  @Test
  void aNegativeTotalIsWrittenWithAMinusSign() {
    Table table =
        Table.builder("Credits")
            .column("Item", ValueKind.TEXT)
            .summed("Amount", ValueKind.MONEY)
            .row(Cell.text("Credit"), money("-12.504"))
            .row(Cell.text("Charge"), money("0.49"))
            .build();
    // −12.50 + 0.49 = −12.01
    assertThat(table.total().orElseThrow().cells().get(1).display()).isEqualTo("\u2212£12.01");
  }

  @Test
  void aPrintedTotalThatDiffersFromTheRowsIsNotedOnTheTotal() {
    Table printed =
        Table.builder("Monthly cost")
            .column("Month", ValueKind.TEXT)
            .summed("Team cost", ValueKind.MONEY)
            .summed("Extras", ValueKind.MONEY)
            .row(sixMonths().rows().get(0).cells().subList(0, 3))
            .row(sixMonths().rows().get(1).cells().subList(0, 3))
            .printedTotal("Team cost", new BigDecimal("81942.33"), "The council's report")
            .printedTotal("Extras", new BigDecimal("2501.00"), "The council's report")
            .build();

    // 40,300.00 + 41,643.33 = 81,943.33, £1.00 more than printed; extras 2,501.00 agree.
    assertThat(printed.differences())
        .containsExactly(
            new Table.Difference(
                "Team cost",
                new BigDecimal("81942.33"),
                new BigDecimal("81943.33"),
                new BigDecimal("1.00"),
                "The council's report"));
    Cell total = printed.total().orElseThrow().cells().get(1);
    assertThat(total.display()).isEqualTo("£81,943.33");
    assertThat(total.note())
        .isEqualTo(
            "The council's report gives £81,942.33 for the total of Team cost; the rows add up to"
                + " £81,943.33, £1.00 more.");
    assertThat(printed.marker(total)).isEqualTo("a");
    assertThat(printed.footnotes()).containsExactly(new Table.Footnote("a", total.note()));
  }

  @Test
  void notesGetLettersInReadingOrderAndTheSameNoteKeepsItsLetter() {
    Table table =
        Table.builder("Notes")
            .column("Item", ValueKind.TEXT)
            .column("Amount", ValueKind.MONEY)
            .row(Cell.text("One"), money("1").withNote("Invoice not yet received"))
            .row(Cell.text("Two").withNote("Estimated"), money("2").withNote("Estimated"))
            .row(Cell.text("Three"), money("3").withNote("Invoice not yet received"))
            .build();
    assertThat(table.footnotes())
        .containsExactly(
            new Table.Footnote("a", "Invoice not yet received"),
            new Table.Footnote("b", "Estimated"));
    assertThat(table.marker(table.rows().get(2).cells().get(1))).isEqualTo("a");
    assertThat(table.marker(table.rows().get(2).cells().get(0))).isEmpty();
    assertThat(table.hasTotal()).isFalse();
    assertThat(table.total()).isEmpty();
    assertThat(Table.marker(25)).isEqualTo("z");
    assertThat(Table.marker(26)).isEqualTo("aa");
  }

  @Test
  void refusesRowsThatDoNotFitTheColumns() {
    assertThatThrownBy(
            () ->
                Table.builder("Bad")
                    .column("Month", ValueKind.TEXT)
                    .summed("Cost", ValueKind.MONEY)
                    .row(Cell.text("April"))
                    .build())
        .hasMessageContaining("row 1 has 1 cells for 2 columns");
    assertThatThrownBy(
            () ->
                Table.builder("Bad")
                    .column("Month", ValueKind.TEXT)
                    .summed("Cost", ValueKind.MONEY)
                    .row(Cell.text("April"), Cell.number(3))
                    .build())
        .hasMessageContaining("column Cost holds MONEY, not NUMBER");
    assertThatThrownBy(() -> Table.builder("Bad").summed("When", ValueKind.DATE))
        .hasMessageContaining("only money and numbers can be summed");
    assertThatThrownBy(
            () -> Table.builder("Bad").summed("Cost", ValueKind.MONEY).row(Cell.money("1")).build())
        .hasMessageContaining("first column holds the total's label");
  }

  @Test
  void sourcesAreATableOfFigures() {
    Table table =
        new Sources(
                "Figures used in this report",
                List.of(
                    new Sources.Figure(
                        "Contract ceiling",
                        Cell.money("1000000"),
                        "Contract terms",
                        LocalDate.of(2026, 4, 1)),
                    new Sources.Figure(
                        "Social workers in post",
                        Cell.number(new BigDecimal("5.5")),
                        "Workforce register",
                        LocalDate.of(2026, 11, 24))))
            .asTable();
    assertThat(table.rows())
        .extracting(r -> r.cells().stream().map(Cell::display).toList())
        .containsExactly(
            List.of("Contract ceiling", "£1,000,000.00", "Contract terms", "1 April 2026"),
            List.of("Social workers in post", "5.5", "Workforce register", "24 November 2026"));
  }
}
