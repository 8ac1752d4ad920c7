package org.safeload.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditTrailTest {

  @Test
  void theTotalIsWhatThePageShows() {
    assertThat(
            AuditTrail.count(
                "<main><p class=\"govuk-body\" id=\"showing\">Showing 1 to 25 of 12,345"
                    + " entries</p>"))
        .isEqualTo(12_345);
    assertThat(
            AuditTrail.count(
                "<p class=\"govuk-body\" id=\"showing\">Showing 1 to 1 of 1 entry</p>"))
        .isEqualTo(1);
    assertThat(AuditTrail.count("<p class=\"govuk-body\" id=\"showing\">No entries to show</p>"))
        .isZero();
    assertThatThrownBy(() -> AuditTrail.count("<p>Sign in</p>")).isInstanceOf(BenchFailure.class);
  }
}
