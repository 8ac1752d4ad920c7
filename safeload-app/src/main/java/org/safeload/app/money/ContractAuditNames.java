package org.safeload.app.money;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.safeload.app.audit.AuditNames;
import org.safeload.app.money.persistence.ContractRepository;
import org.springframework.stereotype.Component;

/** Names contracts in the audit trail by their reference, linked to their page. */
@Component
class ContractAuditNames implements AuditNames {

  private final ContractRepository contracts;

  ContractAuditNames(ContractRepository contracts) {
    this.contracts = contracts;
  }

  @Override
  public Map<String, Named> names(String entityType, Collection<String> ids) {
    Map<String, Named> named = new HashMap<>();
    if (!entityType.equals("contract")) {
      return named;
    }
    for (ContractRepository.Row row : contracts.findAll()) {
      String id = String.valueOf(row.id());
      if (ids.contains(id)) {
        named.put(id, new Named(row.code(), "/contracts/" + row.code()));
      }
    }
    return named;
  }
}
