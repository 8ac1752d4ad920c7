package org.safeload.organisation;

/** The fields of a worker, with their names in the API (JSON) and in the import file (CSV). */
public enum WorkerField {
  NAME("name", "name", "Name"),
  ROLE("role", "role", "Role"),
  EMPLOYMENT_TYPE("employmentType", "employment_type", "Employment type"),
  FTE("fte", "fte", "FTE"),
  START_DATE("startDate", "start_date", "Start date"),
  END_DATE("endDate", "end_date", "End date"),
  QUALIFICATION_DATE("qualificationDate", "qualification_date", "Qualification date"),
  ASYE_START_DATE("asyeStartDate", "asye_start_date", "ASYE start date"),
  SWE_REGISTRATION("sweRegistration", "swe_registration", "Social Work England registration"),
  TEAM("teamId", "team", "Team");

  private final String jsonName;
  private final String csvName;
  private final String label;

  WorkerField(String jsonName, String csvName, String label) {
    this.jsonName = jsonName;
    this.csvName = csvName;
    this.label = label;
  }

  public String jsonName() {
    return jsonName;
  }

  public String csvName() {
    return csvName;
  }

  public String label() {
    return label;
  }
}
