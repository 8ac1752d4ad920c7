package org.safeload.app.organisation.web;

import java.util.EnumMap;
import java.util.Map;
import org.safeload.app.platform.DateParts;
import org.safeload.organisation.WorkerDetails;
import org.safeload.organisation.WorkerField;

/** The worker form: text as typed, dates in the GOV.UK three-box pattern. */
public class WorkerForm {
  private String name = "";
  private String role = "";
  private String employmentType = "";
  private String fte = "";
  private DateParts startDate = new DateParts();
  private DateParts endDate = new DateParts();
  private DateParts qualificationDate = new DateParts();
  private DateParts asyeStartDate = new DateParts();
  private String sweRegistration = "";
  private Long teamId;
  private Long candidateId;

  /**
   * The form for a candidate who is starting: their name, role, FTE, team and start date (the
   * expected one, or their expected registration when later), employed as the route says (an agency
   * recruit as agency, the others permanent).
   */
  static WorkerForm of(org.safeload.workforce.Candidate c) {
    WorkerForm form = new WorkerForm();
    form.name = c.name();
    form.role = c.role().code();
    form.employmentType =
        (c.route() == org.safeload.workforce.RecruitmentRoute.AGENCY
                ? org.safeload.organisation.EmploymentType.AGENCY
                : org.safeload.organisation.EmploymentType.PERMANENT)
            .code();
    form.fte = c.fte().stripTrailingZeros().toPlainString();
    form.startDate = DateParts.of(c.likelyStart());
    form.teamId = c.teamId();
    return form;
  }

  /** The candidate this worker is made from (marked started when saved), or null. */
  public Long getCandidateId() {
    return candidateId;
  }

  public void setCandidateId(Long candidateId) {
    this.candidateId = candidateId;
  }

  static WorkerForm of(WorkerDetails d) {
    WorkerForm form = new WorkerForm();
    form.name = d.name();
    form.role = d.role().code();
    form.employmentType = d.employmentType().code();
    form.fte = d.fte().stripTrailingZeros().toPlainString();
    form.startDate = DateParts.of(d.startDate());
    form.endDate = DateParts.of(d.endDate());
    form.qualificationDate = DateParts.of(d.qualificationDate());
    form.asyeStartDate = DateParts.of(d.asyeStartDate());
    form.sweRegistration = d.sweRegistration() == null ? "" : d.sweRegistration();
    return form;
  }

  /** The fields as text for the core parser. */
  Map<WorkerField, String> raw() {
    Map<WorkerField, String> raw = new EnumMap<>(WorkerField.class);
    raw.put(WorkerField.NAME, name);
    raw.put(WorkerField.ROLE, role);
    raw.put(WorkerField.EMPLOYMENT_TYPE, employmentType);
    raw.put(WorkerField.FTE, fte);
    raw.put(WorkerField.START_DATE, startDate.toIso());
    raw.put(WorkerField.END_DATE, endDate.toIso());
    raw.put(WorkerField.QUALIFICATION_DATE, qualificationDate.toIso());
    raw.put(WorkerField.ASYE_START_DATE, asyeStartDate.toIso());
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

  public String getEmploymentType() {
    return employmentType;
  }

  public void setEmploymentType(String employmentType) {
    this.employmentType = employmentType;
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

  public DateParts getEndDate() {
    return endDate;
  }

  public void setEndDate(DateParts endDate) {
    this.endDate = endDate;
  }

  public DateParts getQualificationDate() {
    return qualificationDate;
  }

  public void setQualificationDate(DateParts qualificationDate) {
    this.qualificationDate = qualificationDate;
  }

  public DateParts getAsyeStartDate() {
    return asyeStartDate;
  }

  public void setAsyeStartDate(DateParts asyeStartDate) {
    this.asyeStartDate = asyeStartDate;
  }

  public String getSweRegistration() {
    return sweRegistration;
  }

  public void setSweRegistration(String sweRegistration) {
    this.sweRegistration = sweRegistration;
  }

  public Long getTeamId() {
    return teamId;
  }

  public void setTeamId(Long teamId) {
    this.teamId = teamId;
  }
}
