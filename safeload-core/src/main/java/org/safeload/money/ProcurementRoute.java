package org.safeload.money;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** How the contract was bought. */
public enum ProcurementRoute implements Coded {
  DIRECT_AWARD("direct-award", "Direct award"),
  FRAMEWORK("framework", "Framework call-off"),
  COMPETITIVE_TENDER("competitive-tender", "Competitive tender"),
  NEUTRAL_VENDOR_SOW("neutral-vendor-sow", "Statement of work under a neutral-vendor contract");

  private final String code;
  private final String label;

  ProcurementRoute(String code, String label) {
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

  public static Optional<ProcurementRoute> fromCode(String code) {
    return Codes.fromCode(ProcurementRoute.class, code);
  }

  public static String codes() {
    return Codes.codes(ProcurementRoute.class);
  }
}
