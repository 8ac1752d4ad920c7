package org.safeload.app.home;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.safeload.app.access.Capability;
import org.safeload.app.caseload.CaseloadBoards;
import org.safeload.app.caseload.UnallocatedCases;
import org.safeload.app.money.ContractService;
import org.safeload.app.money.Evaluation;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.timeliness.TimelinessService;
import org.safeload.caseload.Caseloads;
import org.safeload.money.Costing;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page answers "what needs me today?" for the signed-in role: overdue and due-soon KPI
 * items, unallocated cases (oldest first), workers and teams over a cap or target, and contracts
 * near their ceiling or with a decision date coming, each with a count and a link. A section the
 * role may not read is left out, never refused.
 */
@Controller
class HomePage {

  /** How many of each list the start page shows before "see all". */
  static final int FIRST = 5;

  /** Contract flags that need someone to act (the money engine raises them). */
  private static final Set<String> CONTRACT_ATTENTION =
      Set.of(
          "ceiling-breach",
          "ceiling-close",
          "extension-decision-due",
          "extension-decision-passed",
          "extension-underpriced",
          "no-route",
          "contract-procedure-rule");

  private final OrganisationService organisation;
  private final TimelinessService timeliness;
  private final CaseloadBoards boards;
  private final UnallocatedCases unallocated;
  private final ContractService contracts;

  HomePage(
      OrganisationService organisation,
      TimelinessService timeliness,
      CaseloadBoards boards,
      UnallocatedCases unallocated,
      ContractService contracts) {
    this.organisation = organisation;
    this.timeliness = timeliness;
    this.boards = boards;
    this.unallocated = unallocated;
    this.contracts = contracts;
  }

  /** A contract that needs someone, with the engine's reasons. */
  record ContractAttention(String id, String provider, List<String> reasons) {}

  /** A worker over a cap or a target, for the list. */
  record WorkerOver(String name, String teamName, long teamId, String status, String colour) {}

  @GetMapping("/")
  String home(Model model) {
    LocalDate today = organisation.today();
    model.addAttribute("today", today);
    model.addAttribute("first", FIRST);
    boolean cases = Capability.READ_CASES.granted();
    model.addAttribute("showCases", cases);
    if (cases) {
      TimelinessService.Dashboard d =
          timeliness.dashboard(
              org.safeload.app.timeliness.RuleSets.DEFAULT_RULE_SET, today, null, null);
      model.addAttribute("overdue", d.overdue());
      // The items are made as they are read: only the first few are shown.
      model.addAttribute(
          "overdueShown", List.copyOf(d.overdue().subList(0, Math.min(FIRST, d.overdue().size()))));
      model.addAttribute("dueSoon", d.dueSoon());
      List<UnallocatedCases.Waiting> waiting = unallocated.queue(today);
      model.addAttribute("waiting", waiting);
    }
    CaseloadBoards.Overview o = boards.overview(today);
    List<WorkerOver> over = new ArrayList<>();
    for (CaseloadBoards.TeamLoad t : o.teams()) {
      for (Caseloads.WorkerLoad w : t.load().workers()) {
        if (w.status() == Caseloads.Status.OVER_CAP || w.status() == Caseloads.Status.OVER_TARGET) {
          over.add(
              new WorkerOver(
                  w.holder().name(),
                  t.team().name(),
                  t.team().id(),
                  w.status().label(),
                  w.status().colour()));
        }
      }
    }
    over.sort(
        java.util.Comparator.comparing((WorkerOver w) -> !w.status().equals("Over cap"))
            .thenComparing(WorkerOver::teamName)
            .thenComparing(WorkerOver::name));
    model.addAttribute("workersOver", over);
    model.addAttribute(
        "workersOverCap", over.stream().filter(w -> w.status().equals("Over cap")).count());
    model.addAttribute(
        "teamsOver",
        o.teams().stream().filter(t -> t.load().status() == Caseloads.Status.OVER_TARGET).toList());
    boolean money = Capability.READ_MONEY.granted();
    model.addAttribute("showMoney", money);
    if (money) {
      List<ContractAttention> attention = new ArrayList<>();
      for (Evaluation.ContractResult r : contracts.results(contracts.contracts(), today)) {
        List<String> reasons =
            r.flags().stream()
                .filter(f -> CONTRACT_ATTENTION.contains(f.code()))
                .map(Costing.Flag::message)
                .toList();
        if (!reasons.isEmpty()) {
          attention.add(new ContractAttention(r.id(), r.provider(), reasons));
        }
      }
      model.addAttribute("contracts", attention);
    }
    return "home";
  }
}
