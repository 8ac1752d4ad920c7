package org.safeload.organisation;

import java.util.Arrays;
import java.util.Optional;

/** A council's own team, or a managed team supplied by a provider. */
public enum TeamKind {
  SUBSTANTIVE("substantive", "Substantive"),
  MANAGED("managed", "Managed");

  private final String code;
  private final String label;

  TeamKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<TeamKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }
}
