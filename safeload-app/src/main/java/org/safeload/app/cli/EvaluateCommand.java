package org.safeload.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.safeload.app.money.Evaluation;
import org.safeload.app.platform.TimeConfig;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.money.ContractCosting;
import org.safeload.money.Scenario;
import org.safeload.money.ScenarioReader;
import org.safeload.planning.CapacityProjection;
import org.safeload.planning.Projection;
import org.safeload.planning.ProjectionReader;
import org.safeload.planning.ProjectionText;
import org.safeload.planning.Simulation;
import org.safeload.planning.TaperSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Costs the contracts in a scenario file and appraises its options; projects capacity when the file
 * has a {@code projection} section (docs/projection.md).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Cost the contracts in a scenario file (YAML or JSON; docs/scenario.schema.json) month by"
          + " month to the penny, with ceilings, flags and the options appraisal; with a"
          + " projection section, the capacity projection's bands and breach probabilities per"
          + " month, and the cheapest safe taper if the section asks for one."
    })
public class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The scenario file.")
  Path file;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Report as of this date (default: the file's settings.asOf, else today).")
  LocalDate asOf;

  @Option(
      names = "--format",
      defaultValue = "json",
      paramLabel = "json|table",
      description = "Output format (default ${DEFAULT-VALUE}).")
  Format format;

  /** Output formats. */
  enum Format {
    json,
    table
  }

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      spec.commandLine().getErr().println(file + ": cannot read the file (" + e.getMessage() + ")");
      return 1;
    }
    Scenario scenario;
    ProjectionReader.ProjectionScenario projection;
    try {
      scenario = ScenarioReader.scenario(text);
      projection = ProjectionReader.read(text, scenario.contracts(), scenario.asOf()).orElse(null);
    } catch (DocumentException e) {
      for (FieldProblem p : e.problems()) {
        spec.commandLine().getErr().println(file + ": " + DocumentException.describe(p));
      }
      return 1;
    }
    LocalDate date =
        asOf != null ? asOf : scenario.asOf() != null ? scenario.asOf() : TimeConfig.today(clock);
    Evaluation evaluation = Evaluation.of(scenario, date, WorkingCalendar.englandAndWales());
    Projection projected = null;
    TaperSearch.Comparison taper = null;
    if (projection != null) {
      ContractCosting costing = new ContractCosting(WorkingCalendar.englandAndWales());
      Simulation sim = CapacityProjection.simulate(projection.input());
      projected = sim.project(costing);
      ProjectionReader.TaperRequest request = projection.taper();
      if (request != null) {
        taper =
            TaperSearch.cheapestSafe(
                sim,
                costing,
                request.option(),
                request.level(),
                request.decidedOn() != null ? request.decidedOn() : date,
                request.noticeDays());
      }
    }
    if (format == Format.table) {
      spec.commandLine().getOut().print(evaluation.table());
      if (projected != null) {
        spec.commandLine().getOut().print(ProjectionText.table(projected, taper));
      }
    } else if (projected == null) {
      spec.commandLine().getOut().println(json().writeValueAsString(evaluation));
    } else {
      JsonMapper json = json();
      tools.jackson.databind.node.ObjectNode node = json.valueToTree(evaluation);
      node.set("projection", json.valueToTree(projected));
      if (taper != null) {
        node.set("taper", json.valueToTree(taper));
      }
      spec.commandLine().getOut().println(json.writeValueAsString(node));
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  static JsonMapper json() {
    return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  }
}
