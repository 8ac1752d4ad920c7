package org.safeload.timeliness;

import java.util.Arrays;
import java.util.Optional;

/** The kind of work on a case at a time. */
public enum CaseType {
  ASSESSMENT("assessment"),
  CIN("cin"),
  CP("cp"),
  PLO("plo"),
  COURT("court");

  private final String code;

  CaseType(String code) {
    this.code = code;
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
