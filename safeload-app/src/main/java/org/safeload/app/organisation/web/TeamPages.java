package org.safeload.app.organisation.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.TeamContracts;
import org.safeload.app.organisation.TeamInput;
import org.safeload.app.organisation.TeamMember;
import org.safeload.app.organisation.TeamOverview;
import org.safeload.app.platform.DateParts;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.organisation.Role;
import org.safeload.organisation.Team;
import org.safeload.organisation.TeamKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Teams: list, the team page (workers, FTE against establishment), create, edit, establishment. */
@Controller
@RequestMapping("/teams")
class TeamPages {

  /** The team form. */
  public static class TeamForm {
    private Long serviceId;
    private String name = "";
    private String kind = "";
    private Long providerId;

    public Long getServiceId() {
      return serviceId;
    }

    public void setServiceId(Long serviceId) {
      this.serviceId = serviceId;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getKind() {
      return kind;
    }

    public void setKind(String kind) {
      this.kind = kind;
    }

    public Long getProviderId() {
      return providerId;
    }

    public void setProviderId(Long providerId) {
      this.providerId = providerId;
    }

    TeamInput input() {
      // A substantive team has no provider, whatever the provider list was left at.
      return new TeamInput(
          serviceId, name, kind, TeamKind.MANAGED.code().equals(kind) ? providerId : null);
    }
  }

  /** The team page's date: staffing on a date, today when blank. */
  public static class StaffingFilter {
    private DateParts on = new DateParts();

    public DateParts getOn() {
      return on;
    }

    public void setOn(DateParts on) {
      this.on = on;
    }
  }

  private final OrganisationService organisation;
  private final ObjectProvider<TeamContracts> contracts;

  TeamPages(OrganisationService organisation, ObjectProvider<TeamContracts> contracts) {
    this.organisation = organisation;
    this.contracts = contracts;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("teams", organisation.teamSummaries());
    return "teams/list";
  }

  @GetMapping("/{id}")
  String view(@PathVariable long id, @ModelAttribute("filter") StaffingFilter filter, Model model) {
    DateParts on = filter.getOn();
    java.time.LocalDate date = on.blank() ? organisation.today() : on.toDate();
    if (date == null) {
      model.addAttribute("errors", Map.of("on", "Enter a real date"));
      date = organisation.today();
    }
    TeamOverview overview = organisation.teamOverview(id, date);
    model.addAttribute("overview", overview);
    model.addAttribute("onDate", date);
    model.addAttribute("today", date.equals(organisation.today()));
    model.addAttribute("inPost", overview.members().stream().filter(TeamMember::active).toList());
    model.addAttribute("notInPost", overview.members().stream().filter(m -> !m.active()).toList());
    model.addAttribute(
        "contracts",
        overview.team().managed()
            ? contracts.orderedStream().flatMap(c -> c.forTeam(id).stream()).toList()
            : List.of());
    return "teams/view";
  }

  private void choices(Model model) {
    model.addAttribute(
        "services",
        organisation.services().stream()
            .sorted(java.util.Comparator.comparing(org.safeload.organisation.Service::name))
            .toList());
    model.addAttribute(
        "providers",
        organisation.providers().stream()
            .sorted(java.util.Comparator.comparing(org.safeload.organisation.Provider::name))
            .toList());
  }

  @GetMapping("/new")
  String create(@RequestParam(required = false) Long serviceId, Model model) {
    TeamForm form = new TeamForm();
    form.setServiceId(serviceId);
    model.addAttribute("form", form);
    choices(model);
    return "teams/form";
  }

  @PostMapping("/new")
  String create(@ModelAttribute("form") TeamForm form, Model model, RedirectAttributes redirect) {
    try {
      Team team = organisation.createTeam(form.input());
      redirect.addFlashAttribute("done", team.name() + " added");
      return "redirect:/teams/" + team.id();
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      choices(model);
      return "teams/form";
    }
  }

  @GetMapping("/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    Team team = organisation.team(id);
    TeamForm form = new TeamForm();
    form.setServiceId(team.serviceId());
    form.setName(team.name());
    form.setKind(team.kind().code());
    form.setProviderId(team.providerId());
    model.addAttribute("form", form);
    model.addAttribute("team", team);
    choices(model);
    return "teams/form";
  }

  @PostMapping("/{id}/edit")
  String edit(
      @PathVariable long id,
      @ModelAttribute("form") TeamForm form,
      Model model,
      RedirectAttributes redirect) {
    try {
      Team team = organisation.updateTeam(id, form.input());
      redirect.addFlashAttribute("done", "Changes to " + team.name() + " saved");
      return "redirect:/teams/" + id;
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      model.addAttribute("team", organisation.team(id));
      choices(model);
      return "teams/form";
    }
  }

  @GetMapping("/{id}/establishment")
  String establishment(@PathVariable long id, Model model) {
    Map<Role, BigDecimal> budget = organisation.establishment(id);
    Map<String, String> values = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      BigDecimal fte = budget.get(role);
      values.put(role.code(), fte == null ? "" : fte.stripTrailingZeros().toPlainString());
    }
    model.addAttribute("team", organisation.team(id));
    model.addAttribute("values", values);
    model.addAttribute("roles", Role.values());
    return "teams/establishment";
  }

  @PostMapping("/{id}/establishment")
  String establishment(
      @PathVariable long id,
      @RequestParam Map<String, String> params,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      values.put(role.code(), params.getOrDefault(role.code(), ""));
    }
    try {
      organisation.setEstablishment(id, values);
      redirect.addFlashAttribute(
          "done", "Establishment of " + organisation.team(id).name() + " saved");
      return "redirect:/teams/" + id;
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      model.addAttribute("team", organisation.team(id));
      model.addAttribute("values", values);
      model.addAttribute("roles", Role.values());
      return "teams/establishment";
    }
  }
}
