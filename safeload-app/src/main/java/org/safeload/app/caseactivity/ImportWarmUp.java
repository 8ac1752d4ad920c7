package org.safeload.app.caseactivity;

import org.safeload.timeliness.EventCsv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warms the events import once the app is up, on a low-priority thread of its own: the reader and
 * the live log's append compiled before the first upload rather than during it ({@link
 * EventCsv#warmUp()}). Reads and writes nothing.
 */
@Component
class ImportWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(ImportWarmUp.class);

  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    Thread.ofPlatform()
        .name("import-warm-up")
        .daemon()
        .priority(Thread.MIN_PRIORITY)
        .start(
            () -> {
              long start = System.nanoTime();
              try {
                EventCsv.warmUp();
                LOG.info(
                    "Events import warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
              } catch (RuntimeException e) {
                // Only for speed: the first import compiles the same code as it goes.
                LOG.warn("Could not warm up the events import", e);
              }
            });
  }
}
