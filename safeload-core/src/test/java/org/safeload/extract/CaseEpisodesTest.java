package org.safeload.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.extract.Records.Assessment;
import org.safeload.extract.Records.ChildInNeed;
import org.safeload.extract.Records.InCare;
import org.safeload.extract.Records.ProtectionPlan;
import org.safeload.extract.Records.Referral;
import org.safeload.extract.Records.Source;

/** How records become episodes (cases), whichever return they came from. */
class CaseEpisodesTest {

  private static Source src(int list, int row) {
    return new Source("L" + list, "List " + list, row, list);
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static List<String> cases(CaseEpisodes.Mapped m) {
    return m.events().stream().map(e -> e.eventId() + " " + e.caseId()).toList();
  }

  @Test
  void aRecordJoinsTheLatestReferralOnOrBeforeItsStart() {
    var m =
        CaseEpisodes.map(
            List.of(
                new Referral(src(3, 2), "K", d("2024-01-10"), false, "T", "W", null),
                new Referral(src(3, 3), "K", d("2024-06-10"), false, "T", "W", null),
                // Between the two referrals: the first episode.
                new ChildInNeed(
                    src(6, 2), "K", d("2024-03-01"), null, d("2024-05-01"), "", "", null),
                // After the second: the second.
                new Assessment(src(4, 2), "K", d("2024-06-11"), d("2024-07-01"), "", "", null)));
    assertThat(cases(m))
        .containsExactly(
            "L3-K-referral-2024-01-10 K-2024-01-10",
            "L3-K-allocated-2024-01-10 K-2024-01-10",
            "L6-K-cin-start-2024-03-01 K-2024-01-10",
            "L6-K-cin-closure-2024-05-01 K-2024-01-10",
            "L3-K-referral-2024-06-10 K-2024-06-10",
            "L3-K-allocated-2024-06-10 K-2024-06-10",
            "L4-K-assessment-2024-07-01 K-2024-06-10");
  }

  @Test
  void recordsWithNoReferralBeforeThemShareOneEpisodeFromTheEarliestStart() {
    var m =
        CaseEpisodes.map(
            List.of(
                new ProtectionPlan(
                    src(7, 2),
                    "K",
                    d("2024-02-01"),
                    null,
                    List.of(),
                    true,
                    null,
                    "T1",
                    "Ann",
                    null),
                new InCare(src(8, 2), "K", d("2023-11-15"), null, null, "T2", "Bo", null)));
    // One case from 15 Nov 2023 (List 8's start), List 7's worker (it ranks before List 8).
    assertThat(cases(m))
        .containsExactly(
            "L7-K-allocated-2023-11-15 K-2023-11-15",
            "L8-K-cla-start-2023-11-15 K-2023-11-15",
            "L7-K-cp-start-2024-02-01 K-2023-11-15",
            // No review and no conference recorded: the plan's start is its initial conference.
            "L7-K-cp-start-icpc-2024-02-01 K-2023-11-15");
    assertThat(m.workers()).containsExactly(new Named("W1", "Ann"), new Named("W2", "Bo"));
    assertThat(m.events().getFirst().workerId()).isEqualTo("W1");
    assertThat(m.events().getFirst().teamId()).isEqualTo("T1");
  }

  @Test
  void anAssessmentWithNoReferralWritesOneOnItsStartDate() {
    var m =
        CaseEpisodes.map(
            List.of(
                new Referral(src(3, 2), "K", d("2024-06-10"), false, "", "", null),
                new Assessment(src(4, 2), "K", d("2024-03-01"), d("2024-04-01"), "", "", null)));
    assertThat(cases(m))
        .containsExactly(
            "L4-K-referral-2024-03-01 K-2024-03-01",
            "L4-K-assessment-2024-04-01 K-2024-03-01",
            "L3-K-referral-2024-06-10 K-2024-06-10");
    // Neither names a worker or a team: both cases are listed as unallocated.
    assertThat(m.unallocated())
        .containsExactly("K-2024-03-01 (List 4, row 2)", "K-2024-06-10 (List 3, row 2)");
  }

  @Test
  void aReturnThatGroupsByEpisodeKeepsItsGrouping() {
    // The census puts an assessment that started before its referral in that referral's episode.
    LocalDate episode = d("2024-03-10");
    var m =
        CaseEpisodes.map(
            List.of(
                new Referral(src(3, 2), "K", episode, false, "", "", episode),
                new Assessment(src(4, 2), "K", d("2024-03-01"), d("2024-04-01"), "", "", episode)));
    assertThat(cases(m))
        .containsExactly(
            "L3-K-referral-2024-03-10 K-2024-03-10", "L4-K-assessment-2024-04-01 K-2024-03-10");
  }

  @Test
  void aPlanWithEveryReviewKnownIsMeasuredThroughout() {
    var m =
        CaseEpisodes.map(
            List.of(
                new ProtectionPlan(
                    src(7, 2),
                    "K",
                    d("2024-02-01"),
                    null,
                    List.of(d("2024-05-01"), d("2024-11-01")),
                    false,
                    d("2025-01-10"),
                    "",
                    "",
                    null)));
    assertThat(m.events())
        .extracting(e -> e.type().code() + " " + e.occurredAt().toLocalDate() + " " + e.detail())
        .containsExactly(
            "case-type-changed 2024-02-01 cp",
            "meeting 2024-05-01 rcpc",
            "meeting 2024-11-01 rcpc",
            "stepped-down 2025-01-10 cin");
  }

  @Test
  void namesAreNormalisedAndNaIsNoName() {
    assertThat(CaseEpisodes.normalName("  Ann\u00a0\u00a0Smith ")).isEqualTo("Ann Smith");
    assertThat(CaseEpisodes.normalName("#n/a")).isEmpty();
    assertThat(CaseEpisodes.outsideCalendar(d("1999-12-31"))).contains("outside the calendar");
    assertThat(CaseEpisodes.outsideCalendar(d("2000-01-01"))).isNull();
    assertThat(CaseEpisodes.outsideCalendar(d("2040-12-31"))).isNull();
    assertThat(CaseEpisodes.outsideCalendar(d("2041-01-01"))).contains("outside the calendar");
  }
}
