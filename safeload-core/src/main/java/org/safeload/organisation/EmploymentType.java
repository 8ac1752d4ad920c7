package org.safeload.organisation;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** How a worker is engaged. Codes are the ones used in files and the API. */
public enum EmploymentType implements Coded {
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

  @Override
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return label;
  }

  /** Employed by the council (DfE "employed" staff, as against agency). */
  public boolean employed() {
    return this == PERMANENT || this == SECONDEE;
  }

  public static Optional<EmploymentType> fromCode(String code) {
    return Codes.fromCode(EmploymentType.class, code);
  }

  public static String codes() {
    return Codes.codes(EmploymentType.class);
  }
}
