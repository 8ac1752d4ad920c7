package org.safeload.workforce;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** How a candidate is being recruited. Codes are the ones used in the API. */
public enum RecruitmentRoute implements Coded {
  PERMANENT("permanent", "Permanent"),
  AGENCY("agency", "Agency"),
  /** Recruited from abroad: waits for Social Work England registration before starting. */
  INTERNATIONAL("international", "International");

  private final String code;
  private final String label;

  RecruitmentRoute(String code, String label) {
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

  public static Optional<RecruitmentRoute> fromCode(String code) {
    return Codes.fromCode(RecruitmentRoute.class, code);
  }

  public static String codes() {
    return Codes.codes(RecruitmentRoute.class);
  }
}
