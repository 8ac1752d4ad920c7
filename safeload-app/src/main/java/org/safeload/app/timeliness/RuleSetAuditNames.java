package org.safeload.app.timeliness;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.safeload.app.audit.AuditNames;
import org.springframework.stereotype.Component;

/** Names KPI rule sets in the audit trail by their names, linked to their pages. */
@Component
class RuleSetAuditNames implements AuditNames {

  private final RuleSets ruleSets;

  RuleSetAuditNames(RuleSets ruleSets) {
    this.ruleSets = ruleSets;
  }

  @Override
  public Map<String, Named> names(String entityType, Collection<String> ids) {
    Map<String, Named> named = new HashMap<>();
    if (!entityType.equals(RuleSets.RULE_SET)) {
      return named;
    }
    for (RuleSets.RuleSetSummary set : ruleSets.ruleSets()) {
      if (ids.contains(set.id())) {
        named.put(set.id(), new Named(set.name(), "/timeliness/rules/" + set.id()));
      }
    }
    return named;
  }
}
