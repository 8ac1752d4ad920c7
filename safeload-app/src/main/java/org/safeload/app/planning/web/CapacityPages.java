package org.safeload.app.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.planning.CapacityPlans;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.organisation.Team;
import org.safeload.planning.FanChart;
import org.safeload.planning.Projection;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The "Capacity" page of a service and the "Plan the exit" page of a managed team's contract: the
 * settings as a GET form (a projection changes nothing), the fan charts drawn on the server with a
 * table of their figures, and the cheapest safe taper beside the council's own plan.
 */
@Controller
class CapacityPages {

  private final CapacityPlans plans;
  private final OrganisationService organisation;

  CapacityPages(CapacityPlans plans, OrganisationService organisation) {
    this.plans = plans;
    this.organisation = organisation;
  }

  /** A chart with the figures it draws, for the page. */
  public record FanView(String id, String title, String svg, Projection.Figures figures) {}

  @GetMapping("/services/{id}/capacity")
  String capacity(
      @PathVariable long id,
      @ModelAttribute("form") CapacityForm form,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("service", organisation.service(id));
    model.addAttribute("teams", teams(id));
    try {
      CapacityPlans.Capacity c = plans.service(id, form.settings());
      model.addAttribute("c", c);
      model.addAttribute("charts", charts(c, c.projection()));
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.allOf(e));
      response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
    return "planning/capacity";
  }

  @GetMapping("/contracts/{id}/exit")
  String exit(
      @PathVariable("id") String code,
      @ModelAttribute("form") CapacityForm form,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("code", code);
    try {
      CapacityPlans.ExitPlan x = plans.exit(code, form.settings());
      model.addAttribute("x", x);
      String team = String.valueOf(x.teamId());
      Projection p = x.capacity().projection();
      List<FanView> charts = new ArrayList<>();
      charts.add(
          fan("council-plan", p, p.team(team), x.teamName() + " with the contract as planned"));
      if (x.withCheapest() != null) {
        charts.add(
            fan(
                "cheapest-taper",
                x.withCheapest(),
                x.withCheapest().team(team),
                x.teamName() + " with the cheapest safe taper"));
      }
      model.addAttribute("charts", charts);
      model.addAttribute("handoverOn", org.safeload.app.platform.PageDates.input(x.lastDay()));
    } catch (InvalidInputException e) {
      if (e.problems().stream().allMatch(p -> p.field().equals("contract"))) {
        // Nothing typed is wrong: the contract has no exit to plan (no team, or it has ended).
        model.addAttribute("cannot", e.problems().getFirst().message());
      } else {
        model.addAttribute("errors", FormErrors.allOf(e));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
      }
    }
    return "planning/exit";
  }

  private List<Team> teams(long serviceId) {
    return organisation.teams().stream().filter(t -> t.serviceId() == serviceId).toList();
  }

  /** The service's chart, then each team's, of weighted cases per FTE. */
  private static List<FanView> charts(CapacityPlans.Capacity c, Projection p) {
    List<FanView> charts = new ArrayList<>();
    charts.add(fan("service", p, p.service(), c.serviceName()));
    for (Projection.Figures f : p.teams()) {
      charts.add(fan("team-" + f.team(), p, f, c.teamName(f.team())));
    }
    return charts;
  }

  private static FanView fan(String id, Projection p, Projection.Figures f, String where) {
    return new FanView(id, where, FanChart.svg(p, f, FanChart.Figure.WEIGHTED_PER_FTE, where), f);
  }
}
