package org.safeload.app.money.web;

import java.util.EnumMap;
import java.util.Map;
import org.safeload.app.platform.DateParts;
import org.safeload.organisation.WorkerField;

/**
 * The proposing form: a worker the provider supplies for a contract (their employment type is
 * managed service and their team the contract's, so neither is asked).
 */
public class ProposalForm {

  private String name = "";
  private String role = "";
  private String fte = "";
  private DateParts startDate = new DateParts();
  private DateParts qualificationDate = new DateParts();
  private String sweRegistration = "";

  /** The fields as text for the core's worker parser. */
  Map<WorkerField, String> raw() {
    Map<WorkerField, String> raw = new EnumMap<>(WorkerField.class);
    for (WorkerField f : WorkerField.values()) {
      raw.put(f, "");
    }
    raw.put(WorkerField.NAME, name);
    raw.put(WorkerField.ROLE, role);
    raw.put(WorkerField.FTE, fte);
    raw.put(WorkerField.START_DATE, startDate.toIso());
    raw.put(WorkerField.QUALIFICATION_DATE, qualificationDate.toIso());
    raw.put(WorkerField.SWE_REGISTRATION, sweRegistration);
    return raw;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getFte() {
    return fte;
  }

  public void setFte(String fte) {
    this.fte = fte;
  }

  public DateParts getStartDate() {
    return startDate;
  }

  public void setStartDate(DateParts startDate) {
    this.startDate = startDate;
  }

  public DateParts getQualificationDate() {
    return qualificationDate;
  }

  public void setQualificationDate(DateParts qualificationDate) {
    this.qualificationDate = qualificationDate;
  }

  public String getSweRegistration() {
    return sweRegistration;
  }

  public void setSweRegistration(String sweRegistration) {
    this.sweRegistration = sweRegistration;
  }
}
