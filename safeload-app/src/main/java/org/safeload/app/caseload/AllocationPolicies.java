package org.safeload.app.caseload;

import java.time.Clock;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.caseload.persistence.CaseloadRepository;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.document.DocumentException;
import org.springframework.transaction.annotation.Transactional;

/**
 * The council's allocation policy: the one in force (the council's own, or the built-in one),
 * saving an edited copy, and putting the built-in one back. The rules are the core's ({@code
 * org.safeload.caseload.CaseloadPolicy}).
 */
@org.springframework.stereotype.Service
@Transactional(readOnly = true)
public class AllocationPolicies {

  private static final int MAX_POLICY = 200_000;

  private final CaseloadSnapshots snapshots;
  private final CaseloadRepository repository;
  private final AuditLog audit;
  private final Clock clock;

  AllocationPolicies(
      CaseloadSnapshots snapshots, CaseloadRepository repository, AuditLog audit, Clock clock) {
    this.snapshots = snapshots;
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
  }

  /** The policy in force: the council's own, or the built-in one. */
  @Requires(Capability.READ_CASELOADS)
  public CaseloadPolicy policy() {
    return snapshots.policyInForce();
  }

  /** The policy in force as YAML. */
  @Requires(Capability.READ_CASELOADS)
  public String policyText() {
    return repository
        .activePolicy()
        .map(CaseloadRepository.PolicyRow::document)
        .orElseGet(CaseloadPolicy::defaultText);
  }

  /** Saves the council's policy (a copy of the built-in one, edited) and puts it in force. */
  @Requires(Capability.EDIT_POLICY)
  @Transactional
  public CaseloadPolicy savePolicy(String document) {
    if (document.length() > MAX_POLICY) {
      throw new InvalidInputException(
          "document", "A policy must be " + MAX_POLICY + " characters or fewer");
    }
    repository.lockAllocations();
    CaseloadPolicy policy;
    try {
      policy = CaseloadPolicy.read(document);
    } catch (DocumentException e) {
      throw new InvalidInputException("The policy has errors", e.problems());
    }
    if (CaseloadPolicy.DEFAULT.equals(policy.id())) {
      throw new InvalidInputException(
          "id", "The built-in policy cannot be changed: give your copy its own id");
    }
    repository.saveActive(policy.id(), document, clock.instant());
    audit.record(
        "update", PolicyAuditNames.TYPE, policy.id(), "allocation policy saved and in force");
    return policy;
  }

  /** Puts the built-in policy back in force. */
  @Requires(Capability.EDIT_POLICY)
  @Transactional
  public void useBuiltInPolicy() {
    repository.lockAllocations();
    repository.deactivateAll();
    audit.record(
        "update", PolicyAuditNames.TYPE, CaseloadPolicy.DEFAULT, "built-in policy in force");
  }
}
