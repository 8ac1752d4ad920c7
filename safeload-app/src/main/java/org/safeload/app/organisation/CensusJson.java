package org.safeload.app.organisation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safeload.workforce.WorkforceCensus;
import org.safeload.workforce.WorkforceMeasures;

/**
 * The workforce figures under their pinned JSON keys (docs/workforce.md), one shape for the command
 * line and the API: FTE as numbers to 2 dp, rates in percent to 1 dp or null.
 */
public final class CensusJson {

  private CensusJson() {}

  /** The census's counts and rates. */
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
