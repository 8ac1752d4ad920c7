package org.safeload.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.money.Scenario;
import org.safeload.money.ScenarioReader;
import org.safeload.timeliness.CaseType;

class ProjectionReaderTest {

  private static String example() throws IOException {
    return Files.readString(Path.of("..", "docs", "examples", "projection.yaml"));
  }

  @Test
  void readsTheExample() throws IOException {
    String text = example();
    Scenario scenario = ScenarioReader.scenario(text);
    ProjectionReader.ProjectionScenario read =
        ProjectionReader.read(text, scenario.contracts(), scenario.asOf()).orElseThrow();
    ProjectionInput in = read.input();
    assertEquals(YearMonth.of(2026, 3), in.start());
    assertEquals(12, in.months());
    assertEquals(10_000, in.runs());
    assertEquals(new BigDecimal("20"), in.target());
    assertEquals(0.015, in.monthlyTurnover());
    assertEquals(0.25, in.moves().change(CaseType.ASSESSMENT, CaseType.CIN));
    assertEquals(0.07, in.moves().exit(CaseType.COURT));
    TeamPlan north = in.teams().getFirst();
    assertEquals(
        Map.of(
            CaseType.ASSESSMENT,
            40,
            CaseType.CIN,
            95,
            CaseType.CP,
            60,
            CaseType.PLO,
            10,
            CaseType.COURT,
            15),
        north.openCases());
    assertEquals(24.0, north.referrals().mean());
    assertEquals(new BigDecimal("5.6"), north.fte());
    assertEquals(2, north.starters().size());
    assertEquals(LocalDate.of(2025, 9, 1), north.starters().getFirst().asyeStart());
    TeamPlan.Recruits recruits = north.recruits().getFirst();
    assertEquals(18, recruits.count());
    assertEquals(4 * Triangular.DAYS_PER_MONTH, recruits.registrationDays().mode(), 1e-9);
    assertEquals(new BigDecimal("7800"), north.agency().monthlyRate());
    ManagedTeam option = in.managed().getFirst();
    assertEquals(List.of(7, 7, 4, 4, 2), option.socialWorkers());
    assertEquals(LocalDate.of(2026, 7, 31), option.end());
    assertEquals(
        new ProjectionReader.TaperRequest(
            "Council plan", new BigDecimal("0.1"), LocalDate.of(2026, 2, 20), 28),
        read.taper());
  }

  @Test
  void aScenarioWithoutTheSectionHasNoProjection() {
    assertTrue(ProjectionReader.read("settings: {asOf: 2026-01-01}\n", List.of(), null).isEmpty());
  }

  @Test
  void everyProblemNamesItsField() throws IOException {
    String text =
        example()
            .replace("months: 12", "months: 0")
            .replace("turnover: 0.015", "turnover: 1.5")
            .replace("cin: {exit: 0.10, cp: 0.02}", "cin: {exit: 0.10, cp: 0.02, cin: 0.1}")
            .replace(
                "registration: {min: 2, mode: 4, max: 9, unit: months}",
                "registration: {min: 5, mode: 4, max: 9, unit: weeks}")
            .replace("contract: mt-north", "contract: mt-south")
            .replace("option: Council plan", "option: Other plan")
            .replace("referrals: {perMonth: 24}", "referrals: {}");
    Scenario scenario = ScenarioReader.scenario(text);
    DocumentException e =
        assertThrows(
            DocumentException.class,
            () -> ProjectionReader.read(text, scenario.contracts(), scenario.asOf()));
    List<String> fields = e.problems().stream().map(FieldProblem::field).toList();
    assertTrue(fields.contains("projection.months"), fields.toString());
    assertTrue(fields.contains("projection.turnover"), fields.toString());
    assertTrue(fields.contains("projection.moves.cin.cin"), fields.toString());
    assertTrue(
        fields.contains("projection.teams[0].recruits[0].registration.unit"), fields.toString());
    assertTrue(fields.contains("projection.managedTeams[0].contract"), fields.toString());
    assertTrue(fields.contains("projection.taper.option"), fields.toString());
    assertTrue(fields.contains("projection.teams[0].referrals"), fields.toString());
    FieldProblem months =
        e.problems().stream()
            .filter(p -> p.field().equals("projection.months"))
            .findFirst()
            .orElseThrow();
    assertTrue(months.line() > 0);
    assertTrue(months.message().contains("at least 1"), months.message());
  }

  @Test
  void aTaperWithoutNoticeDaysTakesTheContractsNotice() throws IOException {
    // The example says 28 days; without it, the contract's reductionNoticeWeeks: 6 weeks, 42 days;
    // without either, 4 weeks.
    String without = example().replace("    noticeDays: 28\n", "");
    String sixWeeks =
        without.replaceFirst("    team: North\n", "    team: North\n    reductionNoticeWeeks: 6\n");
    for (String[] c : new String[][] {{sixWeeks, "42"}, {without, "28"}}) {
      Scenario scenario = ScenarioReader.scenario(c[0]);
      ProjectionReader.ProjectionScenario read =
          ProjectionReader.read(c[0], scenario.contracts(), scenario.asOf()).orElseThrow();
      assertEquals(Integer.parseInt(c[1]), read.taper().noticeDays());
    }
  }

  @Test
  void theExampleProjectsAndFindsATaper() throws IOException {
    String text = example().replace("runs: 10000", "runs: 500");
    Scenario scenario = ScenarioReader.scenario(text);
    ProjectionReader.ProjectionScenario read =
        ProjectionReader.read(text, scenario.contracts(), scenario.asOf()).orElseThrow();
    Simulation sim = CapacityProjection.simulate(read.input());
    Projection p = sim.project(ProjectionFixtures.COSTING);
    assertEquals(12, p.team("North").months().size());
    // The council's plan: 7, 7, 4, 4, 2 social workers in March to July, the contract ending 31
    // July.
    List<Integer> managed =
        p.team("North").months().stream().map(Projection.Month::managedSocialWorkers).toList();
    assertEquals(List.of(7, 7, 4, 4, 2, 0, 0, 0, 0, 0, 0, 0), managed);
    TaperSearch.Comparison c =
        TaperSearch.cheapestSafe(
            sim,
            ProjectionFixtures.COSTING,
            read.taper().option(),
            read.taper().level(),
            read.taper().decidedOn(),
            read.taper().noticeDays());
    assertEquals(5, c.controlled());
    assertEquals(7, c.startingSize());
  }
}
