package org.safeload.app.organisation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The council's warning period for checks falling due is checked when the app starts. */
class VettingSettingsTest {

  @Test
  void aWarningPeriodOutsideOneToAYearStopsTheStartWithTheSettingsName() {
    for (int days : new int[] {0, -5, 366}) {
      assertThatThrownBy(() -> new VettingService(null, null, null, null, null, null, null, days))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "safeload.vetting.expiring-within-days must be from 1 to 365 (not " + days + ")");
    }
  }
}
