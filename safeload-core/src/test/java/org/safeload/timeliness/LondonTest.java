package org.safeload.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The precomputed London days agree with java.time's zone rules, inside 2000–2040 and beyond. */
class LondonTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void everyDayFrom1998To2050StartsAndEndsWhereTheZoneRulesSay() {
    for (LocalDate day = LocalDate.of(1998, 1, 1);
        day.isBefore(LocalDate.of(2051, 1, 1));
        day = day.plusDays(1)) {
      int epochDay = (int) day.toEpochDay();
      long start = day.atStartOfDay(LONDON).toEpochSecond();
      long end = day.plusDays(1).atStartOfDay(LONDON).toEpochSecond() - 1;
      assertThat(London.startOf(epochDay)).as("%s", day).isEqualTo(start);
      assertThat(London.endOf(epochDay)).as("%s", day).isEqualTo(end);
      for (long second : new long[] {start, start + 3_600, end - 3_600, end}) {
        int expected =
            (int) Instant.ofEpochSecond(second).atZone(LONDON).toLocalDate().toEpochDay();
        assertThat(London.dayOf(second)).as("%s %d", day, second).isEqualTo(expected);
      }
    }
  }
}
