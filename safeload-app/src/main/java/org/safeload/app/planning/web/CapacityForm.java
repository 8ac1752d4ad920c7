package org.safeload.app.planning.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.safeload.app.planning.CapacityPlans;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.PageDates;
import org.safeload.document.FieldProblem;

/**
 * The projection's settings as typed (query parameters of the pages and the API alike): each one
 * optional, read into {@link CapacityPlans.Settings} with a problem naming the field for anything
 * that is not a number or a date.
 */
public class CapacityForm {

  private String months = "";
  private String runs = "";
  private String seed = "";
  private String target = "";
  private String turnoverPercent = "";
  private String agencyMonthlyRate = "";
  private String recruitTeam = "";
  private String recruitCount = "";
  private String recruitMinWeeks = "";
  private String recruitModeWeeks = "";
  private String recruitMaxWeeks = "";
  private String recruitInductionWeeks = "";
  private String breachLevelPercent = "";
  private String extendMonths = "";
  private String exitOn = "";
  private boolean backfill;

  /** The settings, or every problem with them. */
  CapacityPlans.Settings settings() {
    List<FieldProblem> problems = new ArrayList<>();
    Integer m = whole(months, "months", problems);
    Integer r = whole(runs, "runs", problems);
    Integer s = whole(seed, "seed", problems);
    BigDecimal t = decimal(target, "target", problems);
    BigDecimal turnover = decimal(turnoverPercent, "turnoverPercent", problems);
    BigDecimal agency = decimal(agencyMonthlyRate, "agencyMonthlyRate", problems);
    Integer count = whole(recruitCount, "recruitCount", problems);
    Integer team = whole(recruitTeam, "recruitTeam", problems);
    Integer min = whole(recruitMinWeeks, "recruitMinWeeks", problems);
    Integer mode = whole(recruitModeWeeks, "recruitModeWeeks", problems);
    Integer max = whole(recruitMaxWeeks, "recruitMaxWeeks", problems);
    Integer induction = whole(recruitInductionWeeks, "recruitInductionWeeks", problems);
    BigDecimal level = decimal(breachLevelPercent, "breachLevelPercent", problems);
    Integer extend = whole(extendMonths, "extendMonths", problems);
    LocalDate exit = null;
    if (!exitOn.isBlank()) {
      exit = PageDates.parse(exitOn).orElse(null);
      if (exit == null) {
        problems.add(FieldProblem.of("exitOn", "Enter a real date, for example 31/3/2027"));
      }
    }
    CapacityPlans.Recruits recruits = null;
    if (count != null && count > 0) {
      if (min == null || mode == null || max == null) {
        problems.add(
            FieldProblem.of(
                "recruitMinWeeks",
                "Enter the shortest, most likely and longest wait for registration, in weeks"));
      } else {
        recruits =
            new CapacityPlans.Recruits(
                team == null ? null : team.longValue(),
                count,
                min,
                mode,
                max,
                induction == null ? 0 : induction);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The projection cannot be made", problems);
    }
    return new CapacityPlans.Settings(
        m,
        r,
        s == null ? null : s.longValue(),
        t,
        turnover,
        agency,
        recruits,
        level,
        extend,
        exit,
        backfill);
  }

  private static Integer whole(String text, String field, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of(field, "Enter a whole number"));
      return null;
    }
  }

  private static BigDecimal decimal(String text, String field, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      BigDecimal v =
          new BigDecimal(text.strip().replace(",", "").replace("£", "").replace("%", ""));
      // A number a person types: no more than 12 digits before the point or 6 after it.
      if (v.scale() > 6 || v.precision() - v.scale() > 12) {
        problems.add(FieldProblem.of(field, "Enter a number of up to 12 digits"));
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of(field, "Enter a number"));
      return null;
    }
  }

  private static String blank(String s) {
    return s == null ? "" : s;
  }

  public String getMonths() {
    return months;
  }

  public void setMonths(String v) {
    months = blank(v);
  }

  public String getRuns() {
    return runs;
  }

  public void setRuns(String v) {
    runs = blank(v);
  }

  public String getSeed() {
    return seed;
  }

  public void setSeed(String v) {
    seed = blank(v);
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String v) {
    target = blank(v);
  }

  public String getTurnoverPercent() {
    return turnoverPercent;
  }

  public void setTurnoverPercent(String v) {
    turnoverPercent = blank(v);
  }

  public String getAgencyMonthlyRate() {
    return agencyMonthlyRate;
  }

  public void setAgencyMonthlyRate(String v) {
    agencyMonthlyRate = blank(v);
  }

  public String getRecruitTeam() {
    return recruitTeam;
  }

  public void setRecruitTeam(String v) {
    recruitTeam = blank(v);
  }

  public String getRecruitCount() {
    return recruitCount;
  }

  public void setRecruitCount(String v) {
    recruitCount = blank(v);
  }

  public String getRecruitMinWeeks() {
    return recruitMinWeeks;
  }

  public void setRecruitMinWeeks(String v) {
    recruitMinWeeks = blank(v);
  }

  public String getRecruitModeWeeks() {
    return recruitModeWeeks;
  }

  public void setRecruitModeWeeks(String v) {
    recruitModeWeeks = blank(v);
  }

  public String getRecruitMaxWeeks() {
    return recruitMaxWeeks;
  }

  public void setRecruitMaxWeeks(String v) {
    recruitMaxWeeks = blank(v);
  }

  public String getRecruitInductionWeeks() {
    return recruitInductionWeeks;
  }

  public void setRecruitInductionWeeks(String v) {
    recruitInductionWeeks = blank(v);
  }

  public String getBreachLevelPercent() {
    return breachLevelPercent;
  }

  public void setBreachLevelPercent(String v) {
    breachLevelPercent = blank(v);
  }

  public String getExtendMonths() {
    return extendMonths;
  }

  public void setExtendMonths(String v) {
    extendMonths = blank(v);
  }

  public boolean isBackfill() {
    return backfill;
  }

  public void setBackfill(boolean v) {
    backfill = v;
  }

  public String getExitOn() {
    return exitOn;
  }

  public void setExitOn(String v) {
    exitOn = blank(v);
  }
}
