package org.safeload.timeliness;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's default shape (without {@link EventGenerator.Options}): the period's children,
 * referred one by one (most the only one of their family referred), each case written by {@link
 * ReferralCase}, then every worker's supervision.
 */
final class ReferralRun {

  private final GenerationPeriod period;
  private final SplittableRandom random;
  private final EventWriter writer;
  private final List<EventGenerator.Worker> workers;
  private final List<EventGenerator.Child> children;

  /**
   * @param children the generator's children, which this run adds to
   */
  ReferralRun(
      GenerationPeriod period,
      SplittableRandom random,
      EventWriter writer,
      List<EventGenerator.Worker> workers,
      List<EventGenerator.Child> children) {
    this.period = period;
    this.random = random;
    this.writer = writer;
    this.workers = workers;
    this.children = children;
  }

  /** Generates the cases of this many children, then supervision. */
  void generate(int count) {
    LocalDate start = period.start();
    ReferralCase cases = new ReferralCase(period, random, writer, workers);
    int family = 0;
    for (int c = 0; c < count; c++) {
      if (c == 0 || random.nextInt(100) < 70) {
        family++; // most children are the only one of their family referred
      }
      String child = "K" + (c + 1);
      children.add(
          new EventGenerator.Child(
              child, start.minusDays(365L + random.nextInt(17 * 365)), "F" + family));
      cases.run(child, "C" + (c + 1));
    }
    for (EventGenerator.Worker w : workers) {
      writer.supervision(w.id(), w.teamId(), start, period.end());
    }
  }
}
