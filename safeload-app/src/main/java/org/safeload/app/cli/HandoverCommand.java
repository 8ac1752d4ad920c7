package org.safeload.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.safeload.app.platform.TimeConfig;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.document.DocumentException;
import org.safeload.handover.HandoverCase;
import org.safeload.handover.HandoverCsv;
import org.safeload.handover.HandoverPlan;
import org.safeload.handover.HandoverPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Plans a handover of cases to receiving workers (docs/handover.md). */
@Command(
    name = "handover",
    mixinStandardHelpOptions = true,
    description = {
      "Plans a handover: every family to one worker, every hard rule kept, the highest weighted"
          + " caseload per FTE as low as possible, then as few cases as possible moved away from"
          + " a worker the child knows, then the loads per FTE as even as those allow"
          + " (docs/handover.md).",
      "Exit codes: 0 a plan (optimal or feasible), 3 no plan fits (infeasible) or none found in"
          + " time, 2 bad input."
    })
public class HandoverCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--workers",
      required = true,
      paramLabel = "WORKERS.csv",
      description =
          "worker_id,name,role,fte,asye,pqe_years,current_cases,current_weighted (optional:"
              + " first_day,last_day,asye_start): the receivers.")
  Path workers;

  @Option(
      names = "--cases",
      required = true,
      paramLabel = "CASES.csv",
      description =
          "case_id,child_id,family_group,case_type,current_worker,previous_workers (optional:"
              + " move_by): the cases.")
  Path cases;

  @Option(
      names = "--policy",
      paramLabel = "FILE.yaml",
      description = "An allocation policy (default: the built-in one).")
  Path policy;

  @Option(names = "--format", defaultValue = "json", paramLabel = "json|table")
  String format;

  @Option(
      names = "--time-limit",
      defaultValue = "10",
      paramLabel = "SECONDS",
      description = "The solver's time limit (default ${DEFAULT-VALUE}).")
  BigDecimal timeLimit;

  @Option(
      names = "--date",
      paramLabel = "DATE",
      description =
          "The plan's date, as 2025-03-31: cases without a move_by move on it (default: today).")
  LocalDate date;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("json") && !format.equals("table")) {
      err.println("--format must be json or table");
      return 2;
    }
    if (timeLimit.signum() <= 0 || timeLimit.compareTo(BigDecimal.valueOf(3600)) > 0) {
      err.println("--time-limit must be more than 0 and at most 3600 seconds");
      return 2;
    }
    CaseloadPolicy rules;
    try {
      rules =
          policy == null
              ? CaseloadPolicy.defaultPolicy()
              : CaseloadPolicy.read(Files.readString(policy, StandardCharsets.UTF_8));
    } catch (DocumentException e) {
      e.problems().forEach(p -> err.println(policy + ": " + DocumentException.describe(p)));
      return 2;
    }
    HandoverCsv.Workers w;
    try (Reader reader = Files.newBufferedReader(workers, StandardCharsets.UTF_8)) {
      w = HandoverCsv.readWorkers(reader);
    }
    HandoverCsv.Cases c;
    try (Reader reader = Files.newBufferedReader(cases, StandardCharsets.UTF_8)) {
      c = HandoverCsv.readCases(reader);
    }
    if (!w.problems().isEmpty() || !c.problems().isEmpty()) {
      FileProblems.report(err, workers, w.problems());
      FileProblems.report(err, cases, c.problems());
      return 2;
    }
    HandoverPlan plan =
        new HandoverPlanner()
            .plan(
                c.cases(),
                w.receivers(),
                rules,
                date != null ? date : TimeConfig.today(clock),
                Duration.ofMillis(timeLimit.movePointRight(3).longValue()));
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("table")) {
      out.print(table(plan, c.cases()));
    } else {
      out.println(EvaluateCommand.json().writeValueAsString(json(plan, c.cases())));
    }
    out.flush();
    return plan.status() == HandoverPlan.Status.OPTIMAL
            || plan.status() == HandoverPlan.Status.FEASIBLE
        ? 0
        : 3;
  }

  static Map<String, Object> json(HandoverPlan plan, List<HandoverCase> cases) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", plan.status().code());
    out.put("maxWeightedPerFte", plan.maxWeightedPerFte());
    out.put("bound", plan.bound());
    out.put("gap", plan.gap());
    out.put("movedFromPreviousWorker", plan.movedFromPreviousWorker());
    out.put("movedBound", plan.movedBound());
    out.put("continuityCases", plan.continuityCases());
    out.put("balance", plan.balance());
    out.put("balanceBound", plan.balanceBound());
    out.put("balanceGap", plan.balanceGap());
    out.put("unplaced", plan.unplaced());
    out.put("extraFteNeeded", plan.extraFteNeeded());
    out.put("explanation", plan.explanation());
    out.put("solveMillis", plan.solveTime().toMillis());
    List<Map<String, Object>> assignment = new ArrayList<>();
    for (HandoverCase c : cases) {
      String to = plan.assignment().get(c.caseId());
      if (to == null) {
        continue;
      }
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("caseId", c.caseId());
      a.put("childId", c.childId());
      a.put("familyGroup", c.familyGroup());
      a.put("caseType", c.type().code());
      a.put("from", c.currentWorker());
      a.put("to", to);
      a.put("knownWorker", c.knows(to));
      a.put("date", plan.dates().get(c.caseId()));
      assignment.add(a);
    }
    out.put("assignment", assignment);
    List<Map<String, Object>> receivers = new ArrayList<>();
    for (HandoverPlan.ReceiverLoad r : plan.receivers()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("workerId", r.workerId());
      m.put("name", r.name());
      m.put("fte", r.fte());
      m.put("received", r.received());
      m.put(
          "before",
          Map.of(
              "cases", r.before().cases(),
              "weighted", two(r.before().weighted()),
              "weightedPerFte", r.weightedPerFteBefore()));
      m.put(
          "after",
          Map.of(
              "cases", r.after().cases(),
              "weighted", two(r.after().weighted()),
              "weightedPerFte", r.weightedPerFteAfter()));
      receivers.add(m);
    }
    out.put("receivers", receivers);
    List<Map<String, Object>> stages = new ArrayList<>();
    for (HandoverPlan.Stage st : plan.stages()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("date", st.date());
      m.put("moves", st.moves());
      List<Map<String, Object>> loads = new ArrayList<>();
      for (HandoverPlan.ReceiverLoad r : st.receivers()) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("workerId", r.workerId());
        l.put("received", r.received());
        l.put("cases", r.after().cases());
        l.put("weighted", two(r.after().weighted()));
        l.put("weightedPerFte", r.weightedPerFteAfter());
        loads.add(l);
      }
      m.put("receivers", loads);
      stages.add(m);
    }
    out.put("stages", stages);
    return out;
  }

  /** A weighted load to 2 decimal places (weights have at most 2). */
  private static BigDecimal two(BigDecimal value) {
    return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }

  static String table(HandoverPlan plan, List<HandoverCase> cases) {
    StringBuilder out = new StringBuilder();
    out.append("Status: ").append(plan.status().code()).append('\n');
    if (plan.maxWeightedPerFte() != null) {
      out.append(
          String.format(
              "Highest weighted caseload per FTE: %s (bound %s, gap %s)%n",
              plan.maxWeightedPerFte().toPlainString(),
              plan.bound().toPlainString(),
              plan.gap().toPlainString()));
      out.append(
          String.format(
              "Moved away from a worker the child knows: %d of %d cases%n",
              plan.movedFromPreviousWorker(), plan.continuityCases()));
      out.append(
          String.format(
              "Balance (sum of squared weighted caseload per FTE): %s (bound %s, gap %s)%n",
              plan.balance().toPlainString(),
              plan.balanceBound().toPlainString(),
              plan.balanceGap().toPlainString()));
    }
    if (plan.extraFteNeeded() != null) {
      out.append("Extra FTE needed: ").append(plan.extraFteNeeded().toPlainString()).append('\n');
    }
    if (!plan.unplaced().isEmpty()) {
      out.append("Cannot be placed: ").append(String.join(", ", plan.unplaced())).append('\n');
    }
    plan.explanation().forEach(line -> out.append(line).append('\n'));
    out.append('\n');
    out.append(
        String.format(
            "%-8s %-22s %5s %9s %9s %9s   %6s %9s %9s %9s%n",
            "worker",
            "name",
            "fte",
            "cases",
            "weighted",
            "per FTE",
            "gets",
            "cases",
            "weighted",
            "per FTE"));
    for (HandoverPlan.ReceiverLoad r : plan.receivers()) {
      out.append(
          String.format(
              "%-8s %-22s %5s %9d %9s %9s   %6s %9d %9s %9s%n",
              r.workerId(),
              r.name().length() > 22 ? r.name().substring(0, 22) : r.name(),
              r.fte().toPlainString(),
              r.before().cases(),
              two(r.before().weighted()).toPlainString(),
              r.weightedPerFteBefore().toPlainString(),
              "+" + r.received(),
              r.after().cases(),
              two(r.after().weighted()),
              r.weightedPerFteAfter().toPlainString()));
    }
    boolean staged = plan.stages().size() > 1;
    if (staged) {
      out.append('\n');
      for (HandoverPlan.Stage st : plan.stages()) {
        out.append(
            String.format(
                "Stage %s: %s; loads on the date:%n",
                st.date(), st.moves() == 1 ? "1 case moves" : st.moves() + " cases move"));
        out.append(
            String.format(
                "  %-8s %6s %9s %9s %9s%n", "worker", "gets", "cases", "weighted", "per FTE"));
        for (HandoverPlan.ReceiverLoad r : st.receivers()) {
          out.append(
              String.format(
                  "  %-8s %6s %9d %9s %9s%n",
                  r.workerId(),
                  "+" + r.received(),
                  r.after().cases(),
                  two(r.after().weighted()).toPlainString(),
                  r.weightedPerFteAfter().toPlainString()));
        }
      }
    }
    if (!plan.assignment().isEmpty()) {
      out.append('\n');
      out.append(
          String.format(
              "%-8s %-8s %-8s %-10s %-8s %-8s %-5s%s%n",
              "case", "child", "family", "type", "from", "to", "known", staged ? " date" : ""));
      for (HandoverCase c : cases) {
        String to = plan.assignment().get(c.caseId());
        if (to == null) {
          continue;
        }
        out.append(
            String.format(
                "%-8s %-8s %-8s %-10s %-8s %-8s %s%n",
                c.caseId(),
                c.childId(),
                c.familyGroup() == null ? "-" : c.familyGroup(),
                c.type().code(),
                c.currentWorker() == null ? "-" : c.currentWorker(),
                to,
                staged
                    ? String.format(
                        "%-5s %s", c.knows(to) ? "yes" : "-", plan.dates().get(c.caseId()))
                    : c.knows(to) ? "yes" : "-"));
      }
    }
    return out.toString();
  }
}
