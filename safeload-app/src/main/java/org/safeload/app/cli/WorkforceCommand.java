package org.safeload.app.cli;

import java.io.IOException;
import java.io.InputStream;
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
import org.safeload.workforce.AgencyReturnCsv;
import org.safeload.workforce.CswwXml;
import org.safeload.workforce.EstablishmentCsv;
import org.safeload.workforce.WorkforceCensus;
import org.safeload.workforce.WorkforceKeys;
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
      "--format csww writes the year's census return (the Department's CSWW XML); --csww FILE.xml"
          + " reads one back into the council's figures; --format agency-return writes the"
          + " quarterly agency return (CSV) for the quarter ending on --quarter-end.",
      "Exit codes: 0 the figures or the return, 2 bad input."
    })
public class WorkforceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--workers",
      paramLabel = "WORKERS.csv",
      description = "The worker import format (docs/workers-import.md).")
  Path workers;

  @Option(
      names = "--establishment",
      paramLabel = "ESTABLISHMENT.csv",
      description = "team,role,fte: the budgeted FTE, one line per team and role.")
  Path establishment;

  @Option(
      names = "--year-end",
      paramLabel = "DATE",
      description = "The census year's last day, e.g. 2025-09-30.")
  String yearEnd;

  @Option(
      names = "--csww",
      paramLabel = "RETURN.xml",
      description =
          "A census return (CSWW XML) to read instead of the two files: the council's"
              + " figures (the return has no teams).")
  Path csww;

  @Option(
      names = "--lea",
      paramLabel = "CODE",
      description = "The council's three-digit local authority code, for --format csww.")
  String lea;

  @Option(
      names = "--quarter-end",
      paramLabel = "DATE",
      description =
          "The quarter's last day (31 March, 30 June, 30 September or 31 December), for"
              + " --format agency-return.")
  String quarterEnd;

  @Option(names = "--format", defaultValue = "json", paramLabel = "json|csww|agency-return")
  String format;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (!List.of("json", "csww", "agency-return").contains(format)) {
      err.println("--format must be json, csww or agency-return");
      return 2;
    }
    if (csww != null) {
      return readReturn(err);
    }
    if (workers == null) {
      err.println("--workers is required (or --csww to read a census return)");
      return 2;
    }
    if (establishment == null && !format.equals("agency-return")) {
      err.println("--establishment is required");
      return 2;
    }
    LocalDate end = null;
    LocalDate quarter = null;
    if (format.equals("agency-return")) {
      quarter = date(err, "--quarter-end", quarterEnd);
      if (quarter == null) {
        return 2;
      }
      if (!AgencyReturnCsv.quarterEnd(quarter)) {
        err.println(
            "--quarter-end must be the last day of a quarter: 31 March, 30 June, 30 September or"
                + " 31 December (not "
                + quarterEnd
                + ")");
        return 2;
      }
    } else {
      end = date(err, "--year-end", yearEnd);
      if (end == null) {
        return 2;
      }
    }
    if (format.equals("csww") && (lea == null || !lea.matches("\\d{3}"))) {
      err.println("--lea must be the council's three-digit local authority code, like 301");
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
    EstablishmentCsv.Result posts = new EstablishmentCsv.Result(List.of(), List.of());
    if (establishment != null) {
      try (Reader reader = Files.newBufferedReader(establishment, StandardCharsets.UTF_8)) {
        posts = EstablishmentCsv.read(reader);
      }
    }
    if (!workerProblems.isEmpty() || !posts.problems().isEmpty()) {
      FileProblems.report(err, workers, workerProblems);
      FileProblems.report(err, establishment, posts.problems());
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("agency-return")) {
      AgencyReturnCsv.write(out, quarter, members);
      out.flush();
      return 0;
    }
    if (format.equals("csww")) {
      CswwXml.write(out, end, lea, members, posts.posts(), m -> CswwXml.Activity.NONE);
      out.flush();
      return 0;
    }
    WorkforceCensus.Result result = WorkforceCensus.of(end, members, posts.posts());
    Map<String, Object> json = council(result.council());
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
    out.println(EvaluateCommand.json().writeValueAsString(json));
    out.flush();
    return 0;
  }

  private Integer readReturn(PrintWriter err) throws IOException {
    if (!format.equals("json")) {
      err.println("--csww reads a census return: --format must be json");
      return 2;
    }
    if (workers != null || establishment != null || yearEnd != null) {
      err.println(
          "--csww reads a census return on its own: the year is its ReferenceDate (no --workers,"
              + " --establishment or --year-end)");
      return 2;
    }
    CswwXml.Result read;
    try (InputStream in = Files.newInputStream(csww)) {
      read = CswwXml.read(in);
    }
    if (!read.problems().isEmpty()) {
      FileProblems.report(err, csww, read.problems());
      return 2;
    }
    Map<String, Object> json = council(read.census().figures());
    json.put("teams", List.of());
    PrintWriter out = spec.commandLine().getOut();
    out.println(EvaluateCommand.json().writeValueAsString(json));
    out.flush();
    return 0;
  }

  private static LocalDate date(PrintWriter err, String option, String value) {
    if (value == null) {
      err.println(option + " is required");
      return null;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      err.println(option + " must be a date like 2025-09-30 (not " + value + ")");
      return null;
    }
    if (day.getYear() < 2000 || day.getYear() > 2040) {
      err.println(option + " must be between 2000 and 2040");
      return null;
    }
    return day;
  }

  /** The council's figures as the JSON's top level: the year, then {@link #figures}. */
  static Map<String, Object> council(WorkforceCensus.Figures f) {
    return WorkforceKeys.council(f);
  }

  /** The figures under the pinned keys: FTE to 2 dp, rates in percent to 1 dp or null. */
  static Map<String, Object> figures(WorkforceCensus.Figures f) {
    return WorkforceKeys.figures(f);
  }
}
