package org.safeload.app.timeliness.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.timeliness.RuleSets;
import org.safeload.timeliness.CaseType;
import org.safeload.timeliness.EventType;
import org.safeload.timeliness.KpiRule;
import org.safeload.timeliness.KpiRuleSet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The council's KPI rule sets: the list, a set in words with its changes, forms to create a set (as
 * a copy), rename it and add, change or remove its KPIs, and the YAML page and download for people
 * who work with the files. Every form writes the set's YAML and saves it through the one validation
 * in the core; every save is in the audit trail.
 */
@Controller
class RuleSetPages {

  private final RuleSets ruleSets;

  RuleSetPages(RuleSets ruleSets) {
    this.ruleSets = ruleSets;
  }

  @GetMapping("/timeliness/rules")
  String rules(Model model) {
    model.addAttribute("ruleSets", ruleSets.ruleSets());
    return "timeliness/rules";
  }

  @GetMapping("/timeliness/rules/{id}")
  String ruleSet(@PathVariable String id, Model model) {
    KpiRuleSet set = ruleSets.ruleSet(id);
    model.addAttribute("set", set);
    model.addAttribute("builtIn", KpiRuleSet.BUILT_IN.contains(id));
    model.addAttribute(
        "changes", KpiRuleSet.BUILT_IN.contains(id) ? List.of() : ruleSets.ruleSetChanges(id));
    return "timeliness/rule-set";
  }

  /** A rule set as its YAML file, to download. */
  @GetMapping("/timeliness/rules/{id}.yaml")
  ResponseEntity<String> export(@PathVariable String id) {
    String text = ruleSets.ruleSetText(id);
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(id + ".yaml").build().toString())
        .body(text);
  }

  // --- YAML ------------------------------------------------------------------------------------

  @GetMapping("/timeliness/rules/edit")
  String edit(@RequestParam(defaultValue = "contract") String from, Model model) {
    String text = ruleSets.ruleSetText(from);
    if (KpiRuleSet.BUILT_IN.contains(from)) {
      text = text.replaceFirst("(?m)^id: " + from + "$", "id: my-" + from);
    }
    model.addAttribute("document", text);
    model.addAttribute("from", from);
    return "timeliness/rule-edit";
  }

  @PostMapping("/timeliness/rules/edit")
  String save(
      @RequestParam(defaultValue = "") String document,
      @RequestParam(defaultValue = "") String from,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    try {
      KpiRuleSet set = ruleSets.saveRuleSet(document);
      redirect.addFlashAttribute("saved", "Rule set saved from YAML");
      return "redirect:/timeliness/rules/" + set.id();
    } catch (InvalidInputException e) {
      model.addAttribute(
          "errors",
          Map.of(
              "document",
              "The rule set has "
                  + e.problems().size()
                  + (e.problems().size() == 1 ? " problem" : " problems")
                  + ": nothing was saved"));
      model.addAttribute("problems", e.problems());
      model.addAttribute("document", document);
      model.addAttribute("from", from);
      response.setStatus(400);
      return "timeliness/rule-edit";
    }
  }

  // --- A new set -------------------------------------------------------------------------------

  @GetMapping("/timeliness/rules/new")
  String newSet(@RequestParam(defaultValue = "") String from, Model model) {
    RuleSetForm form = new RuleSetForm();
    form.setFrom(from);
    if (!from.isEmpty()) {
      KpiRuleSet source = ruleSets.ruleSet(from);
      form.setSetName(source.name() + " (copy)");
    }
    return newSetPage(form, model);
  }

  private String newSetPage(RuleSetForm form, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("ruleSets", ruleSets.ruleSets());
    return "timeliness/rule-set-new";
  }

  @PostMapping("/timeliness/rules/new")
  String createSet(
      @ModelAttribute("form") RuleSetForm form,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    boolean known = ruleSets.ruleSets().stream().anyMatch(s -> s.id().equals(form.getFrom()));
    if (!known) {
      response.setStatus(400);
      model.addAttribute("errors", Map.of("from", "Select the rule set to start from"));
      return newSetPage(form, model);
    }
    KpiRuleSet source = ruleSets.ruleSet(form.getFrom());
    String document =
        RuleSetDocument.write(form.getSetId().strip(), form.getSetName().strip(), forms(source));
    try {
      KpiRuleSet set = ruleSets.createRuleSet(document, "created as a copy of " + source.name());
      redirect.addFlashAttribute("saved", "Rule set created");
      return "redirect:/timeliness/rules/" + set.id();
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("errors", RuleSetDocument.setErrors(e.problems()));
      return newSetPage(form, model);
    }
  }

  // --- A set's name ----------------------------------------------------------------------------

  @GetMapping("/timeliness/rules/{id}/name")
  String nameForm(@PathVariable String id, Model model) {
    KpiRuleSet set = councilSet(id);
    RuleSetForm form = new RuleSetForm();
    form.setSetId(set.id());
    form.setSetName(set.name());
    model.addAttribute("form", form);
    model.addAttribute("set", set);
    return "timeliness/rule-set-name";
  }

  @PostMapping("/timeliness/rules/{id}/name")
  String rename(
      @PathVariable String id,
      @ModelAttribute("form") RuleSetForm form,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    KpiRuleSet set = councilSet(id);
    String document = RuleSetDocument.write(set.id(), form.getSetName().strip(), forms(set));
    try {
      ruleSets.updateRuleSet(id, document, "name changed");
      redirect.addFlashAttribute("saved", "Name changed");
      return "redirect:/timeliness/rules/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("errors", RuleSetDocument.setErrors(e.problems()));
      model.addAttribute("set", set);
      return "timeliness/rule-set-name";
    }
  }

  // --- A set's KPIs ----------------------------------------------------------------------------

  @GetMapping("/timeliness/rules/{id}/kpis/new")
  String newKpi(@PathVariable String id, Model model) {
    KpiRuleSet set = councilSet(id);
    return kpiPage(set, null, new RuleForm(), model);
  }

  @PostMapping("/timeliness/rules/{id}/kpis/new")
  String addKpi(
      @PathVariable String id,
      @ModelAttribute("form") RuleForm form,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    KpiRuleSet set = councilSet(id);
    List<RuleForm> rules = forms(set);
    rules.add(form);
    return saveKpis(
        set,
        rules,
        rules.size() - 1,
        "KPI added: " + form.getName().strip(),
        "KPI added",
        null,
        form,
        model,
        redirect,
        response);
  }

  @GetMapping("/timeliness/rules/{id}/kpis/{rule}/edit")
  String editKpi(@PathVariable String id, @PathVariable String rule, Model model) {
    KpiRuleSet set = councilSet(id);
    return kpiPage(set, rule, RuleForm.of(set.rules().get(indexOf(set, rule))), model);
  }

  @PostMapping("/timeliness/rules/{id}/kpis/{rule}/edit")
  String changeKpi(
      @PathVariable String id,
      @PathVariable String rule,
      @ModelAttribute("form") RuleForm form,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    KpiRuleSet set = councilSet(id);
    int index = indexOf(set, rule);
    List<RuleForm> rules = forms(set);
    rules.set(index, form);
    return saveKpis(
        set,
        rules,
        index,
        "KPI changed: " + form.getName().strip(),
        "KPI changed",
        rule,
        form,
        model,
        redirect,
        response);
  }

  @GetMapping("/timeliness/rules/{id}/kpis/{rule}/remove")
  String removeForm(@PathVariable String id, @PathVariable String rule, Model model) {
    KpiRuleSet set = councilSet(id);
    model.addAttribute("set", set);
    model.addAttribute("rule", set.rules().get(indexOf(set, rule)));
    return "timeliness/kpi-remove";
  }

  @PostMapping("/timeliness/rules/{id}/kpis/{rule}/remove")
  String removeKpi(
      @PathVariable String id,
      @PathVariable String rule,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    KpiRuleSet set = councilSet(id);
    int index = indexOf(set, rule);
    List<RuleForm> rules = forms(set);
    rules.remove(index);
    try {
      ruleSets.updateRuleSet(
          id,
          RuleSetDocument.write(set.id(), set.name(), rules),
          "KPI removed: " + set.rules().get(index).name());
      redirect.addFlashAttribute("saved", "KPI removed");
      return "redirect:/timeliness/rules/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(400);
      boolean lastOne = rules.isEmpty();
      model.addAttribute(
          "errors",
          Map.of(
              "form",
              lastOne
                  ? "A rule set has at least one KPI: add another before removing this one"
                  : RuleSetDocument.setErrors(e.problems()).values().iterator().next()));
      model.addAttribute("set", set);
      model.addAttribute("rule", set.rules().get(index));
      return "timeliness/kpi-remove";
    }
  }

  private String saveKpis(
      KpiRuleSet set,
      List<RuleForm> rules,
      int index,
      String summary,
      String saved,
      String rule,
      RuleForm form,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    try {
      ruleSets.updateRuleSet(set.id(), RuleSetDocument.write(set.id(), set.name(), rules), summary);
      redirect.addFlashAttribute("saved", saved);
      return "redirect:/timeliness/rules/" + set.id();
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("errors", RuleSetDocument.ruleErrors(e.problems(), index));
      return kpiPage(set, rule, form, model);
    }
  }

  private String kpiPage(KpiRuleSet set, String rule, RuleForm form, Model model) {
    model.addAttribute("set", set);
    model.addAttribute("rule", rule);
    model.addAttribute("form", form);
    model.addAttribute("eventTypes", EventType.values());
    model.addAttribute("caseTypes", CaseType.values());
    return "timeliness/kpi-form";
  }

  /** A council's own rule set, to change (built-in sets are copied, never changed). */
  private KpiRuleSet councilSet(String id) {
    KpiRuleSet set = ruleSets.ruleSet(id);
    if (KpiRuleSet.BUILT_IN.contains(id)) {
      throw new InvalidInputException(
          "id", "Built-in rule sets cannot be changed: make a copy and change that");
    }
    return set;
  }

  private static int indexOf(KpiRuleSet set, String rule) {
    for (int i = 0; i < set.rules().size(); i++) {
      if (set.rules().get(i).id().equals(rule)) {
        return i;
      }
    }
    throw new org.safeload.app.platform.NotFoundException(
        "No KPI " + rule + " in the rule set " + set.id());
  }

  private static List<RuleForm> forms(KpiRuleSet set) {
    List<RuleForm> forms = new ArrayList<>();
    for (KpiRule r : set.rules()) {
      forms.add(RuleForm.of(r));
    }
    return forms;
  }
}
