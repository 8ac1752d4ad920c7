package org.safeload.app.money.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safeload.app.money.ContractService;
import org.safeload.app.money.Evaluation;
import org.safeload.app.money.StoredContract;
import org.safeload.app.platform.DateParts;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.organisation.Role;
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

/** Contract pages: the list, a contract's terms and money, invoices and roster changes. */
@Controller
@RequestMapping("/contracts")
class ContractPages {

  /** The roster change form. */
  public static class ChangeForm {
    private DateParts from = new DateParts();
    private String role = "";
    private String count = "";
    private String teams = "";

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

  ContractPages(ContractService contracts) {
    this.contracts = contracts;
  }

  @GetMapping
  String list(Model model) {
    LocalDate today = contracts.today();
    model.addAttribute(
        "results", contracts.contracts().stream().map(s -> contracts.result(s, today)).toList());
    return "contracts/list";
  }

  @GetMapping("/{id}")
  String view(
      @PathVariable String id, @RequestParam(required = false) LocalDate asOf, Model model) {
    show(id, asOf, model);
    model.addAttribute("change", new ChangeForm());
    model.addAttribute("invoice", new InvoiceForm());
    return "contracts/view";
  }

  private void show(String id, LocalDate asOf, Model model) {
    StoredContract stored = contracts.contract(id);
    LocalDate date = asOf == null ? contracts.today() : asOf;
    Evaluation.ContractResult result = contracts.result(stored, date);
    model.addAttribute("stored", stored);
    model.addAttribute("c", stored.contract());
    model.addAttribute("result", result);
    model.addAttribute("asOf", date);
    model.addAttribute("chart", SpendChart.of(result));
    model.addAttribute("months", ContractService.months(stored.contract()));
    model.addAttribute("roles", Role.values());
  }

  @PostMapping("/{id}/invoices")
  String invoice(
      @PathVariable String id, @ModelAttribute("invoice") InvoiceForm form, Model model) {
    try {
      if (form.getMonth().isBlank()) {
        throw new InvalidInputException("month", "Select the month the invoice is for");
      }
      contracts.setInvoice(id, form.getMonth(), form.getAmount(), form.getReference());
      return "redirect:/contracts/" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("errors", prefixed("invoice-", e));
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
      if (!form.getTeams().isBlank()) {
        change.put("teams", form.getTeams().strip());
      } else {
        change.put("role", form.getRole());
        change.put("count", form.getCount().strip());
      }
      contracts.addChange(id, change);
      return "redirect:/contracts/" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("errors", prefixed("change-", e));
      show(id, null, model);
      model.addAttribute("invoice", new InvoiceForm());
      return "contracts/view";
    }
  }

  /**
   * Form errors named by the form's fields ({@code changes[3].count} becomes {@code change-count}).
   */
  private static Map<String, String> prefixed(String prefix, InvalidInputException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    FormErrors.of(e)
        .forEach(
            (field, message) -> {
              String last =
                  field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
              String name = last.replaceAll("\\[\\d+]", "");
              errors.putIfAbsent(
                  prefix + (name.isEmpty() || name.startsWith("(") ? "from" : name), message);
            });
    return errors;
  }

  @GetMapping(path = "/{id}/ocds.json")
  ResponseEntity<Map<String, Object>> ocds(@PathVariable String id) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-ocds.json\"")
        .body(contracts.ocds(id));
  }

  @GetMapping("/new")
  String create(Model model) {
    model.addAttribute("document", "");
    return "contracts/new";
  }

  @PostMapping("/new")
  String create(@RequestParam(defaultValue = "") String document, Model model) {
    try {
      StoredContract created = contracts.create(document);
      return "redirect:/contracts/" + created.code();
    } catch (InvalidInputException e) {
      model.addAttribute(
          "errors", Map.of("document", "The contract has errors: nothing was saved"));
      model.addAttribute("problems", e.problems());
      model.addAttribute("document", document);
      return "contracts/new";
    }
  }
}
