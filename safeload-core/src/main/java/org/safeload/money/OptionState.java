package org.safeload.money;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** Where an extension option stands: still to decide, taken, or let go. */
public enum OptionState implements Coded {
  OPEN("open", "Open"),
  EXERCISED("exercised", "Exercised"),
  DECLINED("declined", "Declined");

  private final String code;
  private final String label;

  OptionState(String code, String label) {
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

  public static Optional<OptionState> fromCode(String code) {
    return Codes.fromCode(OptionState.class, code);
  }

  public static String codes() {
    return Codes.codes(OptionState.class);
  }
}
