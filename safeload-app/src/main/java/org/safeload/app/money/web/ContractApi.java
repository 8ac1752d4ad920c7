package org.safeload.app.money.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.money.ContractService;
import org.safeload.app.money.Evaluation;
import org.safeload.app.money.StoredContract;
import org.safeload.app.platform.ApiController;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.document.DocumentException;
import org.safeload.money.ContractDocument;
import org.safeload.money.Scenario;
import org.safeload.money.ScenarioReader;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** Contracts over JSON: terms, monthly costs, roster changes, invoices, OCDS; and scenarios. */
@ApiController("/api/v1")
@Tag(name = "Money", description = "Managed-team contracts, their monthly costs and scenarios")
class ContractApi {

  /** A contract in a list. */
  record ContractSummary(
      String id, String provider, LocalDate start, LocalDate end, String status) {}

  /** An invoice for a month. */
  record InvoiceRequest(String amount, String reference) {}

  private final ContractService contracts;
  private final WorkingCalendar calendar;

  ContractApi(ContractService contracts, WorkingCalendar calendar) {
    this.contracts = contracts;
    this.calendar = calendar;
  }

  @GetMapping("/contracts")
  @Operation(summary = "List contracts")
  List<ContractSummary> contracts() {
    return contracts.contracts().stream()
        .map(
            s ->
                new ContractSummary(
                    s.code(),
                    s.contract().provider(),
                    s.contract().start(),
                    s.contract().end(),
                    s.contract().status().code()))
        .toList();
  }

  @GetMapping("/contracts/{id}")
  @Operation(summary = "A contract's terms: the contract document (docs/money.md)")
  Map<String, Object> contract(@PathVariable String id) {
    return ContractDocument.toMap(contracts.contract(id).contract());
  }

  @PostMapping(
      path = "/contracts",
      consumes = {"application/json", "application/yaml", "text/plain"})
  @Operation(summary = "Add a contract from its document (JSON or YAML)")
  ResponseEntity<Map<String, Object>> create(@RequestBody String document) {
    StoredContract created = contracts.create(document);
    return ResponseEntity.created(URI.create("/api/v1/contracts/" + created.code()))
        .body(ContractDocument.toMap(created.contract()));
  }

  @PutMapping(
      path = "/contracts/{id}",
      consumes = {"application/json", "application/yaml", "text/plain"})
  @Operation(summary = "Replace a contract's document")
  Map<String, Object> replace(@PathVariable String id, @RequestBody String document) {
    return ContractDocument.toMap(contracts.replace(id, document).contract());
  }

  @GetMapping("/contracts/{id}/history")
  @Operation(
      summary =
          "Every version of a contract, newest first, each with what changed (money and dates"
              + " before and after)")
  List<ContractService.Change> history(@PathVariable String id) {
    return contracts.history(id);
  }

  @GetMapping("/contracts/{id}/costs")
  @Operation(summary = "Month by month to the penny, totals, headroom, breach date and flags")
  Evaluation.ContractResult costs(
      @PathVariable String id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    return contracts.result(contracts.contract(id), asOf == null ? contracts.today() : asOf);
  }

  @PostMapping("/contracts/{id}/changes")
  @Operation(
      summary = "Add a dated roster change",
      description =
          "{\"from\":\"2025-03-01\",\"role\":\"social-worker\",\"count\":3} or {\"from\":...,\"teams\":1}")
  Map<String, Object> addChange(@PathVariable String id, @RequestBody Map<String, Object> change) {
    Map<String, Object> clean = new LinkedHashMap<>();
    change.forEach((k, v) -> clean.put(k, v == null ? null : v.toString()));
    return ContractDocument.toMap(contracts.addChange(id, clean).contract());
  }

  @PutMapping("/contracts/{id}/invoices/{month}")
  @Operation(summary = "Record the invoice for a month (2025-01)")
  Map<String, Object> invoice(
      @PathVariable String id, @PathVariable String month, @RequestBody InvoiceRequest invoice) {
    return ContractDocument.toMap(
        contracts.setInvoice(id, month, invoice.amount(), invoice.reference()).contract());
  }

  @GetMapping("/contracts/{id}/ocds")
  @Operation(summary = "The contract as an OCDS 1.1 release package")
  Map<String, Object> ocds(@PathVariable String id) {
    return contracts.ocds(id);
  }

  @PostMapping(
      path = "/scenarios/evaluate",
      consumes = {"application/json", "application/yaml", "text/plain"})
  @Operation(summary = "Cost a scenario document without saving it (as the evaluate command)")
  @Requires(Capability.READ_MONEY)
  Evaluation evaluate(
      @RequestBody String document,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    Scenario scenario;
    try {
      scenario = ScenarioReader.scenario(document);
    } catch (DocumentException e) {
      throw new InvalidInputException("The scenario has errors", e.problems());
    }
    LocalDate date =
        asOf != null ? asOf : scenario.asOf() != null ? scenario.asOf() : contracts.today();
    return Evaluation.of(scenario, date, calendar);
  }
}
