package org.safeload.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.WorkerCsv;
import org.safeload.organisation.WorkerField;
import org.safeload.organisation.WorkerParser;
import org.safeload.workforce.EstablishmentCsv;
import org.safeload.workforce.WorkforceCensus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The workforce figures of a register on the Department's census definitions (docs/workforce.md).
 */
@Command(
    name = "workforce",
    mixinStandardHelpOptions = true,
    description = {
      "Workforce figures for the census year ending on a date: in post, agency, vacancies (a post"
          + " an agency worker covers is still vacant), agency cover, starters, leavers and their"
          + " rates, for the council and each team (docs/workforce.md).",
      "Exit codes: 0 the figures, 2 bad input."
    })
public class WorkforceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--workers",
      required = true,
      paramLabel = "WORKERS.csv",
      description = "The worker import format (docs/workers-import.md).")
  Path workers;

  @Option(
      names = "--establishment",
      required = true,
      paramLabel = "ESTABLISHMENT.csv",
      description = "team,role,fte: the budgeted FTE, one line per team and role.")
  Path establishment;

  @Option(
      names = "--year-end",
      required = true,
      paramLabel = "DATE",
      description = "The census year's last day, e.g. 2025-09-30.")
  String yearEnd;

  @Option(names = "--format", defaultValue = "json", paramLabel = "json")
  String format;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("json")) {
      err.println("--format must be json");
      return 2;
    }
    LocalDate end;
    try {
      end = LocalDate.parse(yearEnd);
    } catch (DateTimeParseException e) {
      err.println("--year-end must be a date like 2025-09-30 (not " + yearEnd + ")");
      return 2;
    }
    if (end.getYear() < 2000 || end.getYear() > 2040) {
      err.println("--year-end must be between 2000 and 2040");
      return 2;
    }
    List<FieldProblem> workerProblems = new ArrayList<>();
    List<WorkforceCensus.Member> members = new ArrayList<>();
    WorkerCsv.Content content = WorkerCsv.read(Files.readString(workers, StandardCharsets.UTF_8));
    workerProblems.addAll(content.problems());
    for (WorkerCsv.Row row : content.rows()) {
      WorkerParser.Result parsed = WorkerParser.parse(row.values());
      parsed
          .problems()
          .forEach(
              p ->
                  workerProblems.add(
                      new FieldProblem(row.line(), p.getKey().csvName(), p.getValue())));
      String team = row.values().getOrDefault(WorkerField.TEAM, "").strip();
      if (team.isEmpty()) {
        workerProblems.add(new FieldProblem(row.line(), "team", "Enter the team's name"));
      }
      if (parsed.ok() && !team.isEmpty()) {
        members.add(new WorkforceCensus.Member(team, parsed.details()));
      }
    }
    EstablishmentCsv.Result posts;
    try (Reader reader = Files.newBufferedReader(establishment, StandardCharsets.UTF_8)) {
      posts = EstablishmentCsv.read(reader);
    }
    if (!workerProblems.isEmpty() || !posts.problems().isEmpty()) {
      FileProblems.report(err, workers, workerProblems);
      FileProblems.report(err, establishment, posts.problems());
      return 2;
    }
    WorkforceCensus.Result result = WorkforceCensus.of(end, members, posts.posts());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("yearStart", result.council().yearStart().toString());
    json.put("yearEnd", end.toString());
    json.putAll(figures(result.council()));
    List<Map<String, Object>> teams = new ArrayList<>();
    result
        .teams()
        .forEach(
            (name, f) -> {
              Map<String, Object> team = new LinkedHashMap<>();
              team.put("team", name);
              team.putAll(figures(f));
              teams.add(team);
            });
    json.put("teams", teams);
    PrintWriter out = spec.commandLine().getOut();
    out.println(EvaluateCommand.json().writeValueAsString(json));
    out.flush();
    return 0;
  }

  /** The figures under the pinned keys: FTE to 2 dp, rates in percent to 1 dp or null. */
  static Map<String, Object> figures(WorkforceCensus.Figures f) {
    return org.safeload.app.organisation.CensusJson.figures(f);
  }
}
