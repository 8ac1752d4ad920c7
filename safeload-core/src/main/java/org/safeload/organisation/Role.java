package org.safeload.organisation;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** A worker's role in a team. Codes are the ones used in files and the API. */
public enum Role implements Coded {
  SOCIAL_WORKER("social-worker", "Social worker", true, true),
  ADVANCED_PRACTITIONER("advanced-practitioner", "Advanced practitioner", true, true),
  TEAM_MANAGER("team-manager", "Team manager", false, true),
  BUSINESS_SUPPORT("business-support", "Business support", false, false),
  PROVIDER_MANAGER("provider-manager", "Provider manager", false, true);

  private final String code;
  private final String label;
  private final boolean caseHolding;
  private final boolean registeredSocialWorker;

  Role(String code, String label, boolean caseHolding, boolean registeredSocialWorker) {
    this.code = code;
    this.label = label;
    this.caseHolding = caseHolding;
    this.registeredSocialWorker = registeredSocialWorker;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return label;
  }

  /** Social workers and advanced practitioners hold cases (DfE "case-holding" staff). */
  public boolean caseHolding() {
    return caseHolding;
  }

  /** Roles that must be qualified and registered with Social Work England. */
  public boolean registeredSocialWorker() {
    return registeredSocialWorker;
  }

  public static Optional<Role> fromCode(String code) {
    return Codes.fromCode(Role.class, code);
  }

  public static String codes() {
    return Codes.codes(Role.class);
  }
}
