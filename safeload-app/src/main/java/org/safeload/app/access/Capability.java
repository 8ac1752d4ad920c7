package org.safeload.app.access;

import static org.safeload.app.access.AccessRole.ADMIN;
import static org.safeload.app.access.AccessRole.FINANCE;
import static org.safeload.app.access.AccessRole.HEAD_OF_SERVICE;
import static org.safeload.app.access.AccessRole.PROVIDER;
import static org.safeload.app.access.AccessRole.READ_ONLY;
import static org.safeload.app.access.AccessRole.SOCIAL_WORKER;
import static org.safeload.app.access.AccessRole.TEAM_MANAGER;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what: the one table. Each capability lists the roles that have it, once; the services'
 * method security ({@link Requires}), the route table ({@link RouteTable}) and the pages' buttons
 * and links ({@link #granted()}) all read it, so a rule is changed here or nowhere.
 *
 * <p>What a role may see of the data it may read (a provider only its own teams, a team manager or
 * social worker only their own team's children) is a second question, answered by {@link
 * CurrentUser#providerScope()} and {@link ChildrenScopes}.
 */
public enum Capability {

  /** Services, teams, providers and workers (a provider only its own teams). */
  READ_ORGANISATION(EnumSet.allOf(AccessRole.class)),

  /** Services, teams and providers. */
  EDIT_STRUCTURE(EnumSet.of(ADMIN, HEAD_OF_SERVICE)),

  /**
   * Workers' records and moves; their vetting and sickness absence; the recruitment pipeline and
   * supplier placements.
   */
  EDIT_WORKERS(EnumSet.of(ADMIN, HEAD_OF_SERVICE, TEAM_MANAGER)),

  /**
   * Recording a worker's vetting evidence and reading it: a provider for the workers of its own
   * teams only, and never that the council obtained a reference itself.
   */
  RECORD_VETTING(EnumSet.of(ADMIN, HEAD_OF_SERVICE, TEAM_MANAGER, PROVIDER)),

  /**
   * Proposing a worker for a contract: adding them to the team it supplies, from their start date
   * (a provider for its own contracts only).
   */
  PROPOSE_WORKERS(EnumSet.of(ADMIN, HEAD_OF_SERVICE, TEAM_MANAGER, PROVIDER)),

  /**
   * A contract's mobilisation: the roster it asks for, who is proposed and who is cleared (a
   * provider its own contracts).
   */
  READ_MOBILISATION(EnumSet.of(ADMIN, HEAD_OF_SERVICE, TEAM_MANAGER, PROVIDER, READ_ONLY)),

  /** Bulk import of workers. */
  IMPORT_WORKERS(EnumSet.of(ADMIN, HEAD_OF_SERVICE)),

  /** Establishment (budgeted posts). */
  EDIT_ESTABLISHMENT(EnumSet.of(ADMIN, HEAD_OF_SERVICE, FINANCE)),

  /** Contracts and their costs: not for case-holding staff (a provider sees its own). */
  READ_MONEY(EnumSet.of(ADMIN, HEAD_OF_SERVICE, FINANCE, READ_ONLY, PROVIDER)),

  /** Contracts, roster changes and invoices. */
  EDIT_MONEY(EnumSet.of(ADMIN, HEAD_OF_SERVICE, FINANCE)),

  /**
   * The council's decisions about contracts and their reports (options, costs, the council's
   * figures): the council's own, not a provider's.
   */
  READ_DECISIONS(EnumSet.of(ADMIN, HEAD_OF_SERVICE, FINANCE, READ_ONLY)),

  /** Timeliness figures, no child's details (a provider sees its own teams'). */
  READ_TIMELINESS(EnumSet.allOf(AccessRole.class)),

  /** A child's case timeline and the lists of children's items: not finance. */
  READ_CASES(EnumSet.of(ADMIN, HEAD_OF_SERVICE, TEAM_MANAGER, SOCIAL_WORKER, READ_ONLY, PROVIDER)),

  /** Importing case activity and children; editing KPI rule sets. */
  EDIT_TIMELINESS(EnumSet.of(ADMIN, HEAD_OF_SERVICE)),

  /** Caseload figures, counts with no child's details (a provider sees its own teams'). */
  READ_CASELOADS(EnumSet.allOf(AccessRole.class)),

  /** Allocating a case to a worker. */
  ALLOCATE(EnumSet.of(ADMIN, HEAD_OF_SERVICE, TEAM_MANAGER)),

  /** Planning a handover (it reads the cases to move). */
  PLAN_HANDOVER(EnumSet.of(ADMIN, HEAD_OF_SERVICE, TEAM_MANAGER, READ_ONLY)),

  /**
   * Capacity projections and exit plans: counts and costs by team and service for the months ahead,
   * no child's details, and a managed team's costs (so not for case-holding staff or providers).
   */
  PLAN_CAPACITY(EnumSet.of(ADMIN, HEAD_OF_SERVICE, FINANCE, READ_ONLY)),

  /** Applying a handover plan. */
  APPLY_HANDOVER(EnumSet.of(ADMIN, HEAD_OF_SERVICE)),

  /** The council's allocation policy. */
  EDIT_POLICY(EnumSet.of(ADMIN, HEAD_OF_SERVICE)),

  /** Accounts, their API tokens and the audit trail. */
  ADMINISTER(EnumSet.of(ADMIN));

  private final Set<AccessRole> roles;

  Capability(Set<AccessRole> roles) {
    this.roles = Collections.unmodifiableSet(roles);
  }

  /** The roles that have this capability. */
  public Set<AccessRole> roles() {
    return roles;
  }

  public boolean allows(AccessRole role) {
    return roles.contains(role);
  }

  /**
   * Whether the person making the current request has it. Someone with no Safeload role (not signed
   * in) has none: every signed-in account has exactly one role.
   */
  public boolean granted() {
    return CurrentUser.role().map(roles::contains).orElse(false);
  }

  /**
   * The name pages know it by, {@code canEditMoney} for {@link #EDIT_MONEY}: the layout gives every
   * page one such flag per capability, to show or hide a button or link.
   */
  public String pageFlag() {
    StringBuilder flag = new StringBuilder("can");
    for (String word : name().split("_")) {
      flag.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return flag.toString();
  }
}
