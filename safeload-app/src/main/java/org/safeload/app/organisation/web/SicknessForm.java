package org.safeload.app.organisation.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safeload.app.platform.DateParts;

/**
 * The sickness absence form's boxes; read by {@link org.safeload.workforce.SicknessAbsence#read},
 * as the API's fields are.
 */
public class SicknessForm {
  private String workingDaysLost = "";
  private String reason = "";
  private DateParts from = new DateParts();
  private DateParts to = new DateParts();

  /** The form filled from recorded fields (ISO dates become three boxes). */
  static SicknessForm of(Map<String, String> fields) {
    SicknessForm form = new SicknessForm();
    form.workingDaysLost = fields.getOrDefault("workingDaysLost", "");
    form.reason = fields.getOrDefault("reason", "");
    form.from = parts(fields.get("from"));
    form.to = parts(fields.get("to"));
    return form;
  }

  /** The boxes as the fields {@link org.safeload.workforce.SicknessAbsence#FIELDS} names. */
  Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("workingDaysLost", workingDaysLost);
    f.put("reason", reason);
    f.put("from", from.toIso());
    f.put("to", to.toIso());
    return f;
  }

  private static DateParts parts(String iso) {
    return iso == null || iso.isEmpty() ? new DateParts() : DateParts.of(LocalDate.parse(iso));
  }

  public String getWorkingDaysLost() {
    return workingDaysLost;
  }

  public void setWorkingDaysLost(String value) {
    this.workingDaysLost = value == null ? "" : value;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String value) {
    this.reason = value == null ? "" : value;
  }

  public DateParts getFrom() {
    return from;
  }

  public void setFrom(DateParts value) {
    this.from = value == null ? new DateParts() : value;
  }

  public DateParts getTo() {
    return to;
  }

  public void setTo(DateParts value) {
    this.to = value == null ? new DateParts() : value;
  }
}
