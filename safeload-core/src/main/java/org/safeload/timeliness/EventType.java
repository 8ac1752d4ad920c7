package org.safeload.timeliness;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** What happened on a case (or, for supervision, to a worker). Codes are the file's. */
public enum EventType implements Coded {
  REFERRAL("referral", "Referral"),
  REFERRAL_DECISION("referral-decision", "Referral decision"),
  ALLOCATED("allocated", "Allocated to a worker"),
  OVERSIGHT_NOTE("oversight-note", "Management oversight note"),
  VISIT("visit", "Visit"),
  VISIT_WRITE_UP("visit-write-up", "Visit written up"),
  MEETING("meeting", "Meeting"),
  MINUTES_DISTRIBUTED("minutes-distributed", "Minutes sent out"),
  DOCUMENT_SUBMITTED("document-submitted", "Document submitted"),
  ASSESSMENT_COMPLETED("assessment-completed", "Assessment completed"),
  CASE_TYPE_CHANGED("case-type-changed", "Case type changed"),
  TRANSFERRED("transferred", "Transferred"),
  STEPPED_DOWN("stepped-down", "Stepped down"),
  CLOSED("closed", "Closed"),
  SUPERVISION("supervision", "Supervision"),
  /**
   * From this instant on, the rules named in the detail (rule ids, separated by spaces) are
   * measured on this case; what came before is not (an extract that holds only a latest visit).
   */
  MEASURED_FROM("measured-from", "Measured from");

  private static final EventType[] VALUES = values();
  private final String code;
  private final String label;

  EventType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The words for pages ("Visit written up"); files and the API keep the code. */
  @Override
  public String label() {
    return label;
  }

  @Override
  public String code() {
    return code;
  }

  public static EventType of(int ordinal) {
    return VALUES[ordinal];
  }

  public static Optional<EventType> fromCode(String code) {
    return Codes.fromCode(EventType.class, code);
  }

  public static String codes() {
    return Codes.codes(EventType.class);
  }

  /** Events about a worker rather than a case. */
  public boolean workerEvent() {
    return this == SUPERVISION;
  }
}
