package org.safeload.app.timeliness;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditEntry;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.app.timeliness.persistence.RuleSetRepository;
import org.safeload.document.DocumentException;
import org.safeload.timeliness.KpiRuleSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI rule sets: the built-in ones and the council's own, read, saved (from YAML or the forms,
 * through one validation in the core) and audited with who changed them and when.
 */
@Service
@Transactional(readOnly = true)
public class RuleSets {

  /** The rule set pages and the API use when none is asked for. */
  public static final String DEFAULT_RULE_SET = "contract";

  /** The audit trail's name for a rule set. */
  static final String RULE_SET = "kpi-rule-set";

  private final RuleSetRepository events;
  private final AuditLog audit;
  private final Clock clock;

  RuleSets(RuleSetRepository events, AuditLog audit, Clock clock) {
    this.events = events;
    this.audit = audit;
    this.clock = clock;
  }

  /** A rule set's id, name and whether it is built in. */
  public record RuleSetSummary(String id, String name, boolean builtIn) {}

  @Requires(Capability.READ_TIMELINESS)
  public List<RuleSetSummary> ruleSets() {
    List<RuleSetSummary> sets = new ArrayList<>();
    for (String id : KpiRuleSet.BUILT_IN) {
      sets.add(new RuleSetSummary(id, builtIn(id).name(), true));
    }
    for (RuleSetRepository.RuleSetRow row : events.ruleSets()) {
      sets.add(new RuleSetSummary(row.id(), read(row.document()).name(), false));
    }
    return sets;
  }

  @Requires(Capability.READ_TIMELINESS)
  public String ruleSetText(String id) {
    if (KpiRuleSet.BUILT_IN.contains(id)) {
      return KpiRuleSet.builtInText(id);
    }
    return events.ruleSets().stream()
        .filter(r -> r.id().equals(id))
        .map(RuleSetRepository.RuleSetRow::document)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No rule set " + id));
  }

  /** A built-in or council rule set, read. */
  @Requires(Capability.READ_TIMELINESS)
  public KpiRuleSet ruleSet(String id) {
    return KpiRuleSet.BUILT_IN.contains(id) ? builtIn(id) : read(ruleSetText(id));
  }

  /** Rule sets already read, by their text (pages ask for the same few on every request). */
  private final java.util.Map<String, KpiRuleSet> read =
      new java.util.concurrent.ConcurrentHashMap<>();

  private KpiRuleSet read(String document) {
    if (read.size() > 32) {
      read.clear();
    }
    return read.computeIfAbsent(document, KpiRuleSet::read);
  }

  private KpiRuleSet builtIn(String id) {
    return read.computeIfAbsent("built-in:" + id, k -> KpiRuleSet.builtIn(id));
  }

  /** A change to a council rule set: when, who (by name) and what. */
  public record RuleSetChange(Instant at, String who, String what) {}

  /** Who changed a council rule set and when, latest first. */
  @Requires(Capability.READ_TIMELINESS)
  public List<RuleSetChange> ruleSetChanges(String id) {
    List<AuditEntry> entries = audit.forEntity(RULE_SET, id);
    Map<String, String> people = audit.people(entries.stream().map(AuditEntry::actor).toList());
    return entries.stream()
        .sorted(
            java.util.Comparator.comparing(AuditEntry::occurredAt)
                .thenComparingLong(AuditEntry::id)
                .reversed())
        .map(e -> new RuleSetChange(e.occurredAt(), people.get(e.actor()), e.summary()))
        .toList();
  }

  /**
   * Saves a council's rule set (a copy of a built-in one, edited); its id is in the document.
   * Saving a set that exists replaces it.
   */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional
  public KpiRuleSet saveRuleSet(String document) {
    KpiRuleSet set = validRuleSet(document);
    return store(
        set,
        document,
        "saved from YAML with "
            + set.rules().size()
            + (set.rules().size() == 1 ? " KPI" : " KPIs"));
  }

  /**
   * Saves a new council rule set, refusing an id already taken.
   *
   * @param summary what was done, for the audit trail (no personal data)
   */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional
  public KpiRuleSet createRuleSet(String document, String summary) {
    KpiRuleSet set = validRuleSet(document);
    if (events.ruleSets().stream().anyMatch(r -> r.id().equals(set.id()))) {
      throw new InvalidInputException(
          "id", "There is already a rule set with the id " + set.id() + ": choose another");
    }
    return store(set, document, summary);
  }

  /**
   * Replaces a council rule set that exists with a changed document whose id is the same.
   *
   * @param summary what was changed, for the audit trail (no personal data)
   */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional
  public KpiRuleSet updateRuleSet(String id, String document, String summary) {
    if (KpiRuleSet.BUILT_IN.contains(id)) {
      throw new InvalidInputException(
          "id", "Built-in sets cannot be changed: make a copy and change that");
    }
    ruleSetText(id); // it exists
    KpiRuleSet set = validRuleSet(document);
    if (!set.id().equals(id)) {
      throw new InvalidInputException("id", "The rule set's id stays " + id);
    }
    return store(set, document, summary);
  }

  /** The one validation of a rule set document, for the YAML page, the forms and the API. */
  private static KpiRuleSet validRuleSet(String document) {
    KpiRuleSet set;
    try {
      set = KpiRuleSet.read(document);
    } catch (DocumentException e) {
      throw new InvalidInputException("The rule set has errors", e.problems());
    }
    if (KpiRuleSet.BUILT_IN.contains(set.id())) {
      throw new InvalidInputException(
          "id", "Built-in sets cannot be changed: give your copy its own id");
    }
    if (!set.id().matches("[a-z0-9-]{1,64}")) {
      throw new InvalidInputException(
          "id", "A rule set's id is 1 to 64 lower-case letters, digits or hyphens");
    }
    if (set.id().equals("new") || set.id().equals("edit")) {
      throw new InvalidInputException(
          "id", "A rule set cannot be called " + set.id() + ": choose another id");
    }
    return set;
  }

  private KpiRuleSet store(KpiRuleSet set, String document, String summary) {
    boolean known = events.ruleSets().stream().anyMatch(r -> r.id().equals(set.id()));
    events.saveRuleSet(set.id(), document, clock.instant());
    audit.record(known ? "update" : "create", RULE_SET, set.id(), summary);
    return set;
  }
}
