package org.safeload.app.caseload.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safeload.app.caseload.AllocationPolicies;
import org.safeload.app.caseload.CaseloadBoards;
import org.safeload.app.caseload.Handovers;
import org.safeload.app.caseload.UnallocatedCases;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.caseload.CaseloadPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Caseload pages: every team's caseload, a team's board, the unallocated queue, allocating a case
 * with the recommendation, a team's throughput, and the allocation policy.
 */
@Controller
class CaseloadPages {

  private final CaseloadBoards boards;
  private final UnallocatedCases unallocated;
  private final Handovers handovers;
  private final AllocationPolicies policies;

  CaseloadPages(
      CaseloadBoards boards,
      UnallocatedCases unallocated,
      Handovers handovers,
      AllocationPolicies policies) {
    this.boards = boards;
    this.unallocated = unallocated;
    this.handovers = handovers;
    this.policies = policies;
  }

  /** A date from a query parameter (today when absent); a bad one is a problem for the form. */
  private LocalDate date(String text, String field, Model model) {
    if (text == null || text.isBlank()) {
      return boards.today();
    }
    String problem;
    java.util.Optional<LocalDate> parsed = org.safeload.app.platform.PageDates.parse(text);
    if (parsed.isPresent()) {
      LocalDate date = parsed.get();
      problem = boards.dateProblem(date).orElse(null);
      if (problem == null) {
        return date;
      }
    } else {
      problem = "Enter a real date, for example 24/11/2026";
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (model.getAttribute("errors") instanceof Map<?, ?> before) {
      before.forEach((k, v) -> errors.put(String.valueOf(k), String.valueOf(v)));
    }
    errors.put(field, problem);
    model.addAttribute("errors", errors);
    return boards.today();
  }

  @GetMapping("/caseloads")
  String overview(@RequestParam(required = false) String on, Model model) {
    LocalDate date = date(on, "on", model);
    model.addAttribute("o", boards.overview(date));
    return "caseloads/overview";
  }

  @GetMapping("/caseloads/teams/{id}")
  String board(
      @PathVariable long id,
      @RequestParam(required = false) String on,
      @RequestParam(required = false) String page,
      Model model) {
    LocalDate date = date(on, "on", model);
    CaseloadBoards.Board board = boards.board(id, date);
    model.addAttribute("b", board);
    // A team of a few workers fits on one page; a service-sized "team" is paged.
    model.addAttribute(
        "workers",
        org.safeload.app.platform.Pagination.Paged.of(
            board.team().load().workers(),
            org.safeload.app.platform.Pagination.page(page),
            pageLink("/caseloads/teams/" + id, on, date, model)));
    model.addAttribute(
        "chart",
        CaseloadCharts.perFte(
            "caseload-chart",
            board.team().team().name() + ": cases per case-holding FTE by month",
            board.months(),
            board.team().load().target()));
    return "caseloads/board";
  }

  @GetMapping("/caseloads/unallocated")
  String queue(
      @RequestParam(required = false) String on,
      @RequestParam(required = false) String page,
      Model model) {
    LocalDate date = date(on, "on", model);
    model.addAttribute("on", date);
    model.addAttribute(
        "waiting",
        org.safeload.app.platform.Pagination.Paged.of(
            unallocated.queue(date),
            org.safeload.app.platform.Pagination.page(page),
            pageLink("/caseloads/unallocated", on, date, model)));
    return "caseloads/unallocated";
  }

  /** The link to page n of a list on a page, keeping the date it was asked for (when valid). */
  private static java.util.function.IntFunction<String> pageLink(
      String path, String on, LocalDate date, Model model) {
    boolean dated =
        on != null
            && !on.isBlank()
            && !(model.getAttribute("errors") instanceof Map<?, ?> e && e.containsKey("on"));
    String base = path + (dated ? "?on=" + org.safeload.app.platform.PageDates.input(date) : "");
    return n ->
        org.springframework.web.util.UriComponentsBuilder.fromUriString(base)
            .replaceQueryParam("page", n)
            .build()
            .toUriString();
  }

  @GetMapping("/caseloads/cases/{caseRef}")
  String allocation(
      @PathVariable String caseRef,
      @RequestParam(defaultValue = "false") boolean allTeams,
      @RequestParam(required = false) String on,
      Model model) {
    LocalDate date = date(on, "on", model);
    try {
      model.addAttribute("a", unallocated.allocation(caseRef, date, allTeams));
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.allOf(e));
      date = boards.today();
      model.addAttribute("a", unallocated.allocation(caseRef, date, allTeams));
    }
    model.addAttribute("on", date);
    model.addAttribute("later", date.isAfter(boards.today()));
    model.addAttribute("allTeams", allTeams);
    model.addAttribute("workerId", "");
    model.addAttribute("reason", "");
    return "caseloads/allocate";
  }

  @PostMapping("/caseloads/cases/{caseRef}")
  String allocate(
      @PathVariable String caseRef,
      @RequestParam(required = false) String workerId,
      @RequestParam(required = false) String reason,
      @RequestParam(defaultValue = "false") boolean allTeams,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      UnallocatedCases.Allocated done = unallocated.allocate(caseRef, workerId, reason);
      redirect.addFlashAttribute("allocated", done);
      return "redirect:/caseloads/unallocated";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.allOf(e));
      model.addAttribute("a", unallocated.allocation(caseRef, boards.today(), allTeams));
      model.addAttribute("on", boards.today());
      model.addAttribute("later", false);
      model.addAttribute("allTeams", allTeams);
      model.addAttribute("workerId", workerId == null ? "" : workerId);
      model.addAttribute("reason", reason == null ? "" : reason);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "caseloads/allocate";
    }
  }

  @GetMapping("/caseloads/teams/{id}/throughput")
  String throughput(
      @PathVariable long id,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model) {
    LocalDate end = date(to, "to", model);
    LocalDate start =
        from == null || from.isBlank() ? end.minusMonths(6).plusDays(1) : date(from, "from", model);
    if (end.isBefore(start)) {
      model.addAttribute("errors", Map.of("to", "The end must be on or after the start"));
      start = end.minusMonths(6).plusDays(1);
    }
    CaseloadBoards.TeamThroughput t;
    try {
      t = boards.throughput(id, start, end);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.allOf(e));
      end = boards.today();
      start = end.minusMonths(6).plusDays(1);
      t = boards.throughput(id, start, end);
    }
    java.math.BigDecimal target = policies.policy().teamTargetCasesPerFte();
    model.addAttribute("t", t);
    model.addAttribute("fromInput", org.safeload.app.platform.PageDates.input(t.flow().from()));
    model.addAttribute("toInput", org.safeload.app.platform.PageDates.input(t.flow().to()));
    model.addAttribute(
        "chart",
        CaseloadCharts.perFte(
            "caseload-chart",
            t.team().name() + ": cases per case-holding FTE by month",
            t.flow().months(),
            target));
    model.addAttribute("target", target);
    return "caseloads/throughput";
  }

  @GetMapping("/caseloads/policy")
  String policy(Model model) {
    CaseloadPolicy policy = policies.policy();
    model.addAttribute("policy", policy);
    model.addAttribute("document", policies.policyText());
    model.addAttribute("builtIn", CaseloadPolicy.DEFAULT.equals(policy.id()));
    model.addAttribute("caseTypes", java.util.List.of(org.safeload.timeliness.CaseType.values()));
    return "caseloads/policy";
  }

  /** The policy in force as a YAML file, to keep or to edit and import (power users). */
  @GetMapping("/caseloads/policy.yaml")
  org.springframework.http.ResponseEntity<String> exportPolicy() {
    CaseloadPolicy policy = policies.policy();
    return org.springframework.http.ResponseEntity.ok()
        .contentType(
            new org.springframework.http.MediaType(
                "application", "yaml", java.nio.charset.StandardCharsets.UTF_8))
        .header(
            org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            org.springframework.http.ContentDisposition.attachment()
                .filename(policy.id() + "-allocation-policy.yaml")
                .build()
                .toString())
        .body(policies.policyText());
  }

  @GetMapping("/caseloads/policy/change")
  String policyForm(Model model) {
    model.addAttribute("form", PolicyForm.of(policies.policy()));
    return "caseloads/policy-form";
  }

  /**
   * Saves the policy from the form: the form writes the YAML document and the core reads and checks
   * it, as for the YAML page; its problems come back to the form's fields.
   */
  @PostMapping("/caseloads/policy/change")
  String savePolicyForm(
      @org.springframework.web.bind.annotation.ModelAttribute("form") PolicyForm form,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    Map<String, String> errors = form.formProblems();
    if (errors.isEmpty()) {
      PolicyForm.Document document = form.document();
      try {
        CaseloadPolicy saved = policies.savePolicy(document.text());
        redirect.addFlashAttribute("saved", saved.name());
        return "redirect:/caseloads/policy";
      } catch (InvalidInputException e) {
        errors = form.errors(document, e.problems());
      }
    }
    model.addAttribute("errors", errors);
    model.addAttribute("form", form.withBlankGroup());
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return "caseloads/policy-form";
  }

  @GetMapping("/caseloads/policy/edit")
  String editPolicy(Model model) {
    String text = policies.policyText();
    if (CaseloadPolicy.DEFAULT.equals(policies.policy().id())) {
      text = text.replaceFirst("(?m)^id: default$", "id: council");
    }
    model.addAttribute("document", text);
    return "caseloads/policy-edit";
  }

  @PostMapping("/caseloads/policy/edit")
  String savePolicy(
      @RequestParam(defaultValue = "") String document,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      CaseloadPolicy saved = policies.savePolicy(document);
      redirect.addFlashAttribute("saved", saved.name());
      return "redirect:/caseloads/policy";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", Map.of("document", "The policy has errors: nothing was saved"));
      model.addAttribute("problems", e.problems());
      model.addAttribute("document", document);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "caseloads/policy-edit";
    }
  }

  @GetMapping("/caseloads/policy/built-in")
  String confirmBuiltIn(Model model) {
    model.addAttribute("policy", policies.policy());
    model.addAttribute("confirm", "");
    return "caseloads/policy-built-in";
  }

  /** Puts the built-in policy back in force once the person has said yes. */
  @PostMapping("/caseloads/policy/built-in")
  String useBuiltIn(
      @RequestParam(required = false) String confirm,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    if ("yes".equals(confirm)) {
      policies.useBuiltInPolicy();
      redirect.addFlashAttribute("saved", CaseloadPolicy.defaultPolicy().name());
      return "redirect:/caseloads/policy";
    }
    if ("no".equals(confirm)) {
      return "redirect:/caseloads/policy";
    }
    model.addAttribute(
        "errors",
        Map.of("confirm", "Select yes to use the built-in policy, or no to keep the one in force"));
    model.addAttribute("policy", policies.policy());
    model.addAttribute("confirm", "");
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return "caseloads/policy-built-in";
  }

  // --- Handover --------------------------------------------------------------------------------

  @GetMapping("/caseloads/handover")
  String handoverForm(
      @RequestParam(required = false) Long fromTeam,
      @RequestParam(required = false) String on,
      Model model) {
    model.addAttribute("o", boards.overview(boards.today()));
    model.addAttribute("fromTeam", fromTeam);
    model.addAttribute("toTeams", java.util.List.of());
    model.addAttribute("caseRefs", "");
    model.addAttribute("on", on == null ? "" : on);
    return "caseloads/handover";
  }

  @PostMapping("/caseloads/handover")
  String plan(
      @RequestParam(required = false) Long fromTeam,
      @RequestParam(required = false) java.util.List<Long> toTeams,
      @RequestParam(defaultValue = "") String caseRefs,
      @RequestParam(defaultValue = "") String on,
      Model model,
      HttpServletResponse response) {
    java.util.List<String> refs =
        java.util.Arrays.stream(caseRefs.split("[\\s,]+")).filter(r -> !r.isBlank()).toList();
    try {
      LocalDate date = null;
      if (!on.isBlank()) {
        date =
            org.safeload.app.platform.PageDates.parse(on)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "on", "Enter a real date, for example 31/3/2027"));
      }
      model.addAttribute(
          "p",
          handovers.planHandover(
              new Handovers.HandoverRequest(
                  fromTeam,
                  null,
                  refs,
                  toTeams == null ? java.util.List.of() : toTeams,
                  null,
                  null,
                  date)));
      return "caseloads/handover-plan";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.allOf(e));
      model.addAttribute("o", boards.overview(boards.today()));
      model.addAttribute("fromTeam", fromTeam);
      model.addAttribute("toTeams", toTeams == null ? java.util.List.of() : toTeams);
      model.addAttribute("caseRefs", caseRefs);
      model.addAttribute("on", on);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "caseloads/handover";
    }
  }

  @PostMapping("/caseloads/handover/apply")
  String apply(
      @RequestParam(required = false) java.util.List<String> move,
      @RequestParam(required = false) String reason,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    java.util.List<Handovers.PlannedMove> moves = new java.util.ArrayList<>();
    boolean changedPage = false;
    for (String m : move == null ? java.util.List.<String>of() : move) {
      String[] parts = m.split("\\|", -1);
      if (parts.length == 3 || parts.length == 4) {
        LocalDate date = null;
        if (parts.length == 4 && !parts[3].isEmpty()) {
          try {
            date = LocalDate.parse(parts[3]);
          } catch (java.time.format.DateTimeParseException e) {
            changedPage = true; // a changed page: nothing is applied
            continue;
          }
        }
        moves.add(
            new Handovers.PlannedMove(
                parts[0], parts[1].isEmpty() ? null : parts[1], parts[2], date));
      }
    }
    try {
      if (changedPage) {
        throw new InvalidInputException("moves", "The plan was changed on the page: plan again");
      }
      Handovers.Applied applied = handovers.applyHandover(moves, reason);
      redirect.addFlashAttribute("applied", applied);
      return "redirect:/caseloads";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", Map.of("apply-errors", e.getMessage()));
      model.addAttribute("problems", e.problems());
      model.addAttribute("o", boards.overview(boards.today()));
      model.addAttribute("fromTeam", null);
      model.addAttribute("toTeams", java.util.List.of());
      model.addAttribute("caseRefs", "");
      model.addAttribute("on", "");
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "caseloads/handover";
    }
  }
}
