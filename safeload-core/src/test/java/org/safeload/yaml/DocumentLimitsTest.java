package org.safeload.yaml;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.document.DocumentException;
import org.safeload.money.ScenarioReader;
import org.safeload.timeliness.KpiRuleSet;

/**
 * Every document reader refuses an oversized document and a "billion laughs" (aliases nested to
 * expand exponentially) as a problem of the document, quickly, never as an unexpected error.
 */
class DocumentLimitsTest {

  static Stream<Arguments> readers() {
    return Stream.of(
        Arguments.of("rule set", (Function<String, Object>) KpiRuleSet::read),
        Arguments.of("allocation policy", (Function<String, Object>) CaseloadPolicy::read),
        Arguments.of("contract", (Function<String, Object>) ScenarioReader::contract),
        Arguments.of("scenario", (Function<String, Object>) ScenarioReader::scenario));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readers")
  void aDocumentOfFourMegabytesIsRefused(String what, Function<String, Object> reader) {
    String big = "id: big\n# " + "x".repeat(4_000_000) + "\n";
    assertThatThrownBy(() -> reader.apply(big))
        .isInstanceOf(DocumentException.class)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(
                        DocumentException.describe(((DocumentException) e).problems().getFirst()))
                    .startsWith("(document): is larger than 2000000 characters"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readers")
  void aBillionLaughsIsRefused(String what, Function<String, Object> reader) {
    StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int k = 0; k < 9; k++) {
        yaml.append(k == 0 ? "" : ",").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = c;
    }
    assertThatThrownBy(() -> reader.apply(yaml.toString()))
        .isInstanceOf(DocumentException.class)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(
                        DocumentException.describe(((DocumentException) e).problems().getFirst()))
                    .contains("(document): is not valid YAML or JSON")
                    .contains("aliases"));
  }
}
