package org.safeload.app.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.app.money.appraisal.AppraisalProperties;
import org.safeload.app.money.appraisal.AppraisalSettings;
import org.safeload.organisation.Role;

/**
 * The appraisal's settings: the council's own, else the demo's examples while the demo is on, else
 * none; a setting that makes no sense stops the start with a message naming it.
 */
class AppraisalSettingsTest {

  private static AppraisalProperties figures(String onCost, Map<String, BigDecimal> caps) {
    return new AppraisalProperties(
        "Regional caps 2026-27",
        "North West",
        new AppraisalProperties.Agency(caps, new BigDecimal("3.00"), null, null),
        new AppraisalProperties.Permanent(
            Map.of("social-worker", new BigDecimal("39500")), new BigDecimal(onCost), null));
  }

  @Test
  void theCouncilsOwnFiguresWinAndRolesMayComeWithoutHyphens() {
    AppraisalProperties council = figures("0.3", Map.of("socialworker", new BigDecimal("41.00")));
    AppraisalSettings.Terms terms =
        new AppraisalSettings(council, figures("0.2", Map.of()), true).terms().orElseThrow();
    assertThat(terms.examples()).isFalse();
    assertThat(terms.source()).isEqualTo("Regional caps 2026-27");
    assertThat(terms.agency().hourlyCaps())
        .containsEntry(Role.SOCIAL_WORKER, new BigDecimal("41.00"));
    // Hours and weeks default to 37 and 52; the recruitment cost to 0.
    assertThat(terms.agency().hoursPerWeek()).isEqualByComparingTo("37");
    assertThat(terms.agency().weeksPerYear()).isEqualByComparingTo("52");
    assertThat(terms.permanent().recruitmentCostPerPost()).isEqualByComparingTo("0");
  }

  @Test
  void theDemosExamplesOnlyWithTheDemoAndNothingOtherwise() {
    AppraisalProperties examples = figures("0.3", Map.of("social-worker", new BigDecimal("41")));
    AppraisalProperties unset = new AppraisalProperties(null, null, null, null);
    assertThat(new AppraisalSettings(unset, examples, true).terms().orElseThrow().examples())
        .isTrue();
    assertThat(new AppraisalSettings(unset, examples, false).terms()).isEmpty();
    assertThat(new AppraisalSettings(null, null, true).terms()).isEmpty();
  }

  @Test
  void nonsenseStopsTheStartNamingEverySetting() {
    AppraisalProperties bad =
        figures(
            "1.3", Map.of("nurse", new BigDecimal("41"), "team-manager", new BigDecimal("50.001")));
    assertThatThrownBy(() -> new AppraisalSettings(bad, null, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The team options appraisal's settings are not valid")
        .hasMessageContaining("safeload.appraisal.agency.hourly-caps.nurse is not a role")
        .hasMessageContaining(
            "safeload.appraisal.agency.hourly-caps.team-manager must be pounds and pence, more"
                + " than 0 and at most 500 (not 50.001)")
        .hasMessageContaining(
            "safeload.appraisal.permanent.on-cost-rate must be a share from 0 to 1, like 0.3 for"
                + " 30% (not 1.3)");
    assertThatThrownBy(
            () ->
                new AppraisalSettings(
                    new AppraisalProperties("Mine", null, null, null), null, false))
        .hasMessageContaining("safeload.appraisal.agency is not set")
        .hasMessageContaining("safeload.appraisal.permanent is not set");
  }
}
