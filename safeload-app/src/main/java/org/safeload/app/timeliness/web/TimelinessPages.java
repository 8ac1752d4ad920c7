package org.safeload.app.timeliness.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.timeliness.TimelinessService;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.KpiRuleSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The timeliness dashboard, a child's case timeline, event import and rule sets. */
@Controller
class TimelinessPages {

  private final TimelinessService timeliness;

  TimelinessPages(TimelinessService timeliness) {
    this.timeliness = timeliness;
  }

  @GetMapping("/timeliness")
  String dashboard(
      @RequestParam(defaultValue = "contract") String rules,
      @RequestParam(required = false) LocalDate asOf,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String kpi,
      Model model) {
    LocalDate date = asOf == null ? timeliness.today() : asOf;
    model.addAttribute("d", timeliness.dashboard(rules, date, team, kpi));
    model.addAttribute("ruleSets", timeliness.ruleSets());
    model.addAttribute("team", team == null ? "" : team);
    model.addAttribute("kpi", kpi == null ? "" : kpi);
    return "timeliness/dashboard";
  }

  @GetMapping("/cases/{caseRef}")
  String timeline(@PathVariable String caseRef, Model model) {
    model.addAttribute("t", timeliness.caseTimeline(caseRef));
    return "timeliness/case";
  }

  @GetMapping("/timeliness/import")
  String importForm(Model model) {
    model.addAttribute("header", String.join(",", EventCsv.HEADER));
    return "timeliness/import";
  }

  @PostMapping("/timeliness/import")
  String importFile(
      @RequestParam(value = "file", required = false) MultipartFile file,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response)
      throws IOException {
    model.addAttribute("header", String.join(",", EventCsv.HEADER));
    if (file == null || file.isEmpty()) {
      model.addAttribute("errors", Map.of("file", "Select a CSV file"));
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "timeliness/import";
    }
    try {
      TimelinessService.ImportResult result =
          timeliness.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8));
      redirect.addFlashAttribute("imported", result);
      return "redirect:/timeliness";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", Map.of("file", "The file has errors: nothing was imported"));
      model.addAttribute("problems", e.problems());
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "timeliness/import";
    }
  }

  @GetMapping("/timeliness/rules")
  String rules(Model model) {
    model.addAttribute("ruleSets", timeliness.ruleSets());
    return "timeliness/rules";
  }

  @GetMapping("/timeliness/rules/{id}")
  String rule(@PathVariable String id, Model model) {
    model.addAttribute("id", id);
    model.addAttribute("document", timeliness.ruleSetText(id));
    model.addAttribute("builtIn", KpiRuleSet.BUILT_IN.contains(id));
    return "timeliness/rule-set";
  }

  @GetMapping("/timeliness/rules/edit")
  String edit(@RequestParam(defaultValue = "contract") String from, Model model) {
    String text = timeliness.ruleSetText(from);
    if (KpiRuleSet.BUILT_IN.contains(from)) {
      text = text.replaceFirst("(?m)^id: " + from + "$", "id: my-" + from);
    }
    model.addAttribute("document", text);
    return "timeliness/rule-edit";
  }

  @PostMapping("/timeliness/rules/edit")
  String save(@RequestParam(defaultValue = "") String document, Model model) {
    try {
      KpiRuleSet set = timeliness.saveRuleSet(document);
      return "redirect:/timeliness?rules=" + set.id();
    } catch (InvalidInputException e) {
      model.addAttribute(
          "errors", Map.of("document", "The rule set has errors: nothing was saved"));
      model.addAttribute("problems", e.problems());
      model.addAttribute("document", document);
      return "timeliness/rule-edit";
    }
  }
}
