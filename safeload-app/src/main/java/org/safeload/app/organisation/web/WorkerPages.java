package org.safeload.app.organisation.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.safeload.app.organisation.ImportResult;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.WorkerInputs;
import org.safeload.app.organisation.WorkerView;
import org.safeload.app.organisation.WorkforceService;
import org.safeload.app.platform.DateParts;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.Worker;
import org.safeload.organisation.WorkerCsv;
import org.safeload.organisation.WorkerDetails;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Workers: list, view (with team history), create, edit, move, import. */
@Controller
@RequestMapping("/workers")
class WorkerPages {

  /** The move form. */
  public static class MoveForm {
    private Long teamId;
    private DateParts from = new DateParts();

    public Long getTeamId() {
      return teamId;
    }

    public void setTeamId(Long teamId) {
      this.teamId = teamId;
    }

    public DateParts getFrom() {
      return from;
    }

    public void setFrom(DateParts from) {
      this.from = from;
    }
  }

  private final WorkforceService workforce;
  private final OrganisationService organisation;

  WorkerPages(WorkforceService workforce, OrganisationService organisation) {
    this.workforce = workforce;
    this.organisation = organisation;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("workers", workforce.workers());
    return "workers/list";
  }

  @GetMapping("/{id}")
  String view(@PathVariable long id, Model model) {
    model.addAttribute("view", workforce.worker(id));
    return "workers/view";
  }

  private void choices(Model model) {
    model.addAttribute("roles", Role.values());
    model.addAttribute("employmentTypes", EmploymentType.values());
    model.addAttribute("teams", organisation.teams());
  }

  @GetMapping("/new")
  String create(@RequestParam(required = false) Long teamId, Model model) {
    WorkerForm form = new WorkerForm();
    form.setTeamId(teamId);
    model.addAttribute("form", form);
    choices(model);
    return "workers/form";
  }

  @PostMapping("/new")
  String create(@ModelAttribute("form") WorkerForm form, Model model) {
    try {
      WorkerDetails details = WorkerInputs.details(form.raw(), true);
      Worker worker = workforce.create(details, form.getTeamId());
      return "redirect:/workers/" + worker.id();
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      choices(model);
      return "workers/form";
    }
  }

  @GetMapping("/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    WorkerView view = workforce.worker(id);
    model.addAttribute("form", WorkerForm.of(view.worker().details()));
    model.addAttribute("view", view);
    choices(model);
    return "workers/form";
  }

  @PostMapping("/{id}/edit")
  String edit(@PathVariable long id, @ModelAttribute("form") WorkerForm form, Model model) {
    try {
      workforce.update(id, WorkerInputs.details(form.raw(), true));
      return "redirect:/workers/" + id;
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      model.addAttribute("view", workforce.worker(id));
      choices(model);
      return "workers/form";
    }
  }

  @GetMapping("/{id}/move")
  String move(@PathVariable long id, Model model) {
    model.addAttribute("view", workforce.worker(id));
    model.addAttribute("form", new MoveForm());
    model.addAttribute("teams", organisation.teams());
    return "workers/move";
  }

  @PostMapping("/{id}/move")
  String move(@PathVariable long id, @ModelAttribute("form") MoveForm form, Model model) {
    try {
      if (!form.getFrom().blank() && form.getFrom().toDate() == null) {
        throw new InvalidInputException("from", "Date of the move must be a real date");
      }
      workforce.move(id, form.getTeamId(), form.getFrom().toDate());
      return "redirect:/workers/" + id;
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      model.addAttribute("view", workforce.worker(id));
      model.addAttribute("teams", organisation.teams());
      return "workers/move";
    }
  }

  @GetMapping("/import")
  String importForm(Model model) {
    model.addAttribute("header", String.join(",", WorkerCsv.HEADER));
    return "workers/import";
  }

  @PostMapping("/import")
  String importFile(
      @RequestParam(value = "file", required = false) MultipartFile file,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response)
      throws IOException {
    model.addAttribute("header", String.join(",", WorkerCsv.HEADER));
    if (file == null || file.isEmpty()) {
      model.addAttribute("errors", java.util.Map.of("file", "Select a CSV file"));
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "workers/import";
    }
    try {
      ImportResult result =
          workforce.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8));
      redirect.addFlashAttribute("imported", result);
      return "redirect:/workers";
    } catch (InvalidInputException e) {
      model.addAttribute(
          "errors", java.util.Map.of("file", "The file has errors: nothing was imported"));
      model.addAttribute("problems", e.problems());
      model.addAttribute("fileName", file.getOriginalFilename());
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "workers/import";
    }
  }
}
