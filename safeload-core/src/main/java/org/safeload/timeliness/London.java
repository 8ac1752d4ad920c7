package org.safeload.timeliness;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Local London dates and instants, precomputed for 2000–2040 so the engine converts without
 * creating objects (and worked out, more slowly, outside those years): the epoch second a London
 * day starts, and the London day of an epoch second.
 */
final class London {

  static final ZoneId ZONE = ZoneId.of("Europe/London");
  static final int FIRST_DAY = (int) LocalDate.of(2000, 1, 1).toEpochDay();
  static final int LAST_DAY = (int) LocalDate.of(2041, 1, 1).toEpochDay();

  /** START[i]: the epoch second London's day FIRST_DAY + i begins. */
  private static final long[] START = new long[LAST_DAY - FIRST_DAY + 2];

  static {
    for (int i = 0; i < START.length; i++) {
      START[i] = LocalDate.ofEpochDay(FIRST_DAY + i).atStartOfDay(ZONE).toEpochSecond();
    }
  }

  private London() {}

  /**
   * The epoch second a London day begins. Events lie within 2000–2040, but a deadline may run past
   * 2040: days outside the table are worked out from the zone's rules.
   */
  static long startOf(int epochDay) {
    int i = epochDay - FIRST_DAY;
    if (i >= 0 && i < START.length) {
      return START[i];
    }
    return LocalDate.ofEpochDay(epochDay).atStartOfDay(ZONE).toEpochSecond();
  }

  /** The last second of a London day (a deadline "by the end of the day"). */
  static long endOf(int epochDay) {
    return startOf(epochDay + 1) - 1;
  }

  /** The London day of an epoch second. */
  static int dayOf(long epochSecond) {
    int guess = (int) Math.floorDiv(epochSecond, 86_400L);
    if (guess < FIRST_DAY || guess >= LAST_DAY) {
      return (int)
          java.time.Instant.ofEpochSecond(epochSecond).atZone(ZONE).toLocalDate().toEpochDay();
    }
    if (epochSecond >= startOf(guess + 1)) {
      return guess + 1;
    }
    if (epochSecond < startOf(guess)) {
      return guess - 1;
    }
    return guess;
  }

  /**
   * A London local date and time as an epoch second, as {@link #epochSecond(LocalDateTime)} but
   * without creating objects except on the days the clocks change.
   */
  static long epochSecond(int epochDay, int secondOfDay) {
    int i = epochDay - FIRST_DAY;
    if (i >= 0 && i + 1 < START.length && START[i + 1] - START[i] == 86_400) {
      return START[i] + secondOfDay;
    }
    return epochSecond(LocalDate.ofEpochDay(epochDay).atTime(LocalTime.ofSecondOfDay(secondOfDay)));
  }

  /** A London local date-time as an epoch second (in a clock-change overlap, the earlier). */
  static long epochSecond(LocalDateTime local) {
    return ZonedDateTime.ofLocal(local, ZONE, null).toEpochSecond();
  }
}
