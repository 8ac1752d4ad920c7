package org.safeload.app.money;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeload.app.access.Capability;
import org.safeload.app.access.CurrentUser;
import org.safeload.app.access.Requires;
import org.safeload.app.access.SystemAccess;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.VettingService;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.money.ContractCosting;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Worker;
import org.safeload.organisation.WorkerField;
import org.safeload.workforce.Clearance;
import org.safeload.workforce.Readiness;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's mobilisation (docs/workforce.md): the roster it asks for on its first day, the
 * workers of the team it supplies then or joining it later (those proposed), and who of them is
 * cleared, worked out by the core's {@link Readiness}. Read by those who manage staff, read-only
 * staff and the contract's own provider: neither the money nor the vetting documents behind it
 * leave here, only the roster's counts and each worker's clearance.
 */
@Service
@Transactional(readOnly = true)
public class ContractReadiness {

  private final ContractService contracts;
  private final OrganisationService organisation;
  private final VettingService vettings;
  private final org.safeload.app.organisation.WorkforceService workforce;

  ContractReadiness(
      ContractService contracts,
      OrganisationService organisation,
      VettingService vettings,
      org.safeload.app.organisation.WorkforceService workforce) {
    this.workforce = workforce;
    this.contracts = contracts;
    this.organisation = organisation;
    this.vettings = vettings;
  }

  /** A contract's readiness, with the team it supplies (null when it names none of ours). */
  public record View(StoredContract contract, String teamName, Readiness readiness) {}

  @Requires(Capability.READ_MOBILISATION)
  public View readiness(String code) {
    StoredContract stored = visible(code);
    LocalDate today = organisation.today();
    LocalDate start = stored.contract().start();
    // Before the start, the team as it will be on the first day; once started, as it is today.
    LocalDate on = today.isBefore(start) ? start : today;
    Map<org.safeload.organisation.Role, Integer> needed =
        ContractCosting.rosterOn(stored.contract(), on);
    if (stored.teamId() == null) {
      return new View(stored, null, Readiness.of(needed, List.of(), start, today));
    }
    // Proposed: the team's workers on the day and those who will join it later, not its leavers.
    List<Worker> members =
        SystemAccess.call(() -> workforce.workersOn(on)).stream()
            .filter(v -> v.placement() != null && v.placement().id() == stored.teamId())
            .filter(v -> !v.leaver())
            .map(org.safeload.app.organisation.WorkerView::worker)
            .toList();
    Map<Long, Clearance.Result> clearances =
        SystemAccess.call(() -> vettings.clearances(members.stream().map(Worker::id).toList(), on));
    List<Readiness.Proposed> proposed =
        members.stream()
            .map(
                w ->
                    new Readiness.Proposed(
                        w.id(), w.details().name(), w.details(), clearances.get(w.id())))
            .toList();
    String teamName = SystemAccess.call(() -> organisation.team(stored.teamId())).name();
    return new View(stored, teamName, Readiness.of(needed, proposed, start, today));
  }

  /** The contract and the name of the team it supplies, for the proposing form. */
  @Requires(Capability.PROPOSE_WORKERS)
  public View forProposing(String code) {
    StoredContract stored = visible(code);
    if (stored.teamId() == null) {
      throw new InvalidInputException(
          "teamId", "The contract names none of the council's teams: no one can be proposed");
    }
    String teamName = SystemAccess.call(() -> organisation.team(stored.teamId())).name();
    return new View(stored, teamName, null);
  }

  /**
   * Proposes a worker for a contract: a managed-service worker in the team it supplies from their
   * start date, which must fall before the contract ends. A provider's user proposes for its own
   * contracts only; the audit trail names them as the one who added the worker.
   *
   * @param fields the worker form's fields (the employment type is managed service, whatever is
   *     sent)
   */
  @Requires(Capability.PROPOSE_WORKERS)
  @Transactional
  public Worker propose(String code, Map<WorkerField, String> fields) {
    StoredContract stored = forProposing(code).contract();
    Map<WorkerField, String> raw = new java.util.EnumMap<>(fields);
    raw.put(WorkerField.EMPLOYMENT_TYPE, EmploymentType.MANAGED_SERVICE.code());
    raw.put(WorkerField.END_DATE, "");
    org.safeload.organisation.WorkerDetails details =
        org.safeload.app.organisation.WorkerInputs.details(raw, true);
    if (details.startDate().isAfter(stored.contract().end())) {
      throw new InvalidInputException(
          "startDate", "The start date must be on or before the contract's end");
    }
    // Added as the person proposing (the audit trail names them), with the right to add a
    // worker to this one team only.
    return SystemAccess.call(
        org.safeload.app.audit.AuditLog.actor(), () -> workforce.create(details, stored.teamId()));
  }

  /** The contract, if the signed-in user may see it: a provider's user only its own. */
  private StoredContract visible(String code) {
    Optional<Long> provider = CurrentUser.providerScope();
    StoredContract stored = SystemAccess.call(() -> contracts.contract(code));
    if (provider.isPresent() && !provider.get().equals(stored.providerId())) {
      throw new NotFoundException("No contract " + code);
    }
    return stored;
  }
}
