package org.safeload.app.access;

import java.util.Arrays;
import java.util.Optional;

/** What a signed-in person may do. Each account has exactly one role. */
public enum AccessRole {
  ADMIN("Administrator"),
  HEAD_OF_SERVICE("Head of service"),
  TEAM_MANAGER("Team manager"),
  SOCIAL_WORKER("Social worker"),
  FINANCE("Finance"),
  PROVIDER("Provider"),
  READ_ONLY("Read only");

  private final String label;

  AccessRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
  public String authority() {
    return "ROLE_" + name();
  }

  public static Optional<AccessRole> fromAuthority(String authority) {
    return Arrays.stream(values()).filter(r -> r.authority().equals(authority)).findFirst();
  }

  public static Optional<AccessRole> fromName(String name) {
    return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
  }
}
