package org.safeload.app.organisation.web;

import java.util.Comparator;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.RecruitmentService;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.organisation.Role;
import org.safeload.organisation.Team;
import org.safeload.workforce.CandidateStage;
import org.safeload.workforce.RecruitmentRoute;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The recruitment pipeline (candidates by stage, with their add and change forms) and supplier
 * placements (with time to fill by supplier, and their forms).
 */
@Controller
@RequestMapping("/workforce")
class RecruitmentPages {

  private final RecruitmentService recruitment;
  private final OrganisationService organisation;

  RecruitmentPages(RecruitmentService recruitment, OrganisationService organisation) {
    this.recruitment = recruitment;
    this.organisation = organisation;
  }

  // --- candidates ------------------------------------------------------------------------------

  @GetMapping("/recruitment")
  String pipeline(Model model) {
    model.addAttribute("pipeline", recruitment.pipeline());
    model.addAttribute("stages", CandidateStage.values());
    return "workforce/recruitment";
  }

  @GetMapping("/recruitment/new")
  String newCandidate(Model model) {
    CandidateForm form = new CandidateForm();
    form.setFte("1");
    return candidateForm(model, form, null);
  }

  @PostMapping("/recruitment/new")
  String addCandidate(
      @ModelAttribute("form") CandidateForm form,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    try {
      var added = recruitment.addCandidate(form.fields());
      redirect.addFlashAttribute("done", added.candidate().name() + " added to the pipeline");
      return "redirect:/workforce/recruitment#candidate-" + added.id();
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return candidateForm(model, form, null);
    }
  }

  @GetMapping("/recruitment/{id}/edit")
  String editCandidate(@PathVariable long id, Model model) {
    var line = recruitment.candidate(id);
    return candidateForm(model, CandidateForm.of(line.candidate().fields()), line);
  }

  @PostMapping("/recruitment/{id}/edit")
  String updateCandidate(
      @PathVariable long id,
      @ModelAttribute("form") CandidateForm form,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    var line = recruitment.candidate(id);
    try {
      var changed = recruitment.updateCandidate(id, form.fields());
      redirect.addFlashAttribute("done", "Changes to " + changed.candidate().name() + " saved");
      return "redirect:/workforce/recruitment#candidate-" + id;
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return candidateForm(model, form, line);
    }
  }

  private String candidateForm(
      Model model, CandidateForm form, RecruitmentService.CandidateLine line) {
    model.addAttribute("form", form);
    model.addAttribute("candidate", line);
    model.addAttribute("roles", Role.values());
    model.addAttribute("routes", RecruitmentRoute.values());
    model.addAttribute("stages", CandidateStage.values());
    model.addAttribute("teams", sortedTeams());
    return "workforce/candidate";
  }

  // --- placements ------------------------------------------------------------------------------

  @GetMapping("/placements")
  String placements(Model model) {
    model.addAttribute("list", recruitment.placements());
    return "workforce/placements";
  }

  @GetMapping("/placements/new")
  String newPlacement(Model model) {
    return placementForm(model, new PlacementForm(), null);
  }

  @PostMapping("/placements/new")
  String addPlacement(
      @ModelAttribute("form") PlacementForm form,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    try {
      var added = recruitment.addPlacement(form.fields());
      redirect.addFlashAttribute(
          "done", "Placement from " + added.placement().supplier() + " recorded");
      return "redirect:/workforce/placements";
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return placementForm(model, form, null);
    }
  }

  @GetMapping("/placements/{id}/edit")
  String editPlacement(@PathVariable long id, Model model) {
    var row = recruitment.placement(id);
    return placementForm(model, PlacementForm.of(row.placement().fields()), row.id());
  }

  @PostMapping("/placements/{id}/edit")
  String updatePlacement(
      @PathVariable long id,
      @ModelAttribute("form") PlacementForm form,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    recruitment.placement(id);
    try {
      var changed = recruitment.updatePlacement(id, form.fields());
      redirect.addFlashAttribute(
          "done", "Placement from " + changed.placement().supplier() + " saved");
      return "redirect:/workforce/placements";
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return placementForm(model, form, id);
    }
  }

  private String placementForm(Model model, PlacementForm form, Long id) {
    model.addAttribute("form", form);
    model.addAttribute("placementId", id);
    model.addAttribute("roles", Role.values());
    return "workforce/placement";
  }

  private java.util.List<Team> sortedTeams() {
    return organisation.teams().stream().sorted(Comparator.comparing(Team::name)).toList();
  }
}
