package org.safeload.app.timeliness.web;

import java.util.ArrayList;
import java.util.List;
import org.safeload.timeliness.CaseType;
import org.safeload.timeliness.KpiRule;

/**
 * One KPI rule as typed into its form: every field as text, as the core {@link KpiRule} has them
 * (its short code and name, its shape, the event that starts the clock and the one that must
 * follow, the time limit and its unit, the first interval, the case types, who owes it, the goal).
 * Nothing is checked here: {@link RuleSetDocument} writes the fields into the rule set's YAML and
 * the core reads that, the one validation for forms, the YAML page and the API.
 */
public class RuleForm {

  public static final String AFTER = "after";
  public static final String BEFORE_DUE = "before-due";
  public static final String RECURRING = "recurring";

  private String ruleId = "";
  private String name = "";
  private String kind = AFTER;
  private String anchorType = "";
  private List<String> anchorDetails = new ArrayList<>();
  private String anchorOther = "";
  private String targetType = "";
  private List<String> targetDetails = new ArrayList<>();
  private String targetOther = "";
  private boolean byRef;
  private String amount = "";
  private String unit = KpiRule.Unit.WORKING_DAYS.key();
  private String firstAmount = "";
  private String firstUnit = KpiRule.Unit.WORKING_DAYS.key();
  private List<String> caseTypes = new ArrayList<>();
  private String scope = "case";
  private String goal = "";

  /** The form filled in from a rule that is valid. */
  public static RuleForm of(KpiRule rule) {
    RuleForm f = new RuleForm();
    f.ruleId = rule.id();
    f.name = rule.name();
    f.kind =
        switch (rule.kind()) {
          case AFTER -> AFTER;
          case BEFORE_DUE -> BEFORE_DUE;
          case RECURRING -> RECURRING;
        };
    if (rule.anchor() != null) {
      f.anchorType = rule.anchor().type().code();
      f.anchorDetails = known(rule.anchor().details());
      f.anchorOther = other(rule.anchor().details());
    }
    if (rule.target() != null) {
      f.targetType = rule.target().type().code();
      f.targetDetails = known(rule.target().details());
      f.targetOther = other(rule.target().details());
    }
    f.byRef = rule.byRef();
    if (rule.window() != null) {
      f.amount = String.valueOf(rule.window().amount());
      f.unit = rule.window().unit().key();
    }
    if (rule.first() != null) {
      f.firstAmount = String.valueOf(rule.first().amount());
      f.firstUnit = rule.first().unit().key();
    }
    f.caseTypes =
        new ArrayList<>(rule.whileCaseTypes().stream().sorted().map(CaseType::code).toList());
    f.scope = rule.perWorker() ? "worker" : "case";
    f.goal = rule.goal() == null ? "" : rule.goal().toPlainString();
    return f;
  }

  private static List<String> known(java.util.Set<String> details) {
    return new ArrayList<>(
        details.stream().filter(TimelinessWords.KNOWN_DETAILS::containsKey).toList());
  }

  private static String other(java.util.Set<String> details) {
    return String.join(
        ", ", details.stream().filter(d -> !TimelinessWords.KNOWN_DETAILS.containsKey(d)).toList());
  }

  /** The details ticked and typed, in order, without blanks or repeats. */
  static List<String> details(List<String> ticked, String other) {
    List<String> all = new ArrayList<>();
    for (String d : ticked == null ? List.<String>of() : ticked) {
      if (d != null && !d.isBlank() && !all.contains(d.strip())) {
        all.add(d.strip());
      }
    }
    for (String d : (other == null ? "" : other).split(",")) {
      if (!d.isBlank() && !all.contains(d.strip())) {
        all.add(d.strip());
      }
    }
    return all;
  }

  public String getRuleId() {
    return ruleId;
  }

  public void setRuleId(String ruleId) {
    this.ruleId = ruleId == null ? "" : ruleId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name == null ? "" : name;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind == null ? "" : kind;
  }

  public String getAnchorType() {
    return anchorType;
  }

  public void setAnchorType(String anchorType) {
    this.anchorType = anchorType == null ? "" : anchorType;
  }

  public List<String> getAnchorDetails() {
    return anchorDetails;
  }

  public void setAnchorDetails(List<String> anchorDetails) {
    this.anchorDetails = anchorDetails == null ? new ArrayList<>() : anchorDetails;
  }

  public String getAnchorOther() {
    return anchorOther;
  }

  public void setAnchorOther(String anchorOther) {
    this.anchorOther = anchorOther == null ? "" : anchorOther;
  }

  public String getTargetType() {
    return targetType;
  }

  public void setTargetType(String targetType) {
    this.targetType = targetType == null ? "" : targetType;
  }

  public List<String> getTargetDetails() {
    return targetDetails;
  }

  public void setTargetDetails(List<String> targetDetails) {
    this.targetDetails = targetDetails == null ? new ArrayList<>() : targetDetails;
  }

  public String getTargetOther() {
    return targetOther;
  }

  public void setTargetOther(String targetOther) {
    this.targetOther = targetOther == null ? "" : targetOther;
  }

  public boolean isByRef() {
    return byRef;
  }

  public void setByRef(boolean byRef) {
    this.byRef = byRef;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount == null ? "" : amount;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit == null ? "" : unit;
  }

  public String getFirstAmount() {
    return firstAmount;
  }

  public void setFirstAmount(String firstAmount) {
    this.firstAmount = firstAmount == null ? "" : firstAmount;
  }

  public String getFirstUnit() {
    return firstUnit;
  }

  public void setFirstUnit(String firstUnit) {
    this.firstUnit = firstUnit == null ? "" : firstUnit;
  }

  public List<String> getCaseTypes() {
    return caseTypes;
  }

  public void setCaseTypes(List<String> caseTypes) {
    this.caseTypes = caseTypes == null ? new ArrayList<>() : caseTypes;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope == null ? "" : scope;
  }

  public String getGoal() {
    return goal;
  }

  public void setGoal(String goal) {
    this.goal = goal == null ? "" : goal;
  }
}
