package org.safeload.app.organisation.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.organisation.ImportResult;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.WorkerInputs;
import org.safeload.app.organisation.WorkerList;
import org.safeload.app.organisation.WorkerQuery;
import org.safeload.app.organisation.WorkerView;
import org.safeload.app.organisation.WorkforceService;
import org.safeload.app.platform.DateParts;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.Team;
import org.safeload.organisation.Worker;
import org.safeload.organisation.WorkerCsv;
import org.safeload.organisation.WorkerDetails;
import org.safeload.organisation.WorkerStatus;
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
  private final org.safeload.app.organisation.VettingService vettings;
  private final org.safeload.app.organisation.SicknessService sickness;
  private final org.safeload.app.organisation.RecruitmentService recruitment;

  WorkerPages(
      WorkforceService workforce,
      OrganisationService organisation,
      org.safeload.app.organisation.VettingService vettings,
      org.safeload.app.organisation.SicknessService sickness,
      org.safeload.app.organisation.RecruitmentService recruitment) {
    this.sickness = sickness;
    this.recruitment = recruitment;
    this.workforce = workforce;
    this.organisation = organisation;
    this.vettings = vettings;
  }

  /** The workers list: filtered by team, role, employment type and status; 50 to a page. */
  @GetMapping
  String list(
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String employment,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String page,
      Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<Team> teams = sortedTeams();
    Long teamId = null;
    if (blank(team) == null) {
      // any team
    } else if (number(team) != null
        && teams.stream().anyMatch(t -> t.id() == number(team).longValue())) {
      teamId = number(team).longValue();
    } else {
      errors.put("team", "Choose a team from the list");
    }
    Role roleFilter = blank(role) == null ? null : Role.fromCode(role).orElse(null);
    if (blank(role) != null && roleFilter == null) {
      errors.put("role", "Choose a role from the list");
    }
    EmploymentType typeFilter =
        blank(employment) == null ? null : EmploymentType.fromCode(employment).orElse(null);
    if (blank(employment) != null && typeFilter == null) {
      errors.put("employment", "Choose an employment type from the list");
    }
    WorkerStatus statusFilter =
        blank(status) == null ? null : WorkerStatus.fromCode(status).orElse(null);
    if (blank(status) != null && statusFilter == null) {
      errors.put("status", "Choose a status from the list");
    }
    WorkerList list =
        workforce.list(
            new WorkerQuery(
                teamId,
                roleFilter,
                typeFilter,
                statusFilter,
                org.safeload.app.platform.Pagination.page(page)));
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("team", teamId == null ? "" : String.valueOf(teamId));
    filters.put("role", roleFilter == null ? "" : roleFilter.code());
    filters.put("employment", typeFilter == null ? "" : typeFilter.code());
    filters.put("status", statusFilter == null ? "" : statusFilter.code());
    model.addAttribute("list", list);
    model.addAttribute("workers", list.workers());
    model.addAttribute(
        "pagination",
        org.safeload.app.platform.Pagination.of(
            list.page(), list.pageSize(), list.total(), n -> href(filters, n)));
    model.addAttribute("filters", filters);
    model.addAttribute("filtered", filters.values().stream().anyMatch(v -> !v.isEmpty()));
    model.addAttribute(
        "teamOptions",
        teams.stream()
            .map(t -> new org.safeload.app.platform.FilterOption(String.valueOf(t.id()), t.name()))
            .toList());
    model.addAttribute(
        "roleOptions",
        Arrays.stream(Role.values())
            .map(r -> new org.safeload.app.platform.FilterOption(r.code(), r.label()))
            .toList());
    model.addAttribute(
        "employmentOptions",
        Arrays.stream(EmploymentType.values())
            .map(t -> new org.safeload.app.platform.FilterOption(t.code(), t.label()))
            .toList());
    model.addAttribute(
        "statusOptions",
        Arrays.stream(WorkerStatus.values())
            .map(t -> new org.safeload.app.platform.FilterOption(t.code(), t.label()))
            .toList());
    if (!errors.isEmpty()) {
      model.addAttribute("errors", errors);
    }
    return "workers/list";
  }

  private static String href(Map<String, String> filters, int page) {
    return org.safeload.app.platform.Pagination.href("/workers", filters, page);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Integer number(String value) {
    try {
      return value == null ? null : Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @GetMapping("/{id}")
  String view(@PathVariable long id, Model model) {
    model.addAttribute("view", workforce.worker(id));
    if (org.safeload.app.access.Capability.RECORD_VETTING.granted()) {
      model.addAttribute("vetting", vettings.vetting(id));
    }
    if (org.safeload.app.access.Capability.EDIT_WORKERS.granted()) {
      model.addAttribute("sickness", sickness.absences(id));
    }
    return "workers/view";
  }

  /** The sickness absence form: one spell of absence to add to the worker's record. */
  @GetMapping("/{id}/sickness")
  String sicknessForm(@PathVariable long id, Model model) {
    model.addAttribute("worker", workforce.worker(id).worker());
    model.addAttribute("form", new SicknessForm());
    model.addAttribute("reasons", org.safeload.workforce.SicknessReason.values());
    return "workers/sickness";
  }

  @PostMapping("/{id}/sickness")
  String recordSickness(
      @PathVariable long id,
      @ModelAttribute("form") SicknessForm form,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    try {
      var recorded = sickness.record(id, form.fields());
      redirect.addFlashAttribute(
          "done",
          "Sickness absence recorded: "
              + org.safeload.app.platform.Show.inWords(recorded.absence().from())
              + " to "
              + org.safeload.app.platform.Show.inWords(recorded.absence().to()));
      return "redirect:/workers/" + id + "#sickness";
    } catch (InvalidInputException e) {
      model.addAttribute("worker", workforce.worker(id).worker());
      model.addAttribute("reasons", org.safeload.workforce.SicknessReason.values());
      FormErrors.addTo(model, e);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "workers/sickness";
    }
  }

  @GetMapping("/register-extract")
  String registerExtractForm(Model model) {
    model.addAttribute(
        "header", String.join(",", org.safeload.workforce.RegisterExtractCsv.HEADER));
    model.addAttribute("errors", Map.of());
    return "workers/register-extract";
  }

  @PostMapping("/register-extract")
  String registerExtract(
      @RequestParam(value = "file", required = false) MultipartFile file,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response)
      throws IOException {
    model.addAttribute(
        "header", String.join(",", org.safeload.workforce.RegisterExtractCsv.HEADER));
    if (file == null || file.isEmpty()) {
      return org.safeload.app.platform.FileUploads.noFile(
          model, response, "workers/register-extract");
    }
    try (java.io.Reader in =
        new java.io.InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      redirect.addFlashAttribute("recorded", vettings.importRegister(in));
      return "redirect:/workers/register-extract";
    } catch (InvalidInputException e) {
      return org.safeload.app.platform.FileUploads.refused(
          model, response, "workers/register-extract", e, "nothing was recorded");
    }
  }

  /** The vetting form: every check recorded for the worker, to change or add to. */
  @GetMapping("/{id}/vetting")
  String vettingForm(@PathVariable long id, Model model) {
    var vetting = vettings.vetting(id);
    model.addAttribute("vetting", vetting);
    model.addAttribute(
        "form", VettingForm.of(org.safeload.workforce.VettingFields.of(vetting.vetting())));
    model.addAttribute("errors", Map.of());
    return "workers/vetting";
  }

  @PostMapping("/{id}/vetting")
  String recordVetting(
      @PathVariable long id,
      @ModelAttribute("form") VettingForm form,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    try {
      vettings.record(id, form.fields());
      redirect.addFlashAttribute("done", "Vetting recorded");
      return "redirect:/workers/" + id + "#vetting";
    } catch (InvalidInputException e) {
      model.addAttribute("vetting", vettings.vetting(id));
      model.addAttribute("errors", org.safeload.app.platform.FormErrors.of(e));
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "workers/vetting";
    }
  }

  private void choices(Model model) {
    model.addAttribute("roles", Role.values());
    model.addAttribute("employmentTypes", EmploymentType.values());
    model.addAttribute("teams", sortedTeams());
  }

  private List<Team> sortedTeams() {
    return organisation.teams().stream().sorted(Comparator.comparing(Team::name)).toList();
  }

  @GetMapping("/new")
  String create(
      @RequestParam(required = false) Long teamId,
      @RequestParam(required = false) Long candidate,
      Model model) {
    WorkerForm form = new WorkerForm();
    form.setTeamId(teamId);
    if (candidate != null) {
      // A candidate starting: the form filled from what the pipeline knows of them.
      var line = recruitment.candidate(candidate);
      form = WorkerForm.of(line.candidate());
      form.setCandidateId(line.id());
      model.addAttribute("fromCandidate", line);
    }
    model.addAttribute("form", form);
    choices(model);
    return "workers/form";
  }

  @PostMapping("/new")
  String create(@ModelAttribute("form") WorkerForm form, Model model, RedirectAttributes redirect) {
    try {
      WorkerDetails details = WorkerInputs.details(form.raw(), true);
      Worker worker = workforce.create(details, form.getTeamId());
      if (form.getCandidateId() != null) {
        recruitment.started(form.getCandidateId(), worker.id());
      }
      redirect.addFlashAttribute(
          "done", worker.name() + " added to " + organisation.team(form.getTeamId()).name());
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
  String edit(
      @PathVariable long id,
      @ModelAttribute("form") WorkerForm form,
      Model model,
      RedirectAttributes redirect) {
    try {
      Worker worker = workforce.update(id, WorkerInputs.details(form.raw(), true));
      redirect.addFlashAttribute("done", "Changes to " + worker.name() + " saved");
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
    model.addAttribute("teams", sortedTeams());
    return "workers/move";
  }

  @PostMapping("/{id}/move")
  String move(
      @PathVariable long id,
      @ModelAttribute("form") MoveForm form,
      Model model,
      RedirectAttributes redirect) {
    try {
      if (!form.getFrom().blank() && form.getFrom().toDate() == null) {
        throw new InvalidInputException("from", "Date of the move must be a real date");
      }
      WorkerView moved = workforce.move(id, form.getTeamId(), form.getFrom().toDate());
      redirect.addFlashAttribute(
          "done",
          moved.worker().name()
              + " moves to "
              + organisation.team(form.getTeamId()).name()
              + " from "
              + org.safeload.app.platform.Show.inWords(form.getFrom().toDate()));
      return "redirect:/workers/" + id;
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      model.addAttribute("view", workforce.worker(id));
      model.addAttribute("teams", sortedTeams());
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
      return org.safeload.app.platform.FileUploads.noFile(model, response, "workers/import");
    }
    try {
      ImportResult result =
          workforce.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8));
      redirect.addFlashAttribute("imported", result);
      return "redirect:/workers";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", Map.of("file", "The file has errors: nothing was imported"));
      model.addAttribute("problems", e.problems());
      model.addAttribute("fileName", file.getOriginalFilename());
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "workers/import";
    }
  }
}
