package org.safeload.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.timeliness.EventGenerator.Options;
import org.safeload.timeliness.EventGenerator.Staff;
import org.safeload.timeliness.EventGenerator.TeamPlan;

/**
 * Pins the generated logs of fixed seeds (every field of every event, the children and the
 * workers), in both of the generator's shapes, so a change to how the generator is built cannot
 * change what it generates. The expected digests were computed from the generator before it was
 * split into classes by job (issue 10); a change that is meant to change the logs must recompute
 * them (the failure message shows the new ones) and say why.
 */
class EventGeneratorRegressionTest {

  private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
  private static final LocalDate START = LocalDate.of(2025, 4, 1);

  @Test
  void theDefaultShapeGeneratesTheSameLog() {
    Map<String, String> digests = new LinkedHashMap<>();
    for (long seed : new long[] {1, 42}) {
      EventGenerator generator = new EventGenerator(CALENDAR, seed, 400, 12, START);
      digests.put("seed " + seed, describe(generator));
    }
    EventGenerator small = new EventGenerator(CALENDAR, 7, 30, 3, START);
    digests.put("small", describe(small));
    assertThat(digests)
        .containsExactlyEntriesOf(
            expected(
                "seed 1", "12669 events, 400 children, 267db5c5470e6016",
                "seed 42", "12428 events, 400 children, 39356d6b487740af",
                "small", "376 events, 30 children, 05205d8c92baa946"));
  }

  @Test
  void aCouncilsOwnShapeGeneratesTheSameLog() {
    Map<String, String> digests = new LinkedHashMap<>();
    for (long seed : new long[] {1, 2026}) {
      EventGenerator generator = new EventGenerator(CALENDAR, seed, 240, 6, START, options());
      digests.put("seed " + seed, describe(generator));
    }
    assertThat(digests)
        .containsExactlyEntriesOf(
            expected(
                "seed 1", "11958 events, 532 children, 4c8111ffa59f7fac",
                "seed 2026", "11898 events, 532 children, 8f486def8b1fccb2"));
  }

  /**
   * A council like the demo's: assessment teams take referrals, a child protection team with a
   * queue, a court team with a leaver, a managed team that opens during the period, a newly
   * qualified worker without complex work and a starter.
   */
  static Options options() {
    LocalDate opens = START.plusMonths(4).plusDays(3);
    List<Staff> staff =
        List.of(
            new Staff("T1", 10, true, null, null),
            new Staff("T1", 10, true, null, START.plusMonths(2)),
            new Staff("T1", 5, false, null, null),
            new Staff("T2", 10, true, null, null),
            new Staff("T2", 8, true, START.plusMonths(1), null),
            new Staff("T3", 10, true, null, null),
            new Staff("T3", 13, true, null, null),
            new Staff("T3", 6, true, null, START.plusMonths(3).plusDays(9)),
            new Staff("T4", 10, true, null, null),
            new Staff("T4", 10, true, null, START.plusMonths(4)),
            new Staff("T4", 6, true, null, null),
            new Staff("T5", 10, true, opens, null),
            new Staff("T5", 10, true, opens, null),
            new Staff("T5", 10, false, opens, null));
    return new Options(
        List.of(
            new TeamPlan("T1", 45, 40, 0, Map.of(CaseType.CIN, 100), null),
            new TeamPlan("T2", 36, 40, 0, Map.of(CaseType.CIN, 100), null),
            new TeamPlan("T3", 0, 72, 5, Map.of(CaseType.CP, 50, CaseType.CIN, 50), null),
            new TeamPlan(
                "T4",
                0,
                75,
                0,
                Map.of(CaseType.COURT, 45, CaseType.PLO, 35, CaseType.CP, 10, CaseType.CIN, 10),
                null),
            new TeamPlan("T5", 0, 60, 0, Map.of(CaseType.CP, 40, CaseType.CIN, 60), opens)),
        staff,
        30,
        35,
        25,
        20,
        8,
        10,
        40,
        30);
  }

  /** Names and descriptions in order. */
  private static Map<String, String> expected(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** The number of events and a digest of every field of them, the children and the workers. */
  private static String describe(EventGenerator generator) {
    StringBuilder log = new StringBuilder();
    int[] events = {0};
    generator.generate(
        (id, at, type, caseId, child, worker, team, detail, ref, due) -> {
          events[0]++;
          log.append(id)
              .append('|')
              .append(at)
              .append('|')
              .append(type.code())
              .append('|')
              .append(caseId)
              .append('|')
              .append(child)
              .append('|')
              .append(worker)
              .append('|')
              .append(team)
              .append('|')
              .append(detail)
              .append('|')
              .append(ref)
              .append('|')
              .append(due)
              .append('\n');
        });
    generator.children().forEach(c -> log.append(c).append('\n'));
    generator.workers().forEach(w -> log.append(w).append('\n'));
    log.append(generator.end());
    return events[0] + " events, " + generator.children().size() + " children, " + sha(log);
  }

  private static String sha(CharSequence text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(md.digest(text.toString().getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
