package org.safeload.money;

import java.util.Optional;

/** Where a contract is in its life. */
public enum ContractStatus {
  PLANNED("planned"),
  ACTIVE("active"),
  EXTENDED("extended"),
  ENDED("ended"),
  TERMINATED("terminated");

  private final String code;

  ContractStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<ContractStatus> fromCode(String code) {
    return Codes.find(ContractStatus.class, ContractStatus::code, code);
  }

  public static String codes() {
    return Codes.list(ContractStatus.class, ContractStatus::code);
  }
}
