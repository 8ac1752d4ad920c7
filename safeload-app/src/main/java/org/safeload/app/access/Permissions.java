package org.safeload.app.access;

/**
 * Who may do what, as method-security expressions: one place for each rule, used by the services
 * that the pages, the API and the command line all call.
 */
public final class Permissions {

  /** Any signed-in role may read the organisation (a provider only its own teams). */
  public static final String READ_ORGANISATION = "isAuthenticated()";

  /** Services, teams and providers: the head of service (and the administrator). */
  public static final String EDIT_STRUCTURE = "hasAnyRole('ADMIN','HEAD_OF_SERVICE')";

  /** Workers' records and moves: also team managers. */
  public static final String EDIT_WORKERS = "hasAnyRole('ADMIN','HEAD_OF_SERVICE','TEAM_MANAGER')";

  /** Bulk import of workers. */
  public static final String IMPORT_WORKERS = "hasAnyRole('ADMIN','HEAD_OF_SERVICE')";

  /** Establishment (budgeted posts): also finance. */
  public static final String EDIT_ESTABLISHMENT = "hasAnyRole('ADMIN','HEAD_OF_SERVICE','FINANCE')";

  /** Contracts and their costs: not for case-holding staff (a provider sees its own). */
  public static final String READ_MONEY =
      "hasAnyRole('ADMIN','HEAD_OF_SERVICE','FINANCE','READ_ONLY','PROVIDER')";

  /** Contracts, roster changes and invoices. */
  public static final String EDIT_MONEY = "hasAnyRole('ADMIN','HEAD_OF_SERVICE','FINANCE')";

  /** Timeliness figures (no child's details): every role but a provider, who sees its own. */
  public static final String READ_TIMELINESS = "isAuthenticated()";

  /** A child's case timeline and the lists of overdue items: not finance. */
  public static final String READ_CASES =
      "hasAnyRole('ADMIN','HEAD_OF_SERVICE','TEAM_MANAGER','SOCIAL_WORKER','READ_ONLY','PROVIDER')";

  /** Importing case activity and editing KPI rule sets. */
  public static final String EDIT_TIMELINESS = "hasAnyRole('ADMIN','HEAD_OF_SERVICE')";

  /** Caseload figures (counts, no child's details): every role; a provider sees its own teams. */
  public static final String READ_CASELOADS = "isAuthenticated()";

  /** Allocating a case to a worker. */
  public static final String ALLOCATE = "hasAnyRole('ADMIN','HEAD_OF_SERVICE','TEAM_MANAGER')";

  /** Planning a handover (it reads the cases to move). */
  public static final String PLAN_HANDOVER =
      "hasAnyRole('ADMIN','HEAD_OF_SERVICE','TEAM_MANAGER','READ_ONLY')";

  /** Applying a handover plan, and editing the council's allocation policy. */
  public static final String APPLY_HANDOVER = "hasAnyRole('ADMIN','HEAD_OF_SERVICE')";

  /** The council's allocation policy. */
  public static final String EDIT_POLICY = "hasAnyRole('ADMIN','HEAD_OF_SERVICE')";

  /** Accounts and the audit trail. */
  public static final String ADMINISTER = "hasRole('ADMIN')";

  private Permissions() {}

  public static boolean canEditStructure() {
    return CurrentUser.hasRole(AccessRole.ADMIN, AccessRole.HEAD_OF_SERVICE);
  }

  public static boolean canEditWorkers() {
    return CurrentUser.hasRole(
        AccessRole.ADMIN, AccessRole.HEAD_OF_SERVICE, AccessRole.TEAM_MANAGER);
  }

  public static boolean canImportWorkers() {
    return canEditStructure();
  }

  public static boolean canEditEstablishment() {
    return CurrentUser.hasRole(AccessRole.ADMIN, AccessRole.HEAD_OF_SERVICE, AccessRole.FINANCE);
  }

  public static boolean canReadMoney() {
    return CurrentUser.hasRole(
        AccessRole.ADMIN,
        AccessRole.HEAD_OF_SERVICE,
        AccessRole.FINANCE,
        AccessRole.READ_ONLY,
        AccessRole.PROVIDER);
  }

  public static boolean canEditMoney() {
    return CurrentUser.hasRole(AccessRole.ADMIN, AccessRole.HEAD_OF_SERVICE, AccessRole.FINANCE);
  }

  public static boolean canReadCases() {
    return CurrentUser.hasRole(
        AccessRole.ADMIN,
        AccessRole.HEAD_OF_SERVICE,
        AccessRole.TEAM_MANAGER,
        AccessRole.SOCIAL_WORKER,
        AccessRole.READ_ONLY,
        AccessRole.PROVIDER);
  }

  public static boolean canEditTimeliness() {
    return CurrentUser.hasRole(AccessRole.ADMIN, AccessRole.HEAD_OF_SERVICE);
  }

  public static boolean canAllocate() {
    return canEditWorkers();
  }

  public static boolean canPlanHandover() {
    return CurrentUser.hasRole(
        AccessRole.ADMIN,
        AccessRole.HEAD_OF_SERVICE,
        AccessRole.TEAM_MANAGER,
        AccessRole.READ_ONLY);
  }

  public static boolean canApplyHandover() {
    return canEditStructure();
  }

  /** The council's allocation policy ({@link #EDIT_POLICY}). */
  public static boolean canEditPolicy() {
    return CurrentUser.hasRole(AccessRole.ADMIN, AccessRole.HEAD_OF_SERVICE);
  }

  public static boolean canAdminister() {
    return CurrentUser.hasRole(AccessRole.ADMIN);
  }
}
