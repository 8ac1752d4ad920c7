package org.safeload.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Role;

/** The recruitment pipeline's candidates and figures, worked out by hand. */
class RecruitmentTest {

  private static final LocalDate ON = LocalDate.of(2026, 6, 1);

  private static Candidate candidate(
      RecruitmentRoute route,
      CandidateStage stage,
      String fte,
      String start,
      String applied,
      String expected) {
    return new Candidate(
        "Candidate",
        Role.SOCIAL_WORKER,
        route,
        stage,
        null,
        new BigDecimal(fte),
        start == null ? null : LocalDate.parse(start),
        applied == null ? null : LocalDate.parse(applied),
        expected == null ? null : LocalDate.parse(expected));
  }

  /**
   * 23 international recruits (DOMAIN.md's: 5 in post, 18 awaiting registration), one who withdrew,
   * and three others. Expected to start, by month from June 2026:
   *
   * <ul>
   *   <li>June: an agency worker accepted for 10 June (0.6) and a permanent one accepted for 1 May
   *       who has not started (0.5, late, so counted now): 1.1 FTE, 2 people;
   *   <li>July: a permanent offer for 14 July (1) and 8 international recruits expected on 1 July
   *       with no registration date: 9 FTE, 9 people;
   *   <li>August: 10 international recruits expected on 1 July whose registration is expected on 14
   *       August (they cannot start before it): 10 FTE, 10 people.
   * </ul>
   *
   * 20.1 FTE in all; the 5 who started and the one who withdrew are not expected.
   */
  @Test
  void summarisesThePipeline() {
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      candidates.add(
          candidate(
              RecruitmentRoute.INTERNATIONAL,
              CandidateStage.STARTED,
              "1",
              "2026-03-02",
              "2025-10-01",
              "2026-02-20"));
    }
    for (int i = 0; i < 8; i++) {
      candidates.add(
          candidate(
              RecruitmentRoute.INTERNATIONAL,
              CandidateStage.AWAITING_REGISTRATION,
              "1",
              "2026-07-01",
              "2026-03-01",
              null));
    }
    for (int i = 0; i < 10; i++) {
      candidates.add(
          candidate(
              RecruitmentRoute.INTERNATIONAL,
              CandidateStage.AWAITING_REGISTRATION,
              "1",
              "2026-07-01",
              "2026-04-01",
              "2026-08-14"));
    }
    candidates.add(
        candidate(
            RecruitmentRoute.INTERNATIONAL,
            CandidateStage.WITHDRAWN,
            "1",
            "2026-07-01",
            "2026-04-01",
            null));
    candidates.add(
        candidate(
            RecruitmentRoute.PERMANENT, CandidateStage.OFFERED, "1", "2026-07-14", null, null));
    candidates.add(
        candidate(
            RecruitmentRoute.AGENCY, CandidateStage.ACCEPTED, "0.6", "2026-06-10", null, null));
    candidates.add(
        candidate(
            RecruitmentRoute.PERMANENT, CandidateStage.ACCEPTED, "0.5", "2026-05-01", null, null));
    candidates.add(
        candidate(RecruitmentRoute.PERMANENT, CandidateStage.APPLIED, "1", null, null, null));

    Recruitment.Summary summary = Recruitment.summary(candidates, ON);

    assertThat(summary.byStage().keySet()).containsExactly(CandidateStage.values());
    assertThat(summary.byStage())
        .containsAllEntriesOf(
            Map.of(
                CandidateStage.APPLIED, 1,
                CandidateStage.OFFERED, 1,
                CandidateStage.ACCEPTED, 2,
                CandidateStage.AWAITING_REGISTRATION, 18,
                CandidateStage.STARTED, 5,
                CandidateStage.WITHDRAWN, 1));
    assertThat(summary.expectedStarts())
        .containsExactly(
            new Recruitment.MonthStarts(YearMonth.of(2026, 6), new BigDecimal("1.1"), 2),
            new Recruitment.MonthStarts(YearMonth.of(2026, 7), new BigDecimal("9"), 9),
            new Recruitment.MonthStarts(YearMonth.of(2026, 8), new BigDecimal("10"), 10));
    assertThat(summary.expectedFte()).isEqualByComparingTo("20.1");
    assertThat(summary.international()).isEqualTo(new Recruitment.International(23, 5, 18, 0));
  }

  private static Map<String, String> fields(String... pairs) {
    Map<String, String> f = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      f.put(pairs[i], pairs[i + 1]);
    }
    return f;
  }

  @Test
  void readsACandidateAndWritesItBack() {
    Candidate.Read read =
        Candidate.read(
            fields(
                "name", "Amara Okafor",
                "role", "social-worker",
                "route", "international",
                "stage", "awaiting-registration",
                "teamId", "3",
                "fte", "1",
                "expectedStart", "2026-07-01",
                "registrationApplied", "2026-04-01",
                "registrationExpected", "2026-07-14"));
    assertThat(read.problems()).isEmpty();
    Candidate c = read.candidate();
    assertThat(c.teamId()).isEqualTo(3L);
    assertThat(c.likelyStart()).isEqualTo(LocalDate.of(2026, 7, 14));
    assertThat(Candidate.read(c.fields()).candidate()).isEqualTo(c);
    assertThat(c.withStage(CandidateStage.STARTED).likelyStart())
        .isEqualTo(LocalDate.of(2026, 7, 1));
  }

  @Test
  void namesEachProblem() {
    assertThat(Candidate.read(Map.of()).problems())
        .extracting(FieldProblem::field)
        .containsExactly("name", "role", "route", "stage", "fte");
    assertThat(
            Candidate.read(
                    fields(
                        "name", "A",
                        "role", "social-worker",
                        "route", "permanent",
                        "stage", "awaiting-registration",
                        "fte", "1.5",
                        "registrationApplied", "2026-04-01"))
                .problems())
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fte", "FTE must be more than 0 and at most 1"),
            org.assertj.core.groups.Tuple.tuple(
                "expectedStart", "Enter the expected start date: the candidate has an offer"),
            org.assertj.core.groups.Tuple.tuple(
                "registrationApplied",
                "Only an international recruit has registration dates: leave this empty"),
            org.assertj.core.groups.Tuple.tuple(
                "stage", "Only an international recruit awaits registration"));
    assertThat(
            Candidate.read(
                    fields(
                        "name", "A",
                        "role", "social-worker",
                        "route", "international",
                        "stage", "awaiting-registration",
                        "fte", "1",
                        "expectedStart", "2026-07-01",
                        "registrationExpected", "2026-03-01"))
                .problems())
        .extracting(FieldProblem::message)
        .containsExactly("Enter the date they applied to Social Work England");
    assertThat(
            Candidate.read(
                    fields(
                        "name", "A",
                        "role", "social-worker",
                        "route", "international",
                        "stage", "accepted",
                        "fte", "1",
                        "expectedStart", "2026-07-01",
                        "registrationApplied", "2026-04-01",
                        "registrationExpected", "2026-03-01"))
                .problems())
        .extracting(FieldProblem::message)
        .containsExactly("Registration must be expected on or after the date they applied");
  }
}
