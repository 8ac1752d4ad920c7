package org.safeload.app.organisation.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safeload.app.organisation.WorkforceFigures;
import org.safeload.app.organisation.WorkforceFigures.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workforce figures on the census's definitions for the council, a service and a team
 * (docs/workforce.md), for a census year chosen from the ones before today.
 */
@Controller
class WorkforcePages {

  /** How many census years may be chosen, the latest first. */
  static final int YEARS = 10;

  private final WorkforceFigures figures;

  WorkforcePages(WorkforceFigures figures) {
    this.figures = figures;
  }

  @GetMapping("/workforce")
  String council(@RequestParam(required = false) String year, Model model) {
    return page(new Scope.Council(), year, model, "/workforce");
  }

  @GetMapping("/services/{id}/workforce")
  String service(@PathVariable long id, @RequestParam(required = false) String year, Model model) {
    return page(new Scope.OfService(id), year, model, "/services/" + id + "/workforce");
  }

  @GetMapping("/teams/{id}/workforce")
  String team(@PathVariable long id, @RequestParam(required = false) String year, Model model) {
    return page(new Scope.OfTeam(id), year, model, "/teams/" + id + "/workforce");
  }

  private String page(Scope scope, String year, Model model, String action) {
    LocalDate latest = figures.latestYearEnd();
    List<LocalDate> choices = new ArrayList<>();
    for (int i = 0; i < YEARS; i++) {
      choices.add(latest.minusYears(i));
    }
    LocalDate yearEnd = latest;
    if (year != null && !year.isBlank()) {
      LocalDate chosen =
          choices.stream()
              .filter(d -> String.valueOf(d.getYear()).equals(year.strip()))
              .findFirst()
              .orElse(null);
      if (chosen == null) {
        model.addAttribute(
            "errors",
            Map.of(
                "year",
                "Choose a census year ending between 30 September "
                    + choices.getLast().getYear()
                    + " and 30 September "
                    + latest.getYear()));
      } else {
        yearEnd = chosen;
      }
    }
    WorkforceFigures.Report report = figures.report(scope, yearEnd);
    model.addAttribute("report", report);
    model.addAttribute("choices", choices);
    model.addAttribute("action", action);
    model.addAttribute("partsHeading", scope instanceof Scope.Council ? "By service" : "By team");
    model.addAttribute("partsPath", scope instanceof Scope.Council ? "/services/" : "/teams/");
    model.addAttribute("yearStart", org.safeload.workforce.WorkforceCensus.yearStart(yearEnd));
    model.addAttribute("experience", org.safeload.workforce.WorkforceMeasures.Experience.values());
    return "workforce/figures";
  }
}
