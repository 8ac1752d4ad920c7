package org.safeload.app.money;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeload.app.access.Capability;
import org.safeload.app.access.CurrentUser;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.money.persistence.ContractRepository;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.app.platform.TimeConfig;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.document.DocumentException;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.money.ContractDocument;
import org.safeload.money.Costing;
import org.safeload.money.OcdsRelease;
import org.safeload.money.ScenarioReader;
import org.safeload.organisation.Provider;
import org.safeload.organisation.Team;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Managed-team contracts: stored as validated documents, costed by the core, changed by roster
 * changes and invoices. Pages, API and command line all come through here. A provider's account
 * sees only its own contracts.
 */
@Service
@Transactional(readOnly = true)
public class ContractService {

  private final ContractRepository contracts;
  private final OrganisationService organisation;
  private final AuditLog audit;
  private final Clock clock;
  private final ContractCosting costing;
  private final MoneyRules rules;
  private final org.springframework.beans.factory.ObjectProvider<AwardDates> awardDates;
  private final JsonMapper json = JsonMapper.builder().build();
  private final String ocidPrefix;
  private final String baseUri;
  private final org.safeload.app.money.appraisal.AppraisalSettings appraisal;

  ContractService(
      ContractRepository contracts,
      OrganisationService organisation,
      AuditLog audit,
      Clock clock,
      WorkingCalendar calendar,
      MoneyRules rules,
      org.springframework.beans.factory.ObjectProvider<AwardDates> awardDates,
      org.safeload.app.money.appraisal.AppraisalSettings appraisal,
      @Value("${safeload.ocds.prefix:ocds-safeload}") String ocidPrefix,
      @Value("${safeload.ocds.base-uri:https://safeload.example}") String baseUri) {
    this.contracts = contracts;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
    this.costing = new ContractCosting(calendar, rules.keyDecisionRule());
    this.rules = rules;
    this.awardDates = awardDates;
    this.appraisal = appraisal;
    this.ocidPrefix = ocidPrefix;
    this.baseUri = baseUri;
  }

  public LocalDate today() {
    return TimeConfig.today(clock);
  }

  private StoredContract read(ContractRepository.Row row) {
    return new StoredContract(
        row.id(),
        row.code(),
        row.providerId(),
        row.teamId(),
        ScenarioReader.contract(row.document()),
        row.updatedAt());
  }

  private boolean visible(ContractRepository.Row row) {
    Optional<Long> scope = CurrentUser.providerScope();
    return scope.isEmpty() || scope.get().equals(row.providerId());
  }

  @Requires(Capability.READ_MONEY)
  public List<StoredContract> contracts() {
    return contracts.findAll().stream().filter(this::visible).map(this::read).toList();
  }

  @Requires(Capability.READ_MONEY)
  public StoredContract contract(String code) {
    return contracts
        .findByCode(code)
        .filter(this::visible)
        .map(this::read)
        .orElseThrow(() -> new NotFoundException("No contract " + code));
  }

  /**
   * What a contract already read (and so already checked) costs as of a date, in the shape the
   * pages and the API show.
   */
  public Evaluation.ContractResult result(StoredContract stored, LocalDate asOf) {
    return result(stored, asOf, linkedTotals());
  }

  /**
   * As {@link #result(StoredContract, LocalDate)} for several contracts, the stored contracts read
   * once for the linked awards of them all (not once for each).
   */
  public List<Evaluation.ContractResult> results(List<StoredContract> stored, LocalDate asOf) {
    Map<String, BigDecimal> linked = linkedTotals();
    return stored.stream().map(s -> result(s, asOf, linked)).toList();
  }

  private Evaluation.ContractResult result(
      StoredContract stored, LocalDate asOf, Map<String, BigDecimal> linked) {
    Contract c = stored.contract();
    Costing cost = costing.cost(c, asOf, linked.get(c.id()));
    Evaluation.ContractResult result = Evaluation.ContractResult.of(c, cost);
    List<Costing.Flag> flags = new ArrayList<>(result.flags());
    flags.addAll(procurementFlags(c, cost));
    return result.withFlags(flags);
  }

  /**
   * What an agency worker in a role costs the council for an average month at its price caps
   * (safeload.appraisal), and whether the figures are the demo's examples; empty when not set.
   */
  public Optional<AgencyMonth> agencyMonth(org.safeload.organisation.Role role) {
    return appraisal
        .terms()
        .flatMap(
            t ->
                Optional.ofNullable(t.agency().monthly(role))
                    .map(m -> new AgencyMonth(m, t.examples())));
  }

  /** An agency worker's monthly cost, and whether it is from the demo's example figures. */
  public record AgencyMonth(BigDecimal amount, boolean examples) {}

  /** The costing engine, with the council's key-decision rule. */
  public ContractCosting costing() {
    return costing;
  }

  /** What a contract costs as of a date, with the awards linked to it for the key decision. */
  public Costing cost(Contract c, LocalDate asOf) {
    return costing.cost(c, asOf, linkedTotals().get(c.id()));
  }

  /**
   * What the procurement rules flag for a contract: its value against the regime in force on its
   * award date (its award decision's, or its start).
   *
   * @param cost what it costs ({@link #cost}): its value is read from it, not costed again
   */
  public List<Costing.Flag> procurementFlags(Contract c, Costing cost) {
    LocalDate awarded =
        java.util.Optional.ofNullable(awardDates.getIfAvailable())
            .flatMap(a -> a.awardDate(c.id()))
            .orElse(c.start());
    return rules.procurement().flags(c, cost.value(), awarded);
  }

  /** Each linked contract's awards' total (docs/decisions.md), over every stored contract. */
  public Map<String, BigDecimal> linkedTotals() {
    return costing.linkedTotals(allContracts());
  }

  /** The awards linked to a contract for the same need, its own included, oldest first. */
  public List<Contract> linkedAwards(Contract c) {
    List<Contract> linked = ContractCosting.linkedWith(allContracts(), c.id());
    return linked.size() > 1 ? linked : List.of();
  }

  private List<Contract> allContracts() {
    return contracts.findAll().stream()
        .map(row -> ScenarioReader.contract(row.document()))
        .toList();
  }

  /** The contract as an OCDS 1.1 release package. */
  @Requires(Capability.READ_MONEY)
  public Map<String, Object> ocds(String code) {
    Contract c = contract(code).contract();
    return OcdsRelease.releasePackage(
        c,
        costing.cost(c, today()),
        organisation.councilName(),
        ocidPrefix,
        baseUri,
        clock.instant());
  }

  /** Adds a contract from its document (YAML or JSON). */
  @Requires(Capability.EDIT_MONEY)
  @Transactional
  public StoredContract create(String document) {
    return create(parse(document));
  }

  /** Adds a contract from its document as fields (from the contract form). */
  @Requires(Capability.EDIT_MONEY)
  @Transactional
  public StoredContract create(Map<String, Object> document) {
    return create(parse(document));
  }

  private StoredContract create(Contract contract) {
    if (contracts.findByCode(contract.id()).isPresent()) {
      throw new InvalidInputException(
          "id", "A contract with the id " + contract.id() + " already exists");
    }
    long id =
        contracts.insert(
            contract.id(),
            providerId(contract),
            teamId(contract),
            write(contract),
            clock.instant());
    String created = "contract " + contract.id() + " created";
    contracts.insertVersion(id, write(contract), clock.instant(), AuditLog.actor(), created);
    audit.record("create", "contract", id, created);
    return contract(contract.id());
  }

  /** Replaces a contract's document (its id stays). */
  @Requires(Capability.EDIT_MONEY)
  @Transactional
  public StoredContract replace(String code, String document) {
    StoredContract current = contract(code);
    Contract contract = parse(document);
    if (!contract.id().equals(code)) {
      throw new InvalidInputException("id", "The document's id must stay " + code);
    }
    save(current, contract, "contract replaced");
    return contract(code);
  }

  /**
   * Changes a contract's terms from its document as fields (from the contract form); its id stays.
   * The audit trail names the parts that changed, not their values.
   */
  @Requires(Capability.EDIT_MONEY)
  @Transactional
  public StoredContract edit(String code, Map<String, Object> document) {
    StoredContract current = contract(code);
    Map<String, Object> doc = new LinkedHashMap<>(document);
    doc.put("id", code);
    Contract contract = parse(doc);
    Map<String, Object> before = ContractDocument.toMap(current.contract());
    Map<String, Object> after = ContractDocument.toMap(contract);
    List<String> changed = new ArrayList<>();
    for (String key : CHANGEABLE) {
      if (!String.valueOf(before.get(key)).equals(String.valueOf(after.get(key)))) {
        changed.add(PARTS.getOrDefault(key, key));
      }
    }
    save(
        current,
        contract,
        changed.isEmpty() ? "contract saved unchanged" : "changed " + String.join(", ", changed));
    return contract(code);
  }

  /** The parts of a contract the form changes, as the audit trail names them. */
  private static final List<String> CHANGEABLE =
      List.of(
          "provider",
          "team",
          "start",
          "end",
          "status",
          "route",
          "justification",
          "ceiling",
          "roster",
          "teamUnit",
          "extensions");

  private static final Map<String, String> PARTS =
      Map.of(
          "start", "start date",
          "end", "end date",
          "route", "procurement route",
          "roster", "roster lines",
          "teamUnit", "team units",
          "extensions", "extension options");

  /** The contract document as fields, for the edit form to keep what it does not show. */
  @Requires(Capability.EDIT_MONEY)
  public Map<String, Object> document(String code) {
    return ContractDocument.toMap(contract(code).contract());
  }

  /** The contract document as YAML, for people who edit it in a file (the import reads it). */
  @Requires(Capability.READ_MONEY)
  public String yaml(String code) {
    return ContractDocument.toYaml(contract(code).contract());
  }

  /**
   * A saved version of a contract: its number, when, by whom (their name), and what changed, with
   * the money and dates before and after (the page is for those who may read the contract's money;
   * the audit trail names the parts only).
   */
  public record Change(int number, java.time.Instant when, String by, String what) {}

  /** Every version of the contract, newest first, each with what changed from the one before. */
  @Requires(Capability.READ_MONEY)
  public List<Change> history(String code) {
    List<ContractRepository.Version> versions = contracts.versions(contract(code).id());
    Map<String, String> people =
        audit.people(versions.stream().map(ContractRepository.Version::savedBy).toList());
    List<Change> changes = new ArrayList<>();
    Contract before = null;
    for (ContractRepository.Version v : versions) {
      Contract after = parse(v.document());
      List<String> details = before == null ? List.of() : ContractChanges.between(before, after);
      changes.add(
          new Change(
              v.number(),
              v.savedAt(),
              people.getOrDefault(v.savedBy(), AuditLog.SYSTEM_NAME),
              v.summary() + (details.isEmpty() ? "" : ": " + String.join("; ", details))));
      before = after;
    }
    return changes.reversed();
  }

  /** One version of the contract's document, as YAML. */
  @Requires(Capability.READ_MONEY)
  public Optional<String> versionYaml(String code, int number) {
    return contracts.versions(contract(code).id()).stream()
        .filter(v -> v.number() == number)
        .findFirst()
        .map(v -> ContractDocument.toYaml(parse(v.document())));
  }

  /** Adds a dated roster change: from a date, a new count of people in a role, or of team units. */
  @Requires(Capability.EDIT_MONEY)
  @Transactional
  public StoredContract addChange(String code, Map<String, Object> change) {
    StoredContract current = contract(code);
    Contract changed =
        checked(
            () ->
                current
                    .contract()
                    .withChange(ScenarioReader.rosterChange(json.writeValueAsString(change))));
    save(current, changed, "roster change added from " + words(changed.changes().getLast().from()));
    return contract(code);
  }

  /** Runs a change to a contract, turning its field problems into the app's. */
  private static Contract checked(java.util.function.Supplier<Contract> change) {
    try {
      return change.get();
    } catch (DocumentException e) {
      throw new InvalidInputException("The change has errors", e.problems());
    }
  }

  /** Saves a contract changed by a decision (its decision record is the caller's to keep). */
  @Requires(Capability.EDIT_MONEY)
  @Transactional
  public StoredContract saveDecided(String code, Contract decided, String summary) {
    StoredContract current = contract(code);
    if (!decided.id().equals(code)) {
      throw new IllegalArgumentException("a decision keeps the contract's id");
    }
    save(current, decided, summary);
    return contract(code);
  }

  /** Records the invoice for a month (replacing any there was). */
  @Requires(Capability.EDIT_MONEY)
  @Transactional
  public StoredContract setInvoice(String code, String month, String amount, String reference) {
    StoredContract current = contract(code);
    YearMonth invoiced;
    try {
      invoiced = YearMonth.parse(month.strip());
    } catch (java.time.format.DateTimeParseException | NullPointerException e) {
      throw new InvalidInputException("month", "must be a month like 2025-01 (not " + month + ")");
    }
    BigDecimal pounds;
    try {
      pounds = new BigDecimal(amount == null ? "" : amount.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "amount", "must be an amount in pounds, like 1250.50 (not " + amount + ")");
    }
    Contract changed =
        checked(
            () ->
                current
                    .contract()
                    .withInvoice(
                        new Contract.Invoice(
                            invoiced,
                            pounds,
                            reference == null || reference.isBlank() ? null : reference.strip())));
    save(current, changed, "invoice recorded for " + words(invoiced));
    return contract(code);
  }

  private static String words(LocalDate date) {
    return org.safeload.app.platform.Show.inWords(date);
  }

  private static String words(YearMonth month) {
    return org.safeload.app.platform.Show.inWords(month);
  }

  private void save(StoredContract current, Contract contract, String summary) {
    String document = write(contract);
    contracts.update(
        current.id(), providerId(contract), teamId(contract), document, clock.instant());
    contracts.insertVersion(current.id(), document, clock.instant(), AuditLog.actor(), summary);
    audit.record("update", "contract", current.id(), summary);
  }

  private Contract parse(Map<String, Object> doc) {
    return parse(json.writeValueAsString(doc));
  }

  private Contract parse(String document) {
    try {
      return ScenarioReader.contract(document);
    } catch (DocumentException e) {
      throw new InvalidInputException("The contract has errors", e.problems());
    }
  }

  private String write(Contract contract) {
    return json.writeValueAsString(ContractDocument.toMap(contract));
  }

  private Long providerId(Contract contract) {
    return organisation.providerNamed(contract.provider()).map(Provider::id).orElse(null);
  }

  private Long teamId(Contract contract) {
    return contract.team() == null
        ? null
        : organisation.teamNamed(contract.team()).map(Team::id).orElse(null);
  }

  /** Months of a contract, for forms. */
  public static List<YearMonth> months(Contract contract) {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(contract.start());
        !m.isAfter(YearMonth.from(contract.end()));
        m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }
}
