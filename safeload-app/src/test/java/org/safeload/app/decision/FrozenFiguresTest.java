package org.safeload.app.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.money.Costing;
import org.safeload.money.Decision;
import org.safeload.money.DecisionFigures;
import org.safeload.money.DecisionKind;
import org.safeload.money.DecisionRoute;
import org.safeload.money.DecisionsTest;
import org.safeload.money.PrintedFigures;
import org.safeload.money.ReportType;
import org.safeload.money.ScenarioReader;
import org.safeload.money.report.DecisionReports;

/**
 * A decision's figures, frozen as JSON and read back, are the same figures, so its report is
 * written again exactly: the four-team tender (four teams' monthly costs, open option) with every
 * part of the figures filled.
 */
class FrozenFiguresTest {

  @Test
  void frozenFiguresReadBackEqualAndWriteTheSameReport() {
    ContractCosting engine = new ContractCosting(WorkingCalendar.englandAndWales());
    Contract tender = ScenarioReader.contract(DecisionsTest.TENDER);
    Costing cost = engine.cost(tender, LocalDate.of(2022, 11, 28), new BigDecimal("4800000"));
    Decision.Printed printed =
        new Decision.Printed(
            List.of(
                new Decision.PrintedMonth(YearMonth.of(2022, 12), new BigDecimal("300000"), 24)),
            new BigDecimal("300001"),
            "Cabinet report");
    DecisionFigures figures =
        new DecisionFigures(
            LocalDate.of(2022, 11, 28),
            "A council",
            tender,
            cost,
            new BigDecimal("1200000.00"),
            engine
                .keyDecisionRule()
                .assess(new BigDecimal("1200000.00"), cost.potentialValue(), null, true),
            List.of(new Costing.Flag("procurement-regime", "Awarded under a regime")),
            PrintedFigures.compare(printed, cost, tender),
            List.of(
                new DecisionFigures.LinkedAward(
                    "TENDER-4",
                    "Example",
                    LocalDate.of(2022, 11, 28),
                    LocalDate.of(2023, 3, 31),
                    new BigDecimal("1200000.00"))),
            new DecisionFigures.Impact(
                LocalDate.of(2022, 11, 28),
                LocalDate.of(2023, 3, 31),
                List.of(
                    new DecisionFigures.TeamImpact(
                        "Team A", 10, 5, 1, 2, 3, 0, 11, new BigDecimal("17.4"), null, null)),
                12,
                4,
                List.of(
                    new DecisionFigures.KpiTrend(
                        "Seen within 5 working days",
                        new BigDecimal("90"),
                        List.of(YearMonth.of(2023, 2), YearMonth.of(2023, 3)),
                        java.util.Arrays.asList(null, new BigDecimal("87.5"))))),
            new DecisionFigures.Workforce(
                LocalDate.of(2022, 11, 28),
                List.of(new DecisionFigures.RoleLine("Social worker", 24, 20, 18))));
    String frozen = Decisions.freeze(figures);
    DecisionFigures thawed = Decisions.thaw(frozen);
    assertThat(thawed).isEqualTo(figures);
    Decision award =
        new Decision(
            DecisionKind.AWARD,
            LocalDate.of(2022, 11, 20),
            "A. Director",
            null,
            DecisionRoute.DELEGATED,
            null,
            true,
            5,
            null,
            List.of(),
            null,
            null,
            null,
            List.of(),
            null,
            printed);
    assertThat(DecisionReports.write(ReportType.AWARD, thawed, award))
        .isEqualTo(DecisionReports.write(ReportType.AWARD, figures, award));
  }
}
