package org.safeload.app.organisation.web;

import java.math.BigDecimal;
import java.util.List;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.TeamSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the council's services and teams at a glance. */
@Controller
class HomePage {

  private final OrganisationService organisation;

  HomePage(OrganisationService organisation) {
    this.organisation = organisation;
  }

  @GetMapping("/")
  String home(Model model) {
    List<TeamSummary> teams = organisation.teamSummaries();
    model.addAttribute("services", organisation.services());
    model.addAttribute("teams", teams);
    model.addAttribute("today", organisation.today());
    model.addAttribute(
        "filled",
        teams.stream().map(t -> t.staffing().filled()).reduce(BigDecimal.ZERO, BigDecimal::add));
    model.addAttribute(
        "vacant",
        teams.stream().map(t -> t.staffing().vacant()).reduce(BigDecimal.ZERO, BigDecimal::add));
    return "home";
  }
}
