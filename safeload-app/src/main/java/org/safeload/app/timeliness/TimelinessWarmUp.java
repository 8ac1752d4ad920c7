package org.safeload.app.timeliness;

import org.safeload.app.access.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Works out the KPI figures most asked for — the contract rule set, today, the whole council — as
 * soon as the app is up, on a thread of its own, so that the first person to open the dashboard
 * after a start does not wait for a region's millions of events to be evaluated. It waits for the
 * case activity to load (the figures are read through it and kept until it changes).
 */
@Component
class TimelinessWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(TimelinessWarmUp.class);

  private final TimelinessService timeliness;

  TimelinessWarmUp(TimelinessService timeliness) {
    this.timeliness = timeliness;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    Thread.ofPlatform().name("timeliness-warm-up").daemon().start(this::figures);
  }

  private void figures() {
    long start = System.nanoTime();
    try {
      SystemAccess.call(
          "system", () -> timeliness.report(RuleSets.DEFAULT_RULE_SET, timeliness.today()));
      LOG.info(
          "KPI figures for today worked out in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      // Not needed for anything but speed: the first request works them out instead.
      LOG.warn("Could not work out today's KPI figures ahead of the first request", e);
    }
  }
}
