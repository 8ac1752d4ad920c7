package org.safeload.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.money.Contract;
import org.safeload.timeliness.CaseType;

/**
 * Values no council has are refused where they come in, each with its reason (a review found each
 * of them looping, dividing by zero, overflowing or failing with an unchecked exception), and two
 * figures come out as the model says: a band's mean rounded once, and a contract's own end is not a
 * reduction needing notice.
 */
class ProjectionLimitsTest {

  private static final YearMonth JAN = YearMonth.of(2026, 1);

  private static ProjectionInput input(
      BigDecimal target, TeamPlan team, List<ManagedTeam> managed, int months, int runs) {
    return new ProjectionInput(
        JAN,
        months,
        runs,
        1,
        target,
        0.0,
        true,
        CaseloadPolicy.defaultPolicy(),
        CaseMoves.exitsOnly(Map.of(CaseType.CIN, 0.1)),
        List.of(team),
        managed);
  }

  private static TeamPlan team() {
    return TeamPlan.of("A", Map.of(CaseType.CIN, 10), Referrals.rate(1), 1);
  }

  @Test
  void aPoissonDrawOfAnEnormousMeanIsRefusedAtOnceNotLoopedOn() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> Sampling.poisson(new SplittableRandom(1), 3e9))
                .isInstanceOf(IllegalArgumentException.class));
    assertThatThrownBy(() -> Referrals.rate(3e9)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "perMonth {0}, target {1}: {2}")
  @CsvSource({
    "3000000000, 20, projection.teams[0].referrals.perMonth",
    "5, 0.001, projection.target",
    "5, 1e17, projection.target",
    "5, 20.005, projection.target"
  })
  void theScenarioReaderRefusesAbsurdRatesAndTargetsNamingTheField(
      String rate, String target, String field) {
    String yaml =
        """
        projection:
          start: 2026-01
          months: 2
          runs: 1
          target: %s
          moves:
            cin:
              exit: 0.1
          teams:
            - id: A
              referrals:
                perMonth: %s
        """
            .formatted(target, rate);
    assertThatThrownBy(() -> ProjectionReader.read(yaml, List.of(), null))
        .isInstanceOf(DocumentException.class)
        .satisfies(
            e ->
                assertThat(((DocumentException) e).problems())
                    .extracting(FieldProblem::field)
                    .contains(field));
  }

  @Test
  void enginesRefuseWhatTheReadersRefuse() {
    // An agency month past £1,000,000 (1E+20 has no decimals, so "pounds and pence" alone let it
    // in).
    assertThatThrownBy(() -> new TeamPlan.Agency(List.of(1), null, null, new BigDecimal("1E+20")))
        .isInstanceOf(IllegalArgumentException.class);
    // A target rounding to 0 hundredths, or past 1,000.
    assertThatThrownBy(() -> input(new BigDecimal("0.001"), team(), List.of(), 3, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> input(new BigDecimal("1E+17"), team(), List.of(), 3, 10))
        .isInstanceOf(IllegalArgumentException.class);
    // A starter of 0.001 FTE (rounds to none) or of 2 FTE (one worker is at most 1).
    for (String fte : List.of("0.001", "2")) {
      assertThatThrownBy(
              () ->
                  new TeamPlan.Starter(
                      LocalDate.of(2026, 2, 1), 1, new BigDecimal(fte), false, null))
          .isInstanceOf(IllegalArgumentException.class);
    }
    // 1,000,000 runs over 120 months is past the memory bound, refused before anything runs.
    assertThatThrownBy(() -> input(new BigDecimal("20"), team(), List.of(), 120, 1_000_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runs × months × teams");
  }

  @Test
  void aContractsOwnEndIsNotAReductionNeedingNotice() {
    // The contract ends on 31 January 2026; decided on 20 January with 28 days' notice, January
    // cannot change, and February is after the contract: nothing to notify.
    Contract c =
        ProjectionFixtures.contract(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 1, 31), 3);
    ProjectionInput in =
        input(new BigDecimal("20"), team(), List.of(ManagedTeam.asContracted("M", "A", c)), 3, 200);
    TaperSearch.Comparison cmp =
        TaperSearch.cheapestSafe(
            CapacityProjection.simulate(in),
            ProjectionFixtures.COSTING,
            "M",
            BigDecimal.ONE,
            LocalDate.of(2026, 1, 20),
            28);
    assertThat(cmp.controlled()).isEqualTo(1);
    assertThat(cmp.cheapest().socialWorkers()).containsExactly(3, 0, 0);
    assertThat(cmp.cheapest().reductions()).isEmpty();
    assertThat(cmp.cheapest().noticeMet()).isTrue();
  }

  @Test
  void aContractStartingLaterHoldsCasesFromItsStartAndIsNotAnExitBeforeIt() {
    // The contract runs from 1 February to 31 May 2026 with 3 social workers; the projection
    // runs January to June: none in January (not started), 3 from February to May, none in June.
    Contract c =
        ProjectionFixtures.contract(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 5, 31), 3);
    ProjectionInput in =
        input(new BigDecimal("20"), team(), List.of(ManagedTeam.asContracted("M", "A", c)), 6, 200);
    Simulation sim = CapacityProjection.simulate(in);
    assertThat(
            sim.project(ProjectionFixtures.COSTING).team("A").months().stream()
                .map(Projection.Month::managedSocialWorkers))
        .containsExactly(0, 3, 3, 3, 3, 0);
    TaperSearch.Comparison cmp =
        TaperSearch.cheapestSafe(
            sim, ProjectionFixtures.COSTING, "M", BigDecimal.ONE, LocalDate.of(2025, 12, 1), 28);
    assertThat(cmp.council().socialWorkers()).containsExactly(0, 3, 3, 3, 3, 0);
  }

  @Test
  void aBandsMeanIsRoundedOnce() throws Exception {
    // 9,999 runs of 0.01 and 10,001 of 0: the mean is 0.0049995, which is 0.00 to the penny (it
    // was rounded to 0.0050 first, then up to 0.01).
    int runs = 20_000;
    ProjectionInput in = input(new BigDecimal("20"), team(), List.of(), 1, runs);
    Simulation sim = new Simulation(in, List.of());
    int[] values = new int[runs];
    for (int i = 0; i < 9_999; i++) {
      values[i] = 1;
    }
    var band = Simulation.class.getDeclaredMethod("band", int[].class, int.class, int.class);
    band.setAccessible(true);
    Projection.Band b = (Projection.Band) band.invoke(sim, values, 0, 2);
    assertThat(b.mean()).isEqualTo(new BigDecimal("0.00"));
  }
}
