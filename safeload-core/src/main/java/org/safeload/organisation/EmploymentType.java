package org.safeload.organisation;

import java.util.Arrays;
import java.util.Optional;

/** How a worker is engaged. Codes are the ones used in files and the API. */
public enum EmploymentType {
  PERMANENT("permanent", "Permanent"),
  AGENCY("agency", "Agency"),
  MANAGED_SERVICE("managed-service", "Managed service"),
  SECONDEE("secondee", "Secondee");

  private final String code;
  private final String label;

  EmploymentType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** Employed by the council (DfE "employed" staff, as against agency). */
  public boolean employed() {
    return this == PERMANENT || this == SECONDEE;
  }

  public static Optional<EmploymentType> fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }

  public static String codes() {
    return String.join(", ", Arrays.stream(values()).map(EmploymentType::code).toList());
  }
}
