package org.safeload.app.annexa.web;

import java.util.ArrayList;
import java.util.List;
import org.safeload.app.platform.DateParts;

/**
 * The names form: for each team and worker of the workbook's that Safeload has no match for, the
 * one chosen ({@code new}, or a stored id) and, for a new one, its details as typed. Rows carry the
 * workbook's id ({@code T1}, {@code W1}); {@code upload} is the token of the workbook the form was
 * for.
 */
public class NamesForm {

  /** The choice that creates a new worker or team. */
  public static final String NEW = "new";

  private String upload = "";
  private String serviceId = "";
  private List<TeamRow> teams = new ArrayList<>();
  private List<WorkerRow> workers = new ArrayList<>();

  /** A team row: the match chosen, and a new team's service, kind and provider. */
  public static class TeamRow {
    private String ref = "";
    private String choice = "";
    private String serviceId = "";
    private String kind = "";
    private String providerId = "";

    public String getRef() {
      return ref;
    }

    public void setRef(String ref) {
      this.ref = ref == null ? "" : ref;
    }

    public String getChoice() {
      return choice;
    }

    public void setChoice(String choice) {
      this.choice = choice == null ? "" : choice;
    }

    public String getServiceId() {
      return serviceId;
    }

    public void setServiceId(String serviceId) {
      this.serviceId = serviceId == null ? "" : serviceId;
    }

    public String getKind() {
      return kind;
    }

    public void setKind(String kind) {
      this.kind = kind == null ? "" : kind;
    }

    public String getProviderId() {
      return providerId;
    }

    public void setProviderId(String providerId) {
      this.providerId = providerId == null ? "" : providerId;
    }
  }

  /**
   * A worker row: the match chosen, and a new worker's role, employment type, FTE, start date and
   * team (a stored team's id, or {@code wb:T1} for the workbook's team, whatever was chosen for
   * it).
   */
  public static class WorkerRow {
    private String ref = "";
    private String choice = "";
    private String role = "";
    private String employmentType = "";
    private String fte = "";
    private DateParts startDate = new DateParts();
    private DateParts qualificationDate = new DateParts();
    private String sweRegistration = "";
    private String team = "";

    public String getRef() {
      return ref;
    }

    public void setRef(String ref) {
      this.ref = ref == null ? "" : ref;
    }

    public String getChoice() {
      return choice;
    }

    public void setChoice(String choice) {
      this.choice = choice == null ? "" : choice;
    }

    public String getRole() {
      return role;
    }

    public void setRole(String role) {
      this.role = role == null ? "" : role;
    }

    public String getEmploymentType() {
      return employmentType;
    }

    public void setEmploymentType(String employmentType) {
      this.employmentType = employmentType == null ? "" : employmentType;
    }

    public String getFte() {
      return fte;
    }

    public void setFte(String fte) {
      this.fte = fte == null ? "" : fte;
    }

    public DateParts getStartDate() {
      return startDate;
    }

    public void setStartDate(DateParts startDate) {
      this.startDate = startDate == null ? new DateParts() : startDate;
    }

    public DateParts getQualificationDate() {
      return qualificationDate;
    }

    public void setQualificationDate(DateParts qualificationDate) {
      this.qualificationDate = qualificationDate == null ? new DateParts() : qualificationDate;
    }

    public String getSweRegistration() {
      return sweRegistration;
    }

    public void setSweRegistration(String sweRegistration) {
      this.sweRegistration = sweRegistration == null ? "" : sweRegistration;
    }

    public String getTeam() {
      return team;
    }

    public void setTeam(String team) {
      this.team = team == null ? "" : team;
    }
  }

  public String getUpload() {
    return upload;
  }

  public void setUpload(String upload) {
    this.upload = upload == null ? "" : upload;
  }

  /** The service of every new team whose own is not chosen. */
  public String getServiceId() {
    return serviceId;
  }

  public void setServiceId(String serviceId) {
    this.serviceId = serviceId == null ? "" : serviceId;
  }

  public List<TeamRow> getTeams() {
    return teams;
  }

  public void setTeams(List<TeamRow> teams) {
    this.teams = teams;
  }

  public List<WorkerRow> getWorkers() {
    return workers;
  }

  public void setWorkers(List<WorkerRow> workers) {
    this.workers = workers;
  }
}
