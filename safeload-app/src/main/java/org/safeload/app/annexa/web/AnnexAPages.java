package org.safeload.app.annexa.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeload.app.annexa.AnnexAImports;
import org.safeload.app.annexa.AnnexAUploads;
import org.safeload.app.annexa.AnnexAUploads.Staged;
import org.safeload.app.annexa.Choices;
import org.safeload.app.annexa.Imported;
import org.safeload.app.annexa.NameMatch;
import org.safeload.app.annexa.Report;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.WorkerInputs;
import org.safeload.app.organisation.WorkerView;
import org.safeload.app.organisation.WorkforceService;
import org.safeload.app.platform.FilterOption;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.document.FieldProblem;
import org.safeload.extract.CaseEpisodes;
import org.safeload.extract.Extract;
import org.safeload.extract.ExtractOptions;
import org.safeload.extract.ListReport;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.Team;
import org.safeload.organisation.TeamKind;
import org.safeload.organisation.WorkerDetails;
import org.safeload.organisation.WorkerField;
import org.safeload.timeliness.KpiRule;
import org.safeload.timeliness.KpiRuleSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Load your Annex A": upload a workbook (or, in the demo, the public sample), read its mapping
 * report before anything is imported, match the names it gives to the council's workers and teams
 * (or create them), and import it; then a page of what was done. The workbook waits between the
 * steps in the database ({@link AnnexAUploads}) under a token the session holds.
 */
@Controller
@RequestMapping("/timeliness/annex-a")
class AnnexAPages {

  /** The session attribute holding the token of the workbook being loaded. */
  static final String SESSION = "annex-a-upload";

  /** The public sample workbook (liia-tools, MIT licence beside it). */
  static final String SAMPLE = "/annex-a/annex-a-sample.xlsx";

  /** The name the sample is loaded as. */
  static final String SAMPLE_NAME = "annex-a-sample.xlsx";

  private final AnnexAImports imports;
  private final AnnexAUploads uploads;
  private final OrganisationService organisation;
  private final WorkforceService workforce;
  private final boolean demo;

  AnnexAPages(
      AnnexAImports imports,
      AnnexAUploads uploads,
      OrganisationService organisation,
      WorkforceService workforce,
      @Value("${safeload.demo.enabled:true}") boolean demo) {
    this.imports = imports;
    this.uploads = uploads;
    this.organisation = organisation;
    this.workforce = workforce;
    this.demo = demo;
  }

  /** A large council's workbook names hundreds of workers: each is a row of the names form. */
  @InitBinder("names")
  void rows(WebDataBinder binder) {
    binder.setAutoGrowCollectionLimit(20_000);
  }

  /** The sample is offered only in the demo council: never loaded into a real one by mistake. */
  private boolean sampleOffered() {
    return demo && org.safeload.demo.DemoCouncil.COUNCIL_NAME.equals(organisation.councilName());
  }

  private Optional<Staged> current(HttpSession session) {
    Object token = session.getAttribute(SESSION);
    return token instanceof String t ? uploads.find(t) : Optional.empty();
  }

  // --- The upload --------------------------------------------------------------------------------

  @GetMapping
  String uploadPage(Model model, HttpSession session) {
    model.addAttribute("form", new UploadForm());
    return upload(model, session);
  }

  private String upload(Model model, HttpSession session) {
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    model.addAttribute("sample", sampleOffered());
    model.addAttribute("maxMegabytes", AnnexAImports.MAX_BYTES >> 20);
    current(session).ifPresent(s -> model.addAttribute("waiting", s));
    return "annex-a/upload";
  }

  @PostMapping
  String upload(
      @RequestParam(value = "file", required = false) MultipartFile file,
      @ModelAttribute("form") UploadForm form,
      Model model,
      HttpSession session,
      HttpServletResponse response) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate extractDate = null;
    if (!form.getExtractDate().blank()) {
      extractDate = form.getExtractDate().toDate();
      if (extractDate == null) {
        errors.put("extractDate", "The extract date must be a real date");
      } else if (CaseEpisodes.outsideCalendar(extractDate) != null) {
        errors.put("extractDate", "The extract date must be between 2000 and 2040");
      }
    }
    if (file == null || file.isEmpty()) {
      errors.put("file", "Select an Annex A workbook (.xlsx)");
    } else if (file.getSize() > AnnexAImports.MAX_BYTES) {
      errors.put(
          "file",
          "The file is larger than "
              + (AnnexAImports.MAX_BYTES >> 20)
              + " MB: an Annex A workbook is a few megabytes; check it is the right file");
    }
    if (errors.isEmpty()) {
      try (InputStream in = file.getInputStream()) {
        Staged staged =
            uploads.stage(
                in,
                file.getOriginalFilename(),
                new ExtractOptions(extractDate, form.isSkipInvalid()));
        session.setAttribute(SESSION, staged.token());
        return "redirect:/timeliness/annex-a/report";
      } catch (InvalidInputException e) {
        errors.putAll(FormErrors.of(e));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the uploaded workbook", e);
      }
    }
    model.addAttribute("errors", errors);
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return upload(model, session);
  }

  @PostMapping("/sample")
  String sample(HttpSession session) throws IOException {
    if (!sampleOffered()) {
      throw new NotFoundException("The sample workbook is offered in the demo council only");
    }
    try (InputStream in = AnnexAPages.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new NotFoundException("The sample workbook is not in this build");
      }
      Staged staged = uploads.stage(in, SAMPLE_NAME, ExtractOptions.DEFAULTS);
      session.setAttribute(SESSION, staged.token());
    }
    return "redirect:/timeliness/annex-a/report";
  }

  // --- The mapping report ------------------------------------------------------------------------

  @GetMapping("/report")
  String report(Model model, HttpSession session) {
    Optional<Staged> staged = current(session);
    if (staged.isEmpty()) {
      return "redirect:/timeliness/annex-a";
    }
    Extract x = uploads.extract(staged.get());
    Report r = imports.report(x);
    model.addAttribute("r", r);
    model.addAttribute("staged", staged.get());
    model.addAttribute("usedLists", r.lists().stream().filter(ListReport::used).toList());
    model.addAttribute("unusedLists", r.lists().stream().filter(l -> !l.used()).toList());
    model.addAttribute("skippedRows", r.lists().stream().mapToInt(l -> l.skipped().size()).sum());
    model.addAttribute("notMeasured", notMeasured(r));
    model.addAttribute(
        "unallocated", r.unallocated().stream().map(AnnexAPages::unallocated).toList());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "annex-a/report";
  }

  /** A rule the workbook cannot measure: its name (from the statutory set) and why. */
  record NotMeasured(String id, String name, String why) {}

  private static List<NotMeasured> notMeasured(Report r) {
    Map<String, String> names = new HashMap<>();
    for (KpiRule rule : KpiRuleSet.builtIn("statutory").rules()) {
      names.put(rule.id(), rule.name());
    }
    List<NotMeasured> rows = new ArrayList<>();
    r.notMeasured()
        .forEach((id, why) -> rows.add(new NotMeasured(id, names.getOrDefault(id, id), why)));
    return rows;
  }

  /** A case with no worker, as the page says it: the child, the episode's start in words, where. */
  record Unallocated(String child, LocalDate from, String where, String raw) {}

  /** Reads "{@code <child>-<yyyy-mm-dd> (List 6, row 2)}" (CaseEpisodes' case id and source). */
  static Unallocated unallocated(String text) {
    int open = text.indexOf(" (");
    String caseId = open < 0 ? text : text.substring(0, open);
    String where =
        open < 0 || !text.endsWith(")") ? "" : text.substring(open + 2, text.length() - 1);
    if (caseId.length() > 11 && caseId.charAt(caseId.length() - 11) == '-') {
      try {
        LocalDate from = LocalDate.parse(caseId.substring(caseId.length() - 10));
        return new Unallocated(caseId.substring(0, caseId.length() - 11), from, where, text);
      } catch (java.time.format.DateTimeParseException e) {
        // as written
      }
    }
    return new Unallocated(null, null, where, text);
  }

  @PostMapping("/skip-invalid")
  String skipInvalid(HttpSession session) {
    Optional<Staged> staged = current(session);
    if (staged.isEmpty()) {
      return "redirect:/timeliness/annex-a";
    }
    uploads.skipInvalid(staged.get());
    return "redirect:/timeliness/annex-a/report";
  }

  // --- The names ---------------------------------------------------------------------------------

  @GetMapping("/names")
  String names(Model model, HttpSession session) {
    Optional<Staged> staged = current(session);
    if (staged.isEmpty()) {
      return "redirect:/timeliness/annex-a";
    }
    Extract x = uploads.extract(staged.get());
    if (x.refused()) {
      return "redirect:/timeliness/annex-a/report";
    }
    Report r = imports.report(x);
    NamesForm form = new NamesForm();
    form.setUpload(staged.get().token());
    Map<String, Long> storedTeam = new HashMap<>();
    r.teams().forEach(t -> storedTeam.put(t.ref(), t.storedId()));
    for (NameMatch t : r.unmatchedTeams()) {
      NamesForm.TeamRow row = new NamesForm.TeamRow();
      row.setRef(t.ref());
      // A name Safeload holds more than once is the user's to choose, not to create again.
      row.setChoice(t.sameName() > 1 ? "" : NamesForm.NEW);
      row.setKind(TeamKind.SUBSTANTIVE.code());
      form.getTeams().add(row);
    }
    // The sample's workers are made up: so are the registration numbers and qualification dates
    // its demo fills in (a council's own are typed, or come with a workers file first).
    boolean sample = sampleOffered() && staged.get().fileName().equals(SAMPLE_NAME);
    java.util.Set<String> registered = new java.util.HashSet<>();
    if (sample) {
      workforce.workers().forEach(v -> registered.add(v.worker().details().sweRegistration()));
    }
    int made = 0;
    int number = 900_000;
    for (NameMatch w : r.unmatchedWorkers()) {
      NamesForm.WorkerRow row = new NamesForm.WorkerRow();
      if (sample && w.from() != null) {
        while (registered.contains("SW" + ++number)) {
          // taken by a worker of an earlier load
        }
        row.setQualificationDate(org.safeload.app.platform.DateParts.of(w.from().minusYears(3)));
        row.setSweRegistration("SW" + number);
        made++;
      }
      row.setRef(w.ref());
      row.setChoice(w.sameName() > 1 ? "" : NamesForm.NEW);
      row.setRole(Role.SOCIAL_WORKER.code());
      row.setEmploymentType(EmploymentType.PERMANENT.code());
      row.setFte("1");
      row.setStartDate(org.safeload.app.platform.DateParts.of(w.from()));
      if (w.teamRef() != null) {
        Long id = storedTeam.get(w.teamRef());
        row.setTeam(id != null ? String.valueOf(id) : "wb:" + w.teamRef());
      }
      form.getWorkers().add(row);
    }
    model.addAttribute("names", form);
    model.addAttribute("errors", Map.of());
    model.addAttribute("madeUp", made > 0);
    return names(model, staged.get(), r);
  }

  private String names(Model model, Staged staged, Report r) {
    model.addAttribute("r", r);
    model.addAttribute("staged", staged);
    Map<String, NameMatch> byRef = new HashMap<>();
    r.workers().forEach(n -> byRef.put(n.ref(), n));
    r.teams().forEach(n -> byRef.put(n.ref(), n));
    model.addAttribute("byRef", byRef);
    List<Team> teams =
        organisation.teams().stream().sorted(Comparator.comparing(Team::name)).toList();
    Map<Long, String> teamNames = new HashMap<>();
    teams.forEach(t -> teamNames.put(t.id(), t.name()));
    model.addAttribute(
        "teamOptions",
        teams.stream().map(t -> new FilterOption(String.valueOf(t.id()), t.name())).toList());
    List<FilterOption> workerTeams = new ArrayList<>();
    for (NameMatch t : r.teams()) {
      if (!t.matched()) {
        workerTeams.add(new FilterOption("wb:" + t.ref(), t.name() + " (from the workbook)"));
      }
    }
    teams.forEach(t -> workerTeams.add(new FilterOption(String.valueOf(t.id()), t.name())));
    model.addAttribute("workerTeamOptions", workerTeams);
    List<FilterOption> workers = new ArrayList<>();
    workforce.workers().stream()
        .sorted(Comparator.comparing((WorkerView v) -> v.worker().details().name()))
        .forEach(
            v -> {
              Team in = v.team() != null ? v.team() : v.placement();
              workers.add(
                  new FilterOption(
                      String.valueOf(v.worker().id()),
                      v.worker().details().name()
                          + (in == null
                              ? ""
                              : " (" + in.name() + (v.leaver() ? ", left" : "") + ")")));
            });
    model.addAttribute("workerOptions", workers);
    model.addAttribute(
        "serviceOptions",
        organisation.services().stream()
            .sorted(Comparator.comparing(org.safeload.organisation.Service::name))
            .map(s -> new FilterOption(String.valueOf(s.id()), s.name()))
            .toList());
    model.addAttribute(
        "providerOptions",
        organisation.providers().stream()
            .map(p -> new FilterOption(String.valueOf(p.id()), p.name()))
            .toList());
    model.addAttribute("roles", Role.values());
    model.addAttribute("employmentTypes", EmploymentType.values());
    model.addAttribute("kinds", TeamKind.values());
    return "annex-a/names";
  }

  @PostMapping("/import")
  String importNames(
      @ModelAttribute("names") NamesForm form,
      Model model,
      HttpSession session,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    Optional<Staged> staged = current(session);
    if (staged.isEmpty()) {
      return "redirect:/timeliness/annex-a";
    }
    if (!staged.get().token().equals(form.getUpload())) {
      // The form was for a workbook since replaced: its choices are not this one's.
      redirect.addFlashAttribute("replaced", true);
      return "redirect:/timeliness/annex-a/report";
    }
    Extract x = uploads.extract(staged.get());
    if (x.refused()) {
      return "redirect:/timeliness/annex-a/report";
    }
    Report r = imports.report(x);
    Map<String, NameMatch> byRef = new HashMap<>();
    r.workers().forEach(n -> byRef.put(n.ref(), n));
    r.teams().forEach(n -> byRef.put(n.ref(), n));
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Choices.TeamChoice> teams = new LinkedHashMap<>();
    for (NamesForm.TeamRow row : form.getTeams()) {
      NameMatch n = byRef.get(row.getRef());
      if (n == null || n.matched() || !row.getRef().startsWith("T")) {
        continue;
      }
      String field = n.ref() + "-choice";
      if (row.getChoice().isBlank()) {
        problems.add(FieldProblem.of(field, "Choose a team for " + n.name() + ", or create it"));
      } else if (row.getChoice().equals(NamesForm.NEW)) {
        String service = row.getServiceId().isBlank() ? form.getServiceId() : row.getServiceId();
        teams.put(
            n.ref(),
            new Choices.NewTeam(
                number(service, n.ref() + "-serviceId", problems),
                row.getKind(),
                TeamKind.MANAGED.code().equals(row.getKind())
                    ? number(row.getProviderId(), n.ref() + "-providerId", problems)
                    : null));
      } else {
        Long id = number(row.getChoice(), field, problems);
        if (id != null) {
          teams.put(n.ref(), new Choices.ExistingTeam(id));
        }
      }
    }
    if (form.getServiceId().isBlank()
        && form.getTeams().stream()
            .anyMatch(
                t ->
                    t.getChoice().equals(NamesForm.NEW)
                        && t.getServiceId().isBlank()
                        && byRef.containsKey(t.getRef())
                        && !byRef.get(t.getRef()).matched())) {
      // One question for them all, rather than one for each new team.
      problems.removeIf(p -> p.field().endsWith("-serviceId"));
      problems.add(
          0,
          FieldProblem.of(
              "serviceId", "Choose the service the new teams belong to (or one for each team)"));
    }
    Map<String, Choices.WorkerChoice> workers = new LinkedHashMap<>();
    for (NamesForm.WorkerRow row : form.getWorkers()) {
      NameMatch n = byRef.get(row.getRef());
      if (n == null || n.matched() || !row.getRef().startsWith("W")) {
        continue;
      }
      String field = n.ref() + "-choice";
      if (row.getChoice().isBlank()) {
        problems.add(
            FieldProblem.of(field, "Choose a worker for " + n.name() + ", or create them"));
      } else if (row.getChoice().equals(NamesForm.NEW)) {
        Map<WorkerField, String> raw = new EnumMap<>(WorkerField.class);
        raw.put(WorkerField.NAME, n.name());
        raw.put(WorkerField.ROLE, row.getRole());
        raw.put(WorkerField.EMPLOYMENT_TYPE, row.getEmploymentType());
        raw.put(WorkerField.FTE, row.getFte());
        raw.put(WorkerField.START_DATE, row.getStartDate().toIso());
        raw.put(WorkerField.QUALIFICATION_DATE, row.getQualificationDate().toIso());
        raw.put(WorkerField.SWE_REGISTRATION, row.getSweRegistration());
        try {
          WorkerDetails details = WorkerInputs.details(raw, true);
          Long teamId = null;
          String teamRef = null;
          if (row.getTeam().startsWith("wb:")) {
            teamRef = row.getTeam().substring(3);
          } else if (!row.getTeam().isBlank()) {
            teamId = number(row.getTeam(), n.ref() + "-team", problems);
          }
          workers.put(n.ref(), new Choices.NewWorker(details, teamId, teamRef));
        } catch (InvalidInputException e) {
          for (FieldProblem p : e.problems()) {
            String f = p.field().equals(WorkerField.NAME.jsonName()) ? "choice" : p.field();
            problems.add(FieldProblem.of(n.ref() + "-" + f, p.message() + " (" + n.name() + ")"));
          }
        }
      } else {
        Long id = number(row.getChoice(), field, problems);
        if (id != null) {
          workers.put(n.ref(), new Choices.ExistingWorker(id));
        }
      }
    }
    try {
      if (!problems.isEmpty()) {
        throw new InvalidInputException("The names have errors", problems);
      }
      Imported done = imports.importWorkbook(x, new Choices(workers, teams));
      uploads.discard(staged.get());
      session.removeAttribute(SESSION);
      redirect.addFlashAttribute("imported", done);
      return "redirect:/timeliness/annex-a/imported";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e));
      model.addAttribute("problems", e.problems());
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return names(model, staged.get(), imports.report(x));
    }
  }

  /** A stored id chosen from a list; a value that is not one is a problem on the field. */
  private static Long number(String value, String field, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of(field, "Choose from the list"));
      return null;
    }
  }

  // --- Done --------------------------------------------------------------------------------------

  @GetMapping("/imported")
  String imported(Model model) {
    if (!(model.getAttribute("imported") instanceof Imported)) {
      return "redirect:/timeliness/annex-a";
    }
    model.addAttribute("errors", Map.of());
    return "annex-a/imported";
  }
}
