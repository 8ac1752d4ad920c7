package org.safeload.app.organisation.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safeload.app.platform.DateParts;
import org.safeload.workforce.VettingFields;

/**
 * The vetting form's boxes: text and choices as typed, dates in the GOV.UK three-box pattern. It
 * turns into the fields {@link VettingFields} reads, so the form and the API share one set of
 * rules.
 */
public class VettingForm {
  private String dbsCertificate = "";
  private String dbsOutcome = "";
  private String dbsUpdateService = "";
  private String dbsCheckedBy = "";
  private String registrationStatus = "";
  private String registrationConditions = "";
  private String pqeOverrideYears = "";
  private String pqeOverrideReason = "";
  private String reference1Role = "";
  private String reference1ByCouncil = "";
  private String reference2Role = "";
  private String reference2ByCouncil = "";
  private String rightToWorkCheckedBy = "";
  private String leftCouncil = "";
  private String leftRegion = "";
  private DateParts dbsIssued = new DateParts();
  private DateParts dbsLastStatusCheck = new DateParts();
  private DateParts registrationCheckedOn = new DateParts();
  private DateParts managerSince = new DateParts();
  private DateParts reference1Received = new DateParts();
  private DateParts reference2Received = new DateParts();
  private DateParts rightToWorkCheckedOn = new DateParts();
  private DateParts rightToWorkExpires = new DateParts();
  private DateParts leftOn = new DateParts();

  /** The form filled from recorded fields (ISO dates become three boxes). */
  static VettingForm of(Map<String, String> fields) {
    VettingForm form = new VettingForm();
    form.dbsCertificate = fields.getOrDefault("dbsCertificate", "");
    form.dbsOutcome = fields.getOrDefault("dbsOutcome", "");
    form.dbsUpdateService = fields.getOrDefault("dbsUpdateService", "");
    form.dbsCheckedBy = fields.getOrDefault("dbsCheckedBy", "");
    form.registrationStatus = fields.getOrDefault("registrationStatus", "");
    form.registrationConditions = fields.getOrDefault("registrationConditions", "");
    form.pqeOverrideYears = fields.getOrDefault("pqeOverrideYears", "");
    form.pqeOverrideReason = fields.getOrDefault("pqeOverrideReason", "");
    form.reference1Role = fields.getOrDefault("reference1Role", "");
    form.reference1ByCouncil = fields.getOrDefault("reference1ByCouncil", "");
    form.reference2Role = fields.getOrDefault("reference2Role", "");
    form.reference2ByCouncil = fields.getOrDefault("reference2ByCouncil", "");
    form.rightToWorkCheckedBy = fields.getOrDefault("rightToWorkCheckedBy", "");
    form.leftCouncil = fields.getOrDefault("leftCouncil", "");
    form.leftRegion = fields.getOrDefault("leftRegion", "");
    form.dbsIssued = parts(fields.get("dbsIssued"));
    form.dbsLastStatusCheck = parts(fields.get("dbsLastStatusCheck"));
    form.registrationCheckedOn = parts(fields.get("registrationCheckedOn"));
    form.managerSince = parts(fields.get("managerSince"));
    form.reference1Received = parts(fields.get("reference1Received"));
    form.reference2Received = parts(fields.get("reference2Received"));
    form.rightToWorkCheckedOn = parts(fields.get("rightToWorkCheckedOn"));
    form.rightToWorkExpires = parts(fields.get("rightToWorkExpires"));
    form.leftOn = parts(fields.get("leftOn"));
    return form;
  }

  /** The boxes as the fields {@link VettingFields#read} takes. */
  Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("dbsCertificate", dbsCertificate);
    f.put("dbsOutcome", dbsOutcome);
    f.put("dbsUpdateService", dbsUpdateService);
    f.put("dbsCheckedBy", dbsCheckedBy);
    f.put("registrationStatus", registrationStatus);
    f.put("registrationConditions", registrationConditions);
    f.put("pqeOverrideYears", pqeOverrideYears);
    f.put("pqeOverrideReason", pqeOverrideReason);
    f.put("reference1Role", reference1Role);
    f.put("reference1ByCouncil", reference1ByCouncil);
    f.put("reference2Role", reference2Role);
    f.put("reference2ByCouncil", reference2ByCouncil);
    f.put("rightToWorkCheckedBy", rightToWorkCheckedBy);
    f.put("leftCouncil", leftCouncil);
    f.put("leftRegion", leftRegion);
    f.put("dbsIssued", dbsIssued.toIso());
    f.put("dbsLastStatusCheck", dbsLastStatusCheck.toIso());
    f.put("registrationCheckedOn", registrationCheckedOn.toIso());
    f.put("managerSince", managerSince.toIso());
    f.put("reference1Received", reference1Received.toIso());
    f.put("reference2Received", reference2Received.toIso());
    f.put("rightToWorkCheckedOn", rightToWorkCheckedOn.toIso());
    f.put("rightToWorkExpires", rightToWorkExpires.toIso());
    f.put("leftOn", leftOn.toIso());
    return f;
  }

  private static DateParts parts(String iso) {
    return iso == null || iso.isEmpty() ? new DateParts() : DateParts.of(LocalDate.parse(iso));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  public String getDbsCertificate() {
    return dbsCertificate;
  }

  public void setDbsCertificate(String value) {
    this.dbsCertificate = orEmpty(value);
  }

  public String getDbsOutcome() {
    return dbsOutcome;
  }

  public void setDbsOutcome(String value) {
    this.dbsOutcome = orEmpty(value);
  }

  public String getDbsUpdateService() {
    return dbsUpdateService;
  }

  public void setDbsUpdateService(String value) {
    this.dbsUpdateService = orEmpty(value);
  }

  public String getDbsCheckedBy() {
    return dbsCheckedBy;
  }

  public void setDbsCheckedBy(String value) {
    this.dbsCheckedBy = orEmpty(value);
  }

  public String getRegistrationStatus() {
    return registrationStatus;
  }

  public void setRegistrationStatus(String value) {
    this.registrationStatus = orEmpty(value);
  }

  public String getRegistrationConditions() {
    return registrationConditions;
  }

  public void setRegistrationConditions(String value) {
    this.registrationConditions = orEmpty(value);
  }

  public String getPqeOverrideYears() {
    return pqeOverrideYears;
  }

  public void setPqeOverrideYears(String value) {
    this.pqeOverrideYears = orEmpty(value);
  }

  public String getPqeOverrideReason() {
    return pqeOverrideReason;
  }

  public void setPqeOverrideReason(String value) {
    this.pqeOverrideReason = orEmpty(value);
  }

  public String getReference1Role() {
    return reference1Role;
  }

  public void setReference1Role(String value) {
    this.reference1Role = orEmpty(value);
  }

  public String getReference1ByCouncil() {
    return reference1ByCouncil;
  }

  public void setReference1ByCouncil(String value) {
    this.reference1ByCouncil = orEmpty(value);
  }

  public String getReference2Role() {
    return reference2Role;
  }

  public void setReference2Role(String value) {
    this.reference2Role = orEmpty(value);
  }

  public String getReference2ByCouncil() {
    return reference2ByCouncil;
  }

  public void setReference2ByCouncil(String value) {
    this.reference2ByCouncil = orEmpty(value);
  }

  public String getRightToWorkCheckedBy() {
    return rightToWorkCheckedBy;
  }

  public void setRightToWorkCheckedBy(String value) {
    this.rightToWorkCheckedBy = orEmpty(value);
  }

  public String getLeftCouncil() {
    return leftCouncil;
  }

  public void setLeftCouncil(String value) {
    this.leftCouncil = orEmpty(value);
  }

  public String getLeftRegion() {
    return leftRegion;
  }

  public void setLeftRegion(String value) {
    this.leftRegion = orEmpty(value);
  }

  public DateParts getDbsIssued() {
    return dbsIssued;
  }

  public void setDbsIssued(DateParts value) {
    this.dbsIssued = value == null ? new DateParts() : value;
  }

  public DateParts getDbsLastStatusCheck() {
    return dbsLastStatusCheck;
  }

  public void setDbsLastStatusCheck(DateParts value) {
    this.dbsLastStatusCheck = value == null ? new DateParts() : value;
  }

  public DateParts getRegistrationCheckedOn() {
    return registrationCheckedOn;
  }

  public void setRegistrationCheckedOn(DateParts value) {
    this.registrationCheckedOn = value == null ? new DateParts() : value;
  }

  public DateParts getManagerSince() {
    return managerSince;
  }

  public void setManagerSince(DateParts value) {
    this.managerSince = value == null ? new DateParts() : value;
  }

  public DateParts getReference1Received() {
    return reference1Received;
  }

  public void setReference1Received(DateParts value) {
    this.reference1Received = value == null ? new DateParts() : value;
  }

  public DateParts getReference2Received() {
    return reference2Received;
  }

  public void setReference2Received(DateParts value) {
    this.reference2Received = value == null ? new DateParts() : value;
  }

  public DateParts getRightToWorkCheckedOn() {
    return rightToWorkCheckedOn;
  }

  public void setRightToWorkCheckedOn(DateParts value) {
    this.rightToWorkCheckedOn = value == null ? new DateParts() : value;
  }

  public DateParts getRightToWorkExpires() {
    return rightToWorkExpires;
  }

  public void setRightToWorkExpires(DateParts value) {
    this.rightToWorkExpires = value == null ? new DateParts() : value;
  }

  public DateParts getLeftOn() {
    return leftOn;
  }

  public void setLeftOn(DateParts value) {
    this.leftOn = value == null ? new DateParts() : value;
  }
}
