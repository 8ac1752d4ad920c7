package org.safeload.app.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time is a parameter: one clock (UTC instants) and the council's zone for dates. */
@Configuration(proxyBeanMethods = false)
public class TimeConfig {

  /** Councils in England work in London time. */
  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  /**
   * The system clock, or a fixed instant ({@code safeload.clock.fixed=2026-11-24T12:00:00Z}) for
   * tests and demonstrations that must give the same figures on any day.
   */
  @Bean
  Clock clock(@Value("${safeload.clock.fixed:}") String fixed) {
    return fixed.isBlank() ? Clock.systemUTC() : Clock.fixed(Instant.parse(fixed), ZoneOffset.UTC);
  }

  /** Today in London, by the given clock. */
  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(LONDON));
  }
}
