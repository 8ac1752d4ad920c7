package org.safeload.app.money.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.money.ContractService;
import org.safeload.app.money.Evaluation;
import org.safeload.app.money.StoredContract;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.platform.Chart;
import org.safeload.app.platform.DateParts;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.Show;
import org.safeload.money.ContractStatus;
import org.safeload.money.ProcurementRoute;
import org.safeload.money.RatePer;
import org.safeload.organisation.Provider;
import org.safeload.organisation.Role;
import org.safeload.organisation.Team;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Contract pages: the list, a contract's terms and money, the contract form (add and change), the
 * YAML import and export, invoices and roster changes. Every way in builds the contract document
 * the core's reader checks.
 */
@Controller
@RequestMapping("/contracts")
class ContractPages {

  /** The roster change form. */
  public static class ChangeForm {
    private DateParts from = new DateParts();
    private String role = "";
    private String count = "";
    private String teams = "";
    private String forTeam = "";

    public String getForTeam() {
      return forTeam;
    }

    public void setForTeam(String forTeam) {
      this.forTeam = forTeam == null ? "" : forTeam;
    }

    public DateParts getFrom() {
      return from;
    }

    public void setFrom(DateParts from) {
      this.from = from;
    }

    public String getRole() {
      return role;
    }

    public void setRole(String role) {
      this.role = role;
    }

    public String getCount() {
      return count;
    }

    public void setCount(String count) {
      this.count = count;
    }

    public String getTeams() {
      return teams;
    }

    public void setTeams(String teams) {
      this.teams = teams;
    }
  }

  /** The invoice form. */
  public static class InvoiceForm {
    private String month = "";
    private String amount = "";
    private String reference = "";

    public String getMonth() {
      return month;
    }

    public void setMonth(String month) {
      this.month = month;
    }

    public String getAmount() {
      return amount;
    }

    public void setAmount(String amount) {
      this.amount = amount;
    }

    public String getReference() {
      return reference;
    }

    public void setReference(String reference) {
      this.reference = reference;
    }
  }

  private final ContractService contracts;
  private final OrganisationService organisation;
  private final Show show;

  private final org.safeload.app.money.ContractReadiness readiness;

  ContractPages(
      ContractService contracts,
      OrganisationService organisation,
      Show show,
      org.safeload.app.money.ContractReadiness readiness) {
    this.readiness = readiness;
    this.contracts = contracts;
    this.organisation = organisation;
    this.show = show;
  }

  @GetMapping
  String list(Model model) {
    LocalDate today = contracts.today();
    List<StoredContract> all = new ArrayList<>(contracts.contracts());
    all.sort(Comparator.comparing(StoredContract::code, String.CASE_INSENSITIVE_ORDER));
    model.addAttribute("contracts", all);
    model.addAttribute("asOf", today);
    model.addAttribute("results", contracts.results(all, today));
    return "contracts/list";
  }

  @GetMapping("/{id}")
  String view(
      @PathVariable String id, @RequestParam(required = false) LocalDate asOf, Model model) {
    show(id, asOf, model);
    model.addAttribute("change", new ChangeForm());
    model.addAttribute("invoice", new InvoiceForm());
    if (org.safeload.app.access.Capability.READ_MOBILISATION.granted()) {
      model.addAttribute("mobilisation", readiness.readiness(id).readiness());
    }
    return "contracts/view";
  }

  /**
   * The contract's mobilisation: the roster it asks for on its first day, who is proposed for each
   * line and who is cleared, and the days to the start.
   */
  @GetMapping("/{id}/readiness/propose")
  String proposeForm(@PathVariable String id, Model model) {
    model.addAttribute("view", readiness.forProposing(id));
    model.addAttribute("form", new ProposalForm());
    model.addAttribute("roles", proposable());
    return "contracts/propose";
  }

  @org.springframework.web.bind.annotation.PostMapping("/{id}/readiness/propose")
  String propose(
      @PathVariable String id,
      @org.springframework.web.bind.annotation.ModelAttribute("form") ProposalForm form,
      Model model,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    try {
      org.safeload.organisation.Worker worker = readiness.propose(id, form.raw());
      redirect.addFlashAttribute("done", worker.name() + " proposed");
      return "redirect:/contracts/" + id + "/readiness";
    } catch (org.safeload.app.platform.InvalidInputException e) {
      org.safeload.app.platform.FormErrors.addTo(model, e);
      model.addAttribute("view", readiness.forProposing(id));
      model.addAttribute("roles", proposable());
      return "contracts/propose";
    }
  }

  /** The roles a provider supplies. */
  private static List<Role> proposable() {
    return List.of(
        Role.SOCIAL_WORKER,
        Role.ADVANCED_PRACTITIONER,
        Role.TEAM_MANAGER,
        Role.BUSINESS_SUPPORT,
        Role.PROVIDER_MANAGER);
  }

  @GetMapping("/{id}/readiness")
  String readiness(@PathVariable String id, Model model) {
    org.safeload.app.money.ContractReadiness.View view = readiness.readiness(id);
    model.addAttribute("view", view);
    model.addAttribute("r", view.readiness());
    model.addAttribute("c", view.contract().contract());
    return "contracts/readiness";
  }

  private void show(String id, LocalDate asOf, Model model) {
    StoredContract stored = contracts.contract(id);
    LocalDate date = asOf == null ? contracts.today() : asOf;
    Evaluation.ContractResult result = contracts.result(stored, date);
    model.addAttribute("stored", stored);
    model.addAttribute("c", stored.contract());
    model.addAttribute("result", result);
    model.addAttribute("asOf", date);
    model.addAttribute("chart", spendChart(result));
    model.addAttribute("months", ContractService.months(stored.contract()));
    model.addAttribute("history", contracts.history(id));
    model.addAttribute("roles", Role.values());
    model.addAttribute(
        "changeRoles",
        stored.contract().parts().stream()
            .flatMap(p -> p.roster().stream())
            .map(org.safeload.money.Contract.RosterLine::role)
            .distinct()
            .sorted()
            .toList());
    model.addAttribute(
        "flags",
        result.flags().stream().map(f -> new FlagView(f.code(), f.label(), f.message())).toList());
  }

  /** A warning in words: its code (for tests), its tag and its sentence. */
  record FlagView(String code, String label, String message) {}

  /** Spend to date at the end of each month against the ceiling, in pounds. */
  private Chart spendChart(Evaluation.ContractResult result) {
    List<String> months = new ArrayList<>();
    List<BigDecimal> spend = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (Evaluation.Month m : result.months()) {
      sum = sum.add(m.total());
      months.add(show.shortMonth(m.month()));
      spend.add(sum);
    }
    return Chart.line("spend-chart", "Spend to date against the ceiling")
        .x("Month", months)
        .y("Spend to date (£)", show::pounds, BigDecimal.ONE)
        .series("Spend to date", spend)
        .reference("Ceiling", result.ceiling())
        .build();
  }

  @PostMapping("/{id}/invoices")
  String invoice(
      @PathVariable String id, @ModelAttribute("invoice") InvoiceForm form, Model model) {
    try {
      if (form.getMonth().isBlank()) {
        throw new InvalidInputException("month", "is required");
      }
      contracts.setInvoice(
          id, form.getMonth(), ContractForm.amount(form.getAmount()), form.getReference());
      return "redirect:/contracts/" + id;
    } catch (InvalidInputException e) {
      badRequest();
      model.addAttribute(
          "errors",
          prefixed(
              "invoice-",
              "amount",
              e,
              Map.of(
                  "month", new Box("The month", "Select the month the invoice is for"),
                  "amount", new Box("The amount invoiced", "Enter the amount invoiced"))));
      show(id, null, model);
      model.addAttribute("change", new ChangeForm());
      return "contracts/view";
    }
  }

  @PostMapping("/{id}/changes")
  String change(@PathVariable String id, @ModelAttribute("change") ChangeForm form, Model model) {
    try {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("from", form.getFrom().toIso());
      if (!form.getForTeam().isBlank()) {
        change.put("forTeam", form.getForTeam().strip());
      }
      if (!form.getTeams().isBlank()) {
        change.put("teams", form.getTeams().strip());
      } else {
        change.put("role", form.getRole());
        change.put("count", form.getCount().strip());
      }
      contracts.addChange(id, change);
      return "redirect:/contracts/" + id;
    } catch (InvalidInputException e) {
      badRequest();
      model.addAttribute(
          "errors",
          prefixed(
              "change-",
              "role",
              e,
              Map.of(
                  "from", new Box("The date", "Enter the date the change applies from"),
                  "forTeam", new Box("The team", "Select the team"),
                  "role", new Box("The role", "Select the role"),
                  "count", new Box("The new number of people", "Enter the new number of people"),
                  "teams", new Box("The new number of teams", "Enter the new number of teams"))));
      show(id, null, model);
      model.addAttribute("invoice", new InvoiceForm());
      return "contracts/view";
    }
  }

  /** A box of a small form: what it is called in a sentence, and what to say when it is empty. */
  private record Box(String label, String whenEmpty) {}

  /**
   * Form errors named by the form's boxes ({@code changes[3].count} becomes {@code change-count}),
   * each a sentence naming its box; a problem with no box of its own goes to {@code fallback}.
   */
  private Map<String, String> prefixed(
      String prefix, String fallback, InvalidInputException e, Map<String, Box> boxes) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (var p : e.problems()) {
      String field = p.field();
      String last = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : "";
      String name = boxes.containsKey(last) ? last : boxes.containsKey(field) ? field : fallback;
      Box box = boxes.get(name);
      String words = ContractFormErrors.words(p.message(), show);
      String text;
      if (!Character.isLowerCase(words.charAt(0))) {
        text = words;
      } else if (words.equals("is required")) {
        text = box.whenEmpty();
      } else if (words.startsWith("must be a date like")) {
        text = box.label() + " must be a real date";
      } else if (words.startsWith("must ") || words.startsWith("is ")) {
        text = box.label() + " " + words;
      } else {
        text = box.label() + ": " + words;
      }
      errors.putIfAbsent(prefix + name, text);
    }
    return errors;
  }

  @GetMapping(path = "/{id}/ocds.json")
  ResponseEntity<Map<String, Object>> ocds(@PathVariable String id) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-ocds.json\"")
        .body(contracts.ocds(id));
  }

  /** The contract document as YAML: to keep, or to change and import as another contract. */
  @GetMapping(path = "/{id}/document.yaml")
  ResponseEntity<byte[]> export(@PathVariable String id) {
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".yaml\"")
        .body(contracts.yaml(id).getBytes(StandardCharsets.UTF_8));
  }

  /** One earlier (or the latest) version of the contract document, as YAML. */
  @GetMapping(path = "/{id}/versions/{number}.yaml")
  ResponseEntity<byte[]> version(@PathVariable String id, @PathVariable int number) {
    String yaml =
        contracts
            .versionYaml(id, number)
            .orElseThrow(
                () ->
                    new org.safeload.app.platform.NotFoundException(
                        "No version " + number + " of contract " + id));
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + id + "-version-" + number + ".yaml\"")
        .body(yaml.getBytes(StandardCharsets.UTF_8));
  }

  // --- the contract form ----------------------------------------------------------------------

  @GetMapping("/new")
  String create(Model model) {
    return form(ContractForm.blank(), null, model);
  }

  @PostMapping("/new")
  String create(
      @ModelAttribute("form") ContractForm form,
      @RequestParam(required = false) String add,
      Model model) {
    if (add != null) {
      form.addAnother(add);
      return form(form, null, model);
    }
    List<Integer> lines = new ArrayList<>();
    List<Integer> extensions = new ArrayList<>();
    try {
      StoredContract created = contracts.create(form.toDocument(Map.of(), lines, extensions));
      return "redirect:/contracts/" + created.code();
    } catch (InvalidInputException e) {
      badRequest();
      model.addAttribute("errors", ContractFormErrors.of(e, form, lines, extensions, show));
      return form(form, null, model);
    }
  }

  @GetMapping("/{id}/edit")
  String edit(@PathVariable String id, Model model) {
    StoredContract stored = contracts.contract(id);
    return form(ContractForm.of(stored.contract()), stored, model);
  }

  @PostMapping("/{id}/edit")
  String edit(
      @PathVariable String id,
      @ModelAttribute("form") ContractForm form,
      @RequestParam(required = false) String add,
      Model model) {
    StoredContract stored = contracts.contract(id);
    form.setReference(stored.code());
    if (add != null) {
      form.addAnother(add);
      return form(form, stored, model);
    }
    List<Integer> lines = new ArrayList<>();
    List<Integer> extensions = new ArrayList<>();
    try {
      contracts.edit(id, form.toDocument(contracts.document(id), lines, extensions));
      return "redirect:/contracts/" + id;
    } catch (InvalidInputException e) {
      badRequest();
      model.addAttribute("errors", ContractFormErrors.of(e, form, lines, extensions, show));
      return form(form, stored, model);
    }
  }

  /** A page shown again with its errors answers 400, as every other form's does. */
  private static void badRequest() {
    if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
            instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
        && attributes.getResponse() != null) {
      attributes.getResponse().setStatus(400);
    }
  }

  /** The form page, for a new contract ({@code stored} null) or to change one. */
  private String form(ContractForm form, StoredContract stored, Model model) {
    form.pad();
    model.addAttribute("form", form);
    model.addAttribute("stored", stored);
    List<String> providers =
        new ArrayList<>(organisation.providers().stream().map(Provider::name).sorted().toList());
    if (!form.getProvider().isBlank() && !providers.contains(form.getProvider())) {
      providers.add(form.getProvider());
    }
    List<String> teams =
        new ArrayList<>(organisation.teams().stream().map(Team::name).sorted().toList());
    if (!form.getTeam().isBlank() && !teams.contains(form.getTeam())) {
      teams.add(form.getTeam());
    }
    model.addAttribute("providers", providers);
    model.addAttribute("teams", teams);
    model.addAttribute("statuses", ContractStatus.values());
    model.addAttribute("routes", ProcurementRoute.values());
    model.addAttribute("roles", Role.values());
    model.addAttribute("rates", RatePer.rates());
    return "contracts/form";
  }

  // --- import ---------------------------------------------------------------------------------

  @GetMapping("/import")
  String importPage(Model model) {
    model.addAttribute("document", "");
    return "contracts/import";
  }

  @PostMapping("/import")
  String importDocument(@RequestParam(defaultValue = "") String document, Model model) {
    try {
      StoredContract created = contracts.create(document);
      return "redirect:/contracts/" + created.code();
    } catch (InvalidInputException e) {
      badRequest();
      model.addAttribute(
          "errors",
          Map.of(
              "document",
              e.problems().size() == 1
                  ? "The contract has a problem, listed below: nothing was saved"
                  : "The contract has "
                      + e.problems().size()
                      + " problems, listed below: nothing was saved"));
      model.addAttribute("problems", e.problems());
      model.addAttribute("document", document);
      return "contracts/import";
    }
  }
}
