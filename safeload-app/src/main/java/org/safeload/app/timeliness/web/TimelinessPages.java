package org.safeload.app.timeliness.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeload.app.caseactivity.CaseActivity;
import org.safeload.app.platform.Chart;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.PageDates;
import org.safeload.app.platform.Show;
import org.safeload.app.timeliness.RuleSets;
import org.safeload.app.timeliness.TimelinessService;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.KpiReport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The timeliness dashboard, a child's case timeline and the import of case activity. */
@Controller
class TimelinessPages {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final TimelinessService timeliness;
  private final CaseActivity activity;
  private final RuleSets ruleSets;
  private final Show show;
  private final TimelinessWords words;

  TimelinessPages(
      TimelinessService timeliness,
      CaseActivity activity,
      RuleSets ruleSets,
      Show show,
      TimelinessWords words) {
    this.timeliness = timeliness;
    this.activity = activity;
    this.ruleSets = ruleSets;
    this.show = show;
    this.words = words;
  }

  /**
   * The dashboard. The figures follow the rule set and the as-of date; the trend chart shows one
   * KPI ({@code trend}); the list of overdue and due-soon items is filtered by team, KPI and status
   * and paged, each page link keeping the filters.
   */
  @GetMapping("/timeliness")
  String dashboard(
      @RequestParam(defaultValue = RuleSets.DEFAULT_RULE_SET) String rules,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String kpi,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String trend,
      @RequestParam(required = false) String page,
      Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate date = timeliness.today();
    if (asOf != null && !asOf.isBlank()) {
      Optional<LocalDate> typed = PageDates.parse(asOf);
      if (typed.isPresent()) {
        date = typed.get();
      } else {
        errors.put("asOf", "The date must be a real date");
      }
    }
    TimelinessService.Dashboard d = timeliness.dashboard(rules, date, blank(team), blank(kpi));
    model.addAttribute("d", d);
    model.addAttribute("errors", errors);
    model.addAttribute("asOfText", errors.isEmpty() ? show.inputDate(date) : asOf);
    model.addAttribute("ruleSets", ruleSets.ruleSets());
    model.addAttribute("team", orEmpty(team));
    model.addAttribute("kpi", orEmpty(kpi));
    model.addAttribute("status", orEmpty(status));
    model.addAttribute("asOfGiven", asOf != null && !asOf.isBlank());
    model.addAttribute("trendGiven", trend != null && !trend.isBlank());

    // The trend: the KPI asked for, else the one the list is filtered by, else the first.
    List<KpiReport.Trend> trends = d.trend();
    KpiReport.Trend shown =
        trends.stream()
            .filter(t -> t.id().equals(trend))
            .findFirst()
            .or(() -> trends.stream().filter(t -> t.id().equals(kpi)).findFirst())
            .orElse(trends.isEmpty() ? null : trends.getFirst());
    model.addAttribute("trendKpi", shown == null ? "" : shown.id());
    if (shown != null) {
      model.addAttribute("chart", chart(shown));
    }

    List<TimelinessService.Item> items = d.items();
    if ("overdue".equals(status)) {
      items = d.overdue();
    } else if ("due-soon".equals(status)) {
      items = d.dueSoon();
    }
    String asOfParam = errors.isEmpty() && asOf != null && !asOf.isBlank() ? date.toString() : null;
    int asked = org.safeload.app.platform.Pagination.page(page);
    model.addAttribute(
        "items",
        org.safeload.app.platform.Pagination.Paged.of(
            items,
            asked,
            n -> link(rules, asOfParam, blank(team), blank(kpi), blank(status), blank(trend), n)));
    return "timeliness/dashboard";
  }

  /** A KPI's % on time by month, with its target line when the rule has one. */
  private Chart chart(KpiReport.Trend t) {
    List<String> months = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    for (KpiReport.Month m : t.months()) {
      months.add(show.shortMonth(m.month()));
      values.add(m.rate() == null ? null : percent(m.rate()));
    }
    return Chart.line("trend-chart", t.name() + ": % on time by month")
        .x("Month (by deadline)", months)
        .y("% on time", words::percent, BigDecimal.ONE)
        .series("% on time", values)
        .reference("Target", t.goal())
        .build();
  }

  static BigDecimal percent(BigDecimal rate) {
    return rate.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP);
  }

  private static String link(
      String rules, String asOf, String team, String kpi, String status, String trend, int page) {
    UriComponentsBuilder b =
        UriComponentsBuilder.fromPath("/timeliness").queryParam("rules", rules);
    if (asOf != null) {
      b.queryParam("asOf", asOf);
    }
    if (team != null) {
      b.queryParam("team", team);
    }
    if (kpi != null) {
      b.queryParam("kpi", kpi);
    }
    if (status != null) {
      b.queryParam("status", status);
    }
    if (trend != null) {
      b.queryParam("trend", trend);
    }
    if (page > 1) {
      b.queryParam("page", page);
    }
    return b.fragment("items").encode().build().toUriString();
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  @GetMapping("/cases/{caseRef}")
  String timeline(
      @PathVariable String caseRef, @RequestParam(required = false) String page, Model model) {
    TimelinessService.Timeline t = timeliness.caseTimeline(caseRef);
    model.addAttribute("t", t);
    model.addAttribute(
        "events",
        org.safeload.app.platform.Pagination.Paged.of(
            t.events(),
            org.safeload.app.platform.Pagination.page(page),
            n ->
                org.safeload.app.platform.Pagination.href(
                    "/cases/" + caseRef, java.util.Map.of(), n)));
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
      return org.safeload.app.platform.FileUploads.noFile(model, response, "timeliness/import");
    }
    try {
      CaseActivity.ImportResult result;
      try (java.io.InputStream in = file.getInputStream()) {
        result = activity.importEvents(in);
      }
      redirect.addFlashAttribute("imported", result);
      return "redirect:/timeliness";
    } catch (InvalidInputException e) {
      return org.safeload.app.platform.FileUploads.refused(
          model, response, "timeliness/import", e, "nothing was imported");
    }
  }
}
