package org.safeload.money;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** What a council decided about a contract. */
public enum DecisionKind implements Coded {
  AWARD("award", "Award"),
  EXTENSION("extension", "Extension"),
  EXERCISE_OPTION("exercise-option", "Exercise an extension option"),
  DECLINE_OPTION("decline-option", "Decline an extension option"),
  TAPER("taper", "Taper"),
  EARLY_EXIT("early-exit", "Early exit"),
  VARIATION("variation", "Variation");

  private final String code;
  private final String label;

  DecisionKind(String code, String label) {
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

  public static Optional<DecisionKind> fromCode(String code) {
    return Codes.fromCode(DecisionKind.class, code);
  }

  public static String codes() {
    return Codes.codes(DecisionKind.class);
  }
}
