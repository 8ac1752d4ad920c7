package org.safeload.timeliness;

import java.util.Arrays;
import java.util.Optional;

/** The kind of work on a case at a time. */
public enum CaseType {
  ASSESSMENT("assessment", "Assessment"),
  CIN("cin", "Child in need"),
  CP("cp", "Child protection"),
  PLO("plo", "Pre-proceedings (PLO)"),
  COURT("court", "Care proceedings (court)");

  private final String code;
  private final String label;

  CaseType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The words for pages ("Child protection"); files and the API keep the code. */
  public String label() {
    return label;
  }

  public String code() {
    return code;
  }

  public static Optional<CaseType> fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }

  public static String codes() {
    return String.join(", ", Arrays.stream(values()).map(CaseType::code).toList());
  }
}
