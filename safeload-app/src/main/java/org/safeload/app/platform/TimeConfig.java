package org.safeload.app.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time is a parameter: one clock (UTC instants) and the council's zone for dates. */
@Configuration(proxyBeanMethods = false)
public class TimeConfig {

  /** Councils in England work in London time. */
  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Today in London, by the given clock. */
  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(LONDON));
  }
}
