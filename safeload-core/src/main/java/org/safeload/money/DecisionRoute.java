package org.safeload.money;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** How a decision was taken under the council's constitution. */
public enum DecisionRoute implements Coded {
  DELEGATED("delegated", "Delegated officer decision"),
  EXECUTIVE("executive", "Cabinet or executive member decision"),
  URGENT("urgent", "Urgent decision"),
  GENERAL_EXCEPTION("general-exception", "General exception");

  private final String code;
  private final String label;

  DecisionRoute(String code, String label) {
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

  public static Optional<DecisionRoute> fromCode(String code) {
    return Codes.fromCode(DecisionRoute.class, code);
  }

  public static String codes() {
    return Codes.codes(DecisionRoute.class);
  }
}
