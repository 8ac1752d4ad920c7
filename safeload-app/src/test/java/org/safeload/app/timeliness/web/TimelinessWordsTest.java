package org.safeload.app.timeliness.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words pages use for the details of events a return's extract writes. */
class TimelinessWordsTest {

  @Test
  void aMeasuredFromNamesItsRulesInWords() {
    assertThat(TimelinessWords.ruleNames("cp-visit-10wd  rcpc-3m-then-6m"))
        .isEqualTo(
            "Child on a protection plan seen at least every 10 working days; First review"
                + " conference within 3 months of the initial, then every 6 months");
    // A council's own rule keeps its id.
    assertThat(TimelinessWords.ruleNames("visits-monthly")).isEqualTo("visits-monthly");
    assertThat(TimelinessWords.KNOWN_DETAILS.get("strategy-discussion-no-icpc"))
        .isEqualTo("Strategy discussion (no conference needed)");
  }
}
