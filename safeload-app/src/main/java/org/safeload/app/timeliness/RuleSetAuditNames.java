package org.safeload.app.timeliness;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.safeload.app.audit.AuditNames;
import org.springframework.stereotype.Component;

/** Names KPI rule sets in the audit trail by their names, linked to their pages. */
@Component
class RuleSetAuditNames implements AuditNames {

  private final TimelinessService timeliness;

  RuleSetAuditNames(TimelinessService timeliness) {
    this.timeliness = timeliness;
  }

  @Override
  public Map<String, Named> names(String entityType, Collection<String> ids) {
    Map<String, Named> named = new HashMap<>();
    if (!entityType.equals(TimelinessService.RULE_SET)) {
      return named;
    }
    for (TimelinessService.RuleSetSummary set : timeliness.ruleSets()) {
      if (ids.contains(set.id())) {
        named.put(set.id(), new Named(set.name(), "/timeliness/rules/" + set.id()));
      }
    }
    return named;
  }
}
