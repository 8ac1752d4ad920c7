package org.safeload.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.KpiItems;
import org.safeload.timeliness.KpiReport;
import org.safeload.timeliness.KpiRuleSet;
import org.safeload.timeliness.Timeliness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** KPI compliance from an event file. */
@Command(
    name = "kpi",
    mixinStandardHelpOptions = true,
    description = "Timeliness KPIs from a case activity file (docs/timeliness.md).")
public class KpiCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--events", required = true, paramLabel = "FILE.csv")
  Path events;

  @Option(names = "--rules", defaultValue = "contract", paramLabel = "contract|statutory|FILE.yaml")
  String rules;

  @Option(names = "--as-of", required = true, paramLabel = "DATE")
  LocalDate asOf;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "Items whose deadline is on or after.")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Items whose deadline is on or before.")
  LocalDate to;

  @Option(names = "--by", paramLabel = "team|worker|provider")
  String by;

  @Option(names = "--format", defaultValue = "json", paramLabel = "json|csv|table")
  String format;

  @Mixin CalendarOptions calendarOptions = new CalendarOptions();

  @Option(
      names = "--teams",
      paramLabel = "FILE.csv",
      description = "team_id,name,kind,provider: for --by provider.")
  Path teams;

  @Option(
      names = "--workers",
      paramLabel = "FILE.csv",
      description = "worker_id,...,end_date: leavers' obligations stop.")
  Path workers;

  @Override
  public Integer call() throws IOException {
    KpiReport.GroupBy groupBy;
    try {
      groupBy = by == null ? KpiReport.GroupBy.NONE : KpiReport.GroupBy.valueOf(by.toUpperCase());
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("--by must be team, worker or provider");
      return 2;
    }
    // The rule set and the calendar (a few tenths of a second each in a fresh JVM, mostly loading
    // classes) are made on a thread of their own while the event file is read.
    CompletableFuture<KpiRuleSet> ruleSet =
        CompletableFuture.supplyAsync(this::ruleSet, KpiCommand::daemon);
    CompletableFuture<WorkingCalendar> calendar =
        CompletableFuture.supplyAsync(calendarOptions::calendar, KpiCommand::daemon);
    EventCsv.Result result = EventCsv.read(events, id -> Optional.empty());
    KpiRuleSet set;
    try {
      set = ruleSet.join();
    } catch (CompletionException e) {
      switch (e.getCause()) {
        case DocumentException problems -> {
          problems
              .problems()
              .forEach(
                  p ->
                      spec.commandLine()
                          .getErr()
                          .println(rules + ": " + DocumentException.describe(p)));
          return 1;
        }
        case UncheckedIOException io -> throw io.getCause();
        default -> throw e;
      }
    }
    if (!result.problems().isEmpty()) {
      for (FieldProblem p : result.problems()) {
        spec.commandLine().getErr().println(events + ": " + DocumentException.describe(p));
      }
      return 1;
    }
    Map<String, String> providers = new HashMap<>();
    if (teams != null) {
      for (CSVRecord r : csv(teams)) {
        if (!r.get("provider").isBlank()) {
          providers.put(r.get("team_id"), r.get("provider"));
        }
      }
    }
    Map<String, LocalDate> ends = new HashMap<>();
    if (workers != null) {
      for (CSVRecord r : csv(workers)) {
        if (r.isMapped("end_date") && !r.get("end_date").isBlank()) {
          ends.put(r.get("worker_id"), LocalDate.parse(r.get("end_date")));
        }
      }
    }
    KpiItems items = new Timeliness(calendar.join()).evaluate(result.log(), set, asOf, ends);
    KpiReport report = KpiReport.of(items, set, result.log(), asOf, from, to, groupBy, providers);
    spec.commandLine().getOut().print(KpiOutput.format(report, format));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private KpiRuleSet ruleSet() {
    try {
      return KpiRuleSet.BUILT_IN.contains(rules)
          ? KpiRuleSet.builtIn(rules)
          : KpiRuleSet.read(Files.readString(Path.of(rules)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void daemon(Runnable task) {
    Thread.ofPlatform().daemon().start(task);
  }

  private static Iterable<CSVRecord> csv(Path file) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(Files.newBufferedReader(file))
        .getRecords();
  }
}
