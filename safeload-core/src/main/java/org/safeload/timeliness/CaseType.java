package org.safeload.timeliness;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** The kind of work on a case at a time. */
public enum CaseType implements Coded {
  ASSESSMENT("assessment", "Assessment"),
  CIN("cin", "Child in need"),
  CP("cp", "Child protection"),
  PLO("plo", "Pre-proceedings (PLO)"),
  COURT("court", "Care proceedings (court)"),
  CLA("cla", "Looked after (in care)");

  private final String code;
  private final String label;

  CaseType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The words for pages ("Child protection"); files and the API keep the code. */
  @Override
  public String label() {
    return label;
  }

  @Override
  public String code() {
    return code;
  }

  public static Optional<CaseType> fromCode(String code) {
    return Codes.fromCode(CaseType.class, code);
  }

  public static String codes() {
    return Codes.codes(CaseType.class);
  }
}
