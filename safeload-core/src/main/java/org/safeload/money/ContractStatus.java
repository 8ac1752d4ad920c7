package org.safeload.money;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** Where a contract is in its life. */
public enum ContractStatus implements Coded {
  PLANNED("planned", "Planned"),
  ACTIVE("active", "Active"),
  EXTENDED("extended", "Extended"),
  ENDED("ended", "Ended"),
  TERMINATED("terminated", "Terminated");

  private final String code;
  private final String label;

  ContractStatus(String code, String label) {
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

  public static Optional<ContractStatus> fromCode(String code) {
    return Codes.fromCode(ContractStatus.class, code);
  }

  public static String codes() {
    return Codes.codes(ContractStatus.class);
  }
}
