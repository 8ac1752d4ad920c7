package org.safeload.workforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recruitment pipeline's figures on a date (docs/workforce.md, "Recruitment pipeline"): how
 * many candidates are at each stage, the FTE expected to start in each month, and the international
 * recruits in post, awaiting registration and still in progress.
 */
public final class Recruitment {

  private Recruitment() {}

  /** The FTE and number of candidates expected to start in a month. */
  public record MonthStarts(YearMonth month, BigDecimal fte, int candidates) {}

  /**
   * International recruits who have not withdrawn: in post (started), awaiting registration, and
   * the rest (applied, offered or accepted).
   */
  public record International(int recruits, int inPost, int awaitingRegistration, int inProgress) {}

  /**
   * The figures.
   *
   * @param byStage candidates at each stage, every stage listed (0 for none)
   * @param expectedStarts by month, from the month of the date on, in order: the candidates
   *     expected to start (offered, accepted, awaiting registration) by their {@link
   *     Candidate#likelyStart()}; those whose likely start has passed count in the month of the
   *     date (they are late)
   * @param expectedFte the sum of those FTE
   */
  public record Summary(
      LocalDate on,
      Map<CandidateStage, Integer> byStage,
      List<MonthStarts> expectedStarts,
      BigDecimal expectedFte,
      International international) {}

  public static Summary summary(Collection<Candidate> candidates, LocalDate on) {
    Map<CandidateStage, Integer> byStage = new EnumMap<>(CandidateStage.class);
    for (CandidateStage s : CandidateStage.values()) {
      byStage.put(s, 0);
    }
    Map<YearMonth, BigDecimal> fte = new TreeMap<>();
    Map<YearMonth, Integer> heads = new TreeMap<>();
    BigDecimal expected = BigDecimal.ZERO;
    int recruits = 0;
    int inPost = 0;
    int awaiting = 0;
    YearMonth now = YearMonth.from(on);
    for (Candidate c : candidates) {
      byStage.merge(c.stage(), 1, Integer::sum);
      if (c.stage().expectedToStart() && c.likelyStart() != null) {
        YearMonth month = YearMonth.from(c.likelyStart());
        if (month.isBefore(now)) {
          month = now;
        }
        fte.merge(month, c.fte(), BigDecimal::add);
        heads.merge(month, 1, Integer::sum);
        expected = expected.add(c.fte());
      }
      if (c.international() && c.stage() != CandidateStage.WITHDRAWN) {
        recruits++;
        if (c.stage() == CandidateStage.STARTED) {
          inPost++;
        } else if (c.stage() == CandidateStage.AWAITING_REGISTRATION) {
          awaiting++;
        }
      }
    }
    List<MonthStarts> starts = new ArrayList<>();
    fte.forEach((month, sum) -> starts.add(new MonthStarts(month, sum, heads.get(month))));
    return new Summary(
        on,
        byStage,
        starts,
        expected,
        new International(recruits, inPost, awaiting, recruits - inPost - awaiting));
  }
}
