package org.safeload.money;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** The decision reports Safeload writes. */
public enum ReportType implements Coded {
  AWARD("award", "Award report"),
  EXTENSION("extension", "Extension report"),
  EXIT("exit", "Exit report");

  private final String code;
  private final String label;

  ReportType(String code, String label) {
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

  public static Optional<ReportType> fromCode(String code) {
    return Codes.fromCode(ReportType.class, code);
  }

  public static String codes() {
    return Codes.codes(ReportType.class);
  }

  /** The report a decision of a kind calls for. */
  public static ReportType of(DecisionKind kind) {
    return switch (kind) {
      case AWARD, VARIATION -> AWARD;
      case EXTENSION, EXERCISE_OPTION, DECLINE_OPTION -> EXTENSION;
      case TAPER, EARLY_EXIT -> EXIT;
    };
  }
}
