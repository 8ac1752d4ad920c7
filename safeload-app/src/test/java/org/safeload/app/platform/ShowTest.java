package org.safeload.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ShowTest {

  private final Show show = new Show();

  @Test
  void datesAreWrittenTheEnglishWay() {
    assertThat(show.date(LocalDate.of(2026, 7, 14))).isEqualTo("14 July 2026");
    assertThat(show.date(null)).isEmpty();
    // 14 July is in British Summer Time: 08:05 UTC is 9:05am in London.
    assertThat(show.dateTime(Instant.parse("2026-07-14T08:05:00Z")))
        .isEqualTo("14 July 2026 at 9:05am");
    assertThat(show.dateTime(Instant.parse("2026-12-01T15:30:00Z")))
        .isEqualTo("1 December 2026 at 3:30pm");
  }

  @Test
  void moneyHasThePoundSignAndThousandsSeparators() {
    assertThat(show.money(new BigDecimal("740000"))).isEqualTo("£740,000.00");
    assertThat(show.money(new BigDecimal("1234.5"))).isEqualTo("£1,234.50");
    assertThat(show.money(new BigDecimal("-20"))).isEqualTo("-£20.00");
    assertThat(show.pounds(new BigDecimal("3400000.49"))).isEqualTo("£3,400,000");
    assertThat(show.number(12000)).isEqualTo("12,000");
    assertThat(show.number(new BigDecimal("6.50"))).isEqualTo("6.5");
  }

  @Test
  void codesAreWords() {
    assertThat(show.caseType("cp")).isEqualTo("Child protection");
    assertThat(show.eventType("visit-write-up")).isEqualTo("Visit written up");
    assertThat(show.role("social-worker")).isEqualTo("Social worker");
    assertThat(show.employment("managed-service")).isEqualTo("Managed service");
  }

  @Test
  void typedDatesAreReadInTheFormsPeopleUse() {
    LocalDate d = LocalDate.of(2026, 11, 24);
    assertThat(PageDates.parse("24/11/2026")).contains(d);
    assertThat(PageDates.parse(" 24 11 2026 ")).contains(d);
    assertThat(PageDates.parse("24 November 2026")).contains(d);
    assertThat(PageDates.parse("24 nov 2026")).contains(d);
    assertThat(PageDates.parse("2026-11-24")).contains(d);
    assertThat(PageDates.parse("31/02/2026")).isEmpty();
    assertThat(PageDates.parse("11/24/2026")).isEmpty();
    assertThat(PageDates.input(d)).isEqualTo("24/11/2026");
  }
}
