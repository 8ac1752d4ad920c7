package org.safeload.workforce;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** Where a candidate is in the recruitment pipeline, in the order they pass through it. */
public enum CandidateStage implements Coded {
  APPLIED("applied", "Applied"),
  OFFERED("offered", "Offered"),
  ACCEPTED("accepted", "Accepted"),
  /** An international recruit who has accepted and waits for Social Work England registration. */
  AWAITING_REGISTRATION("awaiting-registration", "Awaiting registration"),
  STARTED("started", "Started"),
  WITHDRAWN("withdrawn", "Withdrawn");

  private final String code;
  private final String label;

  CandidateStage(String code, String label) {
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

  /** Offered, accepted or awaiting registration: expected to start, not started yet. */
  public boolean expectedToStart() {
    return this == OFFERED || this == ACCEPTED || this == AWAITING_REGISTRATION;
  }

  public static Optional<CandidateStage> fromCode(String code) {
    return Codes.fromCode(CandidateStage.class, code);
  }

  public static String codes() {
    return Codes.codes(CandidateStage.class);
  }
}
