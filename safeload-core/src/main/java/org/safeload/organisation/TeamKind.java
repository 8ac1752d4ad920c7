package org.safeload.organisation;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** A council's own team, or a managed team supplied by a provider. */
public enum TeamKind implements Coded {
  SUBSTANTIVE("substantive", "Substantive"),
  MANAGED("managed", "Managed");

  private final String code;
  private final String label;

  TeamKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return label;
  }

  public static Optional<TeamKind> fromCode(String code) {
    return Codes.fromCode(TeamKind.class, code);
  }
}
