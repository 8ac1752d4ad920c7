package org.safeload.app.decision.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.decision.DecisionReportService;
import org.safeload.app.decision.Decisions;
import org.safeload.app.money.ContractService;
import org.safeload.app.money.StoredContract;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.PageDates;
import org.safeload.app.report.ReportRenderer;
import org.safeload.money.Contract;
import org.safeload.money.DecisionKind;
import org.safeload.money.DecisionRoute;
import org.safeload.money.ReportType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * A contract's decisions and reports as pages: the list, the "Record a decision" form, one
 * decision, and a report's preview with its DOCX and PDF downloads.
 */
@Controller
@RequestMapping("/contracts")
class DecisionPages {

  private final Decisions decisions;
  private final DecisionReportService reports;
  private final ContractService contracts;
  private final ReportRenderer renderer;
  private final JsonMapper json = JsonMapper.builder().build();

  DecisionPages(
      Decisions decisions,
      DecisionReportService reports,
      ContractService contracts,
      ReportRenderer renderer) {
    this.decisions = decisions;
    this.reports = reports;
    this.contracts = contracts;
    this.renderer = renderer;
  }

  @GetMapping("/{id}/decisions")
  String list(@PathVariable String id, Model model) {
    List<Decisions.Recorded> recorded = decisions.decisions(id);
    model.addAttribute("id", id);
    model.addAttribute("c", contracts.contract(id).contract());
    model.addAttribute("decisions", recorded);
    model.addAttribute("types", ReportType.values());
    model.addAttribute("today", decisions.today());
    return "decisions/list";
  }

  @GetMapping("/{id}/decisions/new")
  String form(@PathVariable String id, Model model) {
    DecisionForm form = new DecisionForm();
    form.setDate(org.safeload.app.platform.DateParts.of(decisions.today()));
    show(id, form, model);
    return "decisions/form";
  }

  private void show(String id, DecisionForm form, Model model) {
    StoredContract stored = contracts.contract(id);
    Contract c = stored.contract();
    List<YearMonth> months = ContractService.months(c);
    form.fitMonths(months.size());
    model.addAttribute("id", id);
    model.addAttribute("c", c);
    model.addAttribute("form", form);
    model.addAttribute("kinds", DecisionKind.values());
    model.addAttribute("routes", DecisionRoute.values());
    model.addAttribute("months", months);
    model.addAttribute(
        "roles",
        c.parts().stream()
            .flatMap(p -> p.roster().stream().map(Contract.RosterLine::role))
            .distinct()
            .sorted()
            .toList());
    model.addAttribute("taperRows", rows(DecisionForm.TAPER));
    model.addAttribute("optionRows", rows(DecisionForm.OPTIONS));
    model.addAttribute("riskRows", rows(DecisionForm.RISKS));
  }

  private static List<Integer> rows(int n) {
    return java.util.stream.IntStream.range(0, n).boxed().toList();
  }

  @PostMapping("/{id}/decisions/new")
  String record(
      @PathVariable String id,
      @ModelAttribute("form") DecisionForm form,
      Model model,
      RedirectAttributes redirect) {
    Contract c = contracts.contract(id).contract();
    Map<String, Object> document = form.document(ContractService.months(c), c.multiTeam());
    try {
      Decisions.Recorded r = decisions.record(id, json.writeValueAsString(document));
      redirect.addFlashAttribute("done", r.title() + " recorded");
      return "redirect:/contracts/" + id + "/decisions/" + r.number();
    } catch (InvalidInputException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      List<YearMonth> months = ContractService.months(c);
      e.problems()
          .forEach(
              p -> {
                String box = p.field().isEmpty() ? "kind" : form.field(p.field());
                errors.putIfAbsent(box, DecisionForm.label(box, months) + " " + p.message());
              });
      model.addAttribute("errors", errors);
      show(id, form, model);
      return "decisions/form";
    }
  }

  @GetMapping("/{id}/decisions/{number}")
  String view(@PathVariable String id, @PathVariable int number, Model model) {
    Decisions.Recorded r = decisions.decision(id, number);
    model.addAttribute("id", id);
    model.addAttribute("r", r);
    model.addAttribute("d", r.decision());
    model.addAttribute("f", r.figures());
    model.addAttribute("type", ReportType.of(r.decision().kind()));
    return "decisions/view";
  }

  @GetMapping("/{id}/reports/{type}")
  String preview(
      @PathVariable String id,
      @PathVariable String type,
      @RequestParam(required = false) Integer decision,
      @RequestParam(required = false) String asOf,
      Model model) {
    ReportType t = DecisionApi.type(type);
    LocalDate date = null;
    if (asOf != null && !asOf.isBlank()) {
      date =
          PageDates.parse(asOf)
              .orElseThrow(() -> new InvalidInputException("asOf", "The date must be a real date"));
    }
    model.addAttribute("id", id);
    model.addAttribute("type", t);
    model.addAttribute("decision", decision);
    model.addAttribute("asOf", date);
    model.addAttribute("preview", renderer.preview(reports.report(id, t, decision, date)));
    return "decisions/report";
  }

  @GetMapping("/{id}/reports/{type}/download.{format}")
  ResponseEntity<byte[]> download(
      @PathVariable String id,
      @PathVariable String type,
      @PathVariable String format,
      @RequestParam(required = false) Integer decision,
      @RequestParam(required = false) String asOf) {
    ReportType t = DecisionApi.type(type);
    DecisionReportService.Format f = DecisionApi.format(format);
    LocalDate date =
        asOf == null || asOf.isBlank()
            ? null
            : PageDates.parse(asOf)
                .orElseThrow(
                    () -> new InvalidInputException("asOf", "The date must be a real date"));
    return DecisionApi.attachment(id, t, decision, f, reports.file(id, t, decision, date, f));
  }
}
