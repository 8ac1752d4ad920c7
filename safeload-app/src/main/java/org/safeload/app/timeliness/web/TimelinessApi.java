package org.safeload.app.timeliness.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.safeload.app.caseactivity.CaseActivity;
import org.safeload.app.platform.ApiController;
import org.safeload.app.timeliness.RuleSets;
import org.safeload.app.timeliness.TimelinessService;
import org.safeload.timeliness.KpiReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** Timeliness over JSON: KPIs, event import, case timelines and rule sets. */
@ApiController("/api/v1")
@Tag(name = "Timeliness", description = "Case activity, KPI compliance and rule sets")
class TimelinessApi {

  private final TimelinessService timeliness;
  private final RuleSets ruleSets;
  private final CaseActivity activity;

  TimelinessApi(TimelinessService timeliness, RuleSets ruleSets, CaseActivity activity) {
    this.timeliness = timeliness;
    this.activity = activity;
    this.ruleSets = ruleSets;
  }

  @GetMapping("/timeliness/kpis")
  @Operation(summary = "Each KPI's counts and rate, and by team, as of a date")
  KpiReport kpis(
      @RequestParam(defaultValue = RuleSets.DEFAULT_RULE_SET) String rules,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    return timeliness.report(rules, asOf == null ? timeliness.today() : asOf);
  }

  @GetMapping("/timeliness/items")
  @Operation(
      summary =
          "Overdue and due-soon items, each with its case, child, worker and team: overdue first,"
              + " then due soon, each by deadline; paged (page from 1, size 1 to 500, default 50)")
  org.safeload.app.platform.ApiPage<TimelinessService.Item> items(
      @RequestParam(defaultValue = RuleSets.DEFAULT_RULE_SET) String rules,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String kpi,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    var d = timeliness.dashboard(rules, asOf == null ? timeliness.today() : asOf, team, kpi);
    return org.safeload.app.platform.ApiPage.of(d.items(), page, size);
  }

  @PostMapping(
      path = "/case-events/import",
      consumes = {"text/csv", "text/plain"})
  @Operation(summary = "Import case activity (docs/timeliness.md): every row or none")
  CaseActivity.ImportResult importCsv(java.io.InputStream body) {
    return activity.importEvents(body);
  }

  @PostMapping(
      path = "/case-events/corrections",
      consumes = {"text/csv", "text/plain"})
  @Operation(
      summary =
          "Correct or withdraw imported case events (docs/timeliness.md, \"Correcting events\"):"
              + " every row or none; each correction is kept with its reason")
  CaseActivity.CorrectionResult correct(java.io.InputStream body) {
    return activity.correctEvents(body);
  }

  @PostMapping(
      path = "/children/import",
      consumes = {"text/csv", "text/plain"})
  @Operation(
      summary =
          "Import children (child_id,date_of_birth,family_group): every row or none; siblings"
              + " share a family group")
  CaseActivity.ChildrenImport importChildren(java.io.InputStream body) {
    return activity.importChildren(
        new java.io.InputStreamReader(body, java.nio.charset.StandardCharsets.UTF_8));
  }

  @GetMapping("/cases/{caseRef}/events")
  @Operation(summary = "A child's case timeline (the read is audited)")
  TimelinessService.Timeline timeline(@PathVariable String caseRef) {
    return timeliness.caseTimeline(caseRef);
  }

  @GetMapping("/kpi-rule-sets")
  @Operation(summary = "The built-in and the council's rule sets")
  List<RuleSets.RuleSetSummary> ruleSets() {
    return ruleSets.ruleSets();
  }

  @GetMapping(path = "/kpi-rule-sets/{id}", produces = "application/yaml")
  @Operation(summary = "A rule set as YAML")
  String ruleSet(@PathVariable String id) {
    return ruleSets.ruleSetText(id);
  }

  @PutMapping(
      path = "/kpi-rule-sets",
      consumes = {"application/yaml", "text/plain"})
  @Operation(summary = "Save a council rule set (YAML; its id is in the document)")
  RuleSets.RuleSetSummary save(@RequestBody String document) {
    var set = ruleSets.saveRuleSet(document);
    return new RuleSets.RuleSetSummary(set.id(), set.name(), false);
  }
}
