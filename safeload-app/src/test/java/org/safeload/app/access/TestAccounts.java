package org.safeload.app.access;

import java.util.EnumMap;
import java.util.Map;
import org.safeload.demo.DemoCouncil;

/** One account per role for tests, the provider's tied to the demo's provider. */
public final class TestAccounts {

  public static final String PASSWORD = "password-for-tests";

  private TestAccounts() {}

  public static String username(AccessRole role) {
    return "test-" + role.name().toLowerCase().replace('_', '-');
  }

  /** Creates the accounts if they are not there yet; returns usernames by role. */
  public static Map<AccessRole, String> ensure(UserAccounts accounts, ProviderDirectory providers) {
    Long brightpath =
        providers.providerNames().entrySet().stream()
            .filter(e -> e.getValue().equals(DemoCouncil.PROVIDER_NAME))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    Map<AccessRole, String> names = new EnumMap<>(AccessRole.class);
    for (AccessRole role : AccessRole.values()) {
      String username = username(role);
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
    }
    return names;
  }
}
