package org.safeload.workforce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Workforce figures under the keys the command line and the API share (docs/workforce.md), in
 * order, for a JSON writer: FTE to 2 dp, rates in percent to 1 dp or null.
 */
public final class WorkforceKeys {

  private WorkforceKeys() {}

  /** The council's figures: the year, then {@link #figures}. */
  public static Map<String, Object> council(WorkforceCensus.Figures f) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("yearStart", f.yearStart().toString());
    json.put("yearEnd", f.yearEnd().toString());
    json.putAll(figures(f));
    return json;
  }

  /** The figures under the pinned keys. */
  public static Map<String, Object> figures(WorkforceCensus.Figures f) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("inPostFte", fte(f.inPostFte()));
    json.put("inPostHeadcount", f.inPostHeadcount());
    json.put("agencyFte", fte(f.agencyFte()));
    json.put("agencyHeadcount", f.agencyHeadcount());
    json.put("establishmentFte", fte(f.establishmentFte()));
    json.put("vacancyFte", fte(f.vacancyFte()));
    json.put("vacancyRate", f.vacancyRate());
    json.put("agencyRate", f.agencyRate());
    json.put("agencyCoverFte", fte(f.agencyCoverFte()));
    json.put("agencyCoverRate", f.agencyCoverRate());
    json.put("startersFte", fte(f.startersFte()));
    json.put("leaversFte", fte(f.leaversFte()));
    json.put("turnoverRate", f.turnoverRate());
    return json;
  }

  /** The measures beside the counts: caseload, sickness, experience. */
  public static Map<String, Object> measures(WorkforceMeasures m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("casesHeld", m.casesHeld());
    json.put("caseHoldingFte", fte(m.caseHoldingFte()));
    json.put("caseload", m.caseload());
    json.put("daysLost", m.daysLost().setScale(2, RoundingMode.HALF_UP));
    json.put("sicknessDaysPerFte", m.sicknessDaysPerFte());
    json.put("absenceRate", m.absenceRate());
    Map<String, Object> experience = new LinkedHashMap<>();
    for (WorkforceMeasures.Experience band : WorkforceMeasures.Experience.values()) {
      experience.put(
          band.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          fte(m.experience().getOrDefault(band, BigDecimal.ZERO)));
    }
    json.put("experienceFte", experience);
    return json;
  }

  private static BigDecimal fte(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }
}
