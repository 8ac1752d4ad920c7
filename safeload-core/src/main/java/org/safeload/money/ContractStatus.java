package org.safeload.money;

import java.util.Optional;

/** Where a contract is in its life. */
public enum ContractStatus {
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

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<ContractStatus> fromCode(String code) {
    return Codes.find(ContractStatus.class, ContractStatus::code, code);
  }

  public static String codes() {
    return Codes.list(ContractStatus.class, ContractStatus::code);
  }
}
