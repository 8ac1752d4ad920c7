package org.safeload.app.access;

import java.util.EnumMap;
import java.util.Map;
import org.safeload.demo.DemoCouncil;

/**
 * One account per role for tests, the provider's tied to the demo's provider, and the team
 * manager's and social worker's linked to a worker of the demo's {@link #TEAM} (so they see that
 * team's children).
 */
public final class TestAccounts {

  public static final String PASSWORD = "password-for-tests";

  /** The team whose children the test team manager and social worker see. */
  public static final String TEAM = "Child Protection Team";

  private TestAccounts() {}

  public static String username(AccessRole role) {
    return username("test", role);
  }

  /** The account for the role among those named {@code prefix-...}. */
  public static String username(String prefix, AccessRole role) {
    return prefix + "-" + role.name().toLowerCase().replace('_', '-');
  }

  /** Creates the accounts if they are not there yet; returns usernames by role. */
  public static Map<AccessRole, String> ensure(UserAccounts accounts, ProviderDirectory providers) {
    return ensure(accounts, providers, "test");
  }

  /**
   * Creates a set of accounts of its own (named {@code prefix-admin}, ...) for a test that signs
   * them in, out or changes them, so that the shared {@code test-...} accounts stay as they are.
   */
  public static Map<AccessRole, String> ensure(
      UserAccounts accounts, ProviderDirectory providers, String prefix) {
    Long brightpath =
        providers.providerNames().entrySet().stream()
            .filter(e -> e.getValue().equals(DemoCouncil.PROVIDER_NAME))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    Map<AccessRole, String> names = new EnumMap<>(AccessRole.class);
    for (AccessRole role : AccessRole.values()) {
      String username = username(prefix, role);
      if (accounts.enabledAccount(username).isEmpty()) {
        accounts.createAsSystem(
            new UserAccounts.NewAccount(
                username,
                "Test " + role.label(),
                PASSWORD,
                role,
                role == AccessRole.PROVIDER ? brightpath : null));
      }
      names.put(role, username);
      if (role == AccessRole.TEAM_MANAGER || role == AccessRole.SOCIAL_WORKER) {
        long id = accounts.enabledAccount(username).orElseThrow().id();
        SystemAccess.call(
            () -> {
              if (accounts.linkedWorker(id).isEmpty()) {
                long worker =
                    accounts.workerChoices().stream()
                        .filter(w -> TEAM.equals(w.teamName()))
                        .findFirst()
                        .orElseThrow()
                        .id();
                accounts.linkWorker(id, worker);
              }
              return null;
            });
      }
    }
    return names;
  }
}
