package org.safeload.app.timeliness.web;

/**
 * A rule set's own fields as typed: its short code, its name, and the set it starts as a copy of.
 */
public class RuleSetForm {

  private String setId = "";
  private String setName = "";
  private String from = "";

  public String getSetId() {
    return setId;
  }

  public void setSetId(String setId) {
    this.setId = setId == null ? "" : setId;
  }

  public String getSetName() {
    return setName;
  }

  public void setSetName(String setName) {
    this.setName = setName == null ? "" : setName;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from == null ? "" : from;
  }
}
