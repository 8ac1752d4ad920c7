package org.safeload.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

  @Test
  void moneyIsWrittenToThePennyWithAMinusSignForNegatives() {
    assertThat(ReportFormat.money(new BigDecimal("1234.5"))).isEqualTo("£1,234.50");
    assertThat(ReportFormat.money(new BigDecimal("1234567.891"))).isEqualTo("£1,234,567.89");
    assertThat(ReportFormat.money(new BigDecimal("0.005"))).isEqualTo("£0.01");
    assertThat(ReportFormat.money(new BigDecimal("-12"))).isEqualTo("\u2212£12.00");
    assertThat(ReportFormat.money(new BigDecimal("-0.004"))).isEqualTo("£0.00");
    assertThat(ReportFormat.money(BigDecimal.ZERO)).isEqualTo("£0.00");
  }

  @Test
  void numbersPercentagesAndDates() {
    assertThat(ReportFormat.number(new BigDecimal("18.50"))).isEqualTo("18.5");
    assertThat(ReportFormat.number(new BigDecimal("1234"))).isEqualTo("1,234");
    assertThat(ReportFormat.number(new BigDecimal("2.345"))).isEqualTo("2.35");
    assertThat(ReportFormat.number(new BigDecimal("-3"))).isEqualTo("\u22123");
    assertThat(ReportFormat.percent(new BigDecimal("17.44"))).isEqualTo("17.4%");
    assertThat(ReportFormat.percent(new BigDecimal("5"))).isEqualTo("5.0%");
    assertThat(ReportFormat.date(LocalDate.of(2026, 7, 14))).isEqualTo("14 July 2026");
  }
}
