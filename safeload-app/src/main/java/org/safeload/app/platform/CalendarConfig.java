package org.safeload.app.platform;

import java.time.LocalDate;
import java.util.List;
import org.safeload.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The England and Wales working-day calendar, with the council's own closure days. */
@Configuration(proxyBeanMethods = false)
public class CalendarConfig {

  /**
   * @param closures council closure days, e.g. {@code
   *     SAFELOAD_CALENDAR_CLOSURES=2026-12-29,2026-12-30}
   */
  @Bean
  WorkingCalendar workingCalendar(
      @Value("${safeload.calendar.closures:}") List<LocalDate> closures) {
    return closures.isEmpty()
        ? WorkingCalendar.englandAndWales()
        : WorkingCalendar.englandAndWales(
            closures.stream().map(d -> new WorkingCalendar.DayOff(d, "Council closure")).toList());
  }
}
