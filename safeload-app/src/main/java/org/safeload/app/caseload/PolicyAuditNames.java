package org.safeload.app.caseload;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.safeload.app.audit.AuditNames;
import org.safeload.caseload.CaseloadPolicy;
import org.springframework.stereotype.Component;

/**
 * Names allocation policies in the audit trail: the one in force by its name, the built-in one as
 * such, and any other as an earlier policy (only the one in force is kept).
 */
@Component
class PolicyAuditNames implements AuditNames {

  static final String TYPE = "caseload-policy";

  private final AllocationPolicies policies;

  PolicyAuditNames(AllocationPolicies policies) {
    this.policies = policies;
  }

  @Override
  public Map<String, Named> names(String entityType, Collection<String> ids) {
    Map<String, Named> named = new HashMap<>();
    if (!entityType.equals(TYPE)) {
      return named;
    }
    CaseloadPolicy inForce = policies.policy();
    for (String id : ids) {
      String name =
          id.equals(inForce.id())
              ? inForce.name()
              : id.equals(CaseloadPolicy.DEFAULT)
                  ? CaseloadPolicy.defaultPolicy().name()
                  : "An earlier allocation policy";
      named.put(id, new Named(name, "/caseloads/policy"));
    }
    return named;
  }
}
