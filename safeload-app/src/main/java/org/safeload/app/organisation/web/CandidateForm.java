package org.safeload.app.organisation.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safeload.app.platform.DateParts;

/**
 * The candidate form's boxes: text and choices as typed, dates in the GOV.UK three-box pattern;
 * read by {@link org.safeload.workforce.Candidate#read}, as the API's fields are.
 */
public class CandidateForm {
  private String name = "";
  private String role = "";
  private String route = "";
  private String stage = "";
  private String teamId = "";
  private String fte = "";
  private DateParts expectedStart = new DateParts();
  private DateParts registrationApplied = new DateParts();
  private DateParts registrationExpected = new DateParts();

  /** The form filled from recorded fields (ISO dates become three boxes). */
  static CandidateForm of(Map<String, String> fields) {
    CandidateForm form = new CandidateForm();
    form.name = fields.getOrDefault("name", "");
    form.role = fields.getOrDefault("role", "");
    form.route = fields.getOrDefault("route", "");
    form.stage = fields.getOrDefault("stage", "");
    form.teamId = fields.getOrDefault("teamId", "");
    form.fte = fields.getOrDefault("fte", "");
    form.expectedStart = parts(fields.get("expectedStart"));
    form.registrationApplied = parts(fields.get("registrationApplied"));
    form.registrationExpected = parts(fields.get("registrationExpected"));
    return form;
  }

  /** The boxes as the fields {@link org.safeload.workforce.Candidate#FIELDS} names. */
  Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("role", role);
    f.put("route", route);
    f.put("stage", stage);
    f.put("teamId", teamId);
    f.put("fte", fte);
    f.put("expectedStart", expectedStart.toIso());
    f.put("registrationApplied", registrationApplied.toIso());
    f.put("registrationExpected", registrationExpected.toIso());
    return f;
  }

  private static DateParts parts(String iso) {
    return iso == null || iso.isEmpty() ? new DateParts() : DateParts.of(LocalDate.parse(iso));
  }

  public String getName() {
    return name;
  }

  public void setName(String value) {
    this.name = value == null ? "" : value;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String value) {
    this.role = value == null ? "" : value;
  }

  public String getRoute() {
    return route;
  }

  public void setRoute(String value) {
    this.route = value == null ? "" : value;
  }

  public String getStage() {
    return stage;
  }

  public void setStage(String value) {
    this.stage = value == null ? "" : value;
  }

  public String getTeamId() {
    return teamId;
  }

  public void setTeamId(String value) {
    this.teamId = value == null ? "" : value;
  }

  public String getFte() {
    return fte;
  }

  public void setFte(String value) {
    this.fte = value == null ? "" : value;
  }

  public DateParts getExpectedStart() {
    return expectedStart;
  }

  public void setExpectedStart(DateParts value) {
    this.expectedStart = value == null ? new DateParts() : value;
  }

  public DateParts getRegistrationApplied() {
    return registrationApplied;
  }

  public void setRegistrationApplied(DateParts value) {
    this.registrationApplied = value == null ? new DateParts() : value;
  }

  public DateParts getRegistrationExpected() {
    return registrationExpected;
  }

  public void setRegistrationExpected(DateParts value) {
    this.registrationExpected = value == null ? new DateParts() : value;
  }
}
