package org.safeload.timeliness;

import java.util.Arrays;
import java.util.Optional;

/** What happened on a case (or, for supervision, to a worker). Codes are the file's. */
public enum EventType {
  REFERRAL("referral"),
  REFERRAL_DECISION("referral-decision"),
  ALLOCATED("allocated"),
  OVERSIGHT_NOTE("oversight-note"),
  VISIT("visit"),
  VISIT_WRITE_UP("visit-write-up"),
  MEETING("meeting"),
  MINUTES_DISTRIBUTED("minutes-distributed"),
  DOCUMENT_SUBMITTED("document-submitted"),
  ASSESSMENT_COMPLETED("assessment-completed"),
  CASE_TYPE_CHANGED("case-type-changed"),
  TRANSFERRED("transferred"),
  STEPPED_DOWN("stepped-down"),
  CLOSED("closed"),
  SUPERVISION("supervision");

  private static final EventType[] VALUES = values();
  private final String code;

  EventType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static EventType of(int ordinal) {
    return VALUES[ordinal];
  }

  public static Optional<EventType> fromCode(String code) {
    return Arrays.stream(VALUES).filter(t -> t.code.equals(code)).findFirst();
  }

  public static String codes() {
    return String.join(", ", Arrays.stream(VALUES).map(EventType::code).toList());
  }

  /** Events about a worker rather than a case. */
  public boolean workerEvent() {
    return this == SUPERVISION;
  }
}
