package org.safeload.money;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** A test of the council's key-decision rule: what is compared with the threshold. */
public enum KeyDecisionTest implements Coded {
  VALUE("value", "The decision's value"),
  POTENTIAL_VALUE("potential-value", "The contract's potential value with its options"),
  LINKED_AWARDS("linked-awards", "The sum of linked awards");

  private final String code;
  private final String label;

  KeyDecisionTest(String code, String label) {
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

  public static Optional<KeyDecisionTest> fromCode(String code) {
    return Codes.fromCode(KeyDecisionTest.class, code);
  }

  public static String codes() {
    return Codes.codes(KeyDecisionTest.class);
  }
}
