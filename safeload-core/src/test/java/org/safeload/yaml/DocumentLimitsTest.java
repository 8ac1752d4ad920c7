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

  private static String firstProblem(Runnable read) {
    try {
      read.run();
    } catch (DocumentException e) {
      return e.problems().stream().map(DocumentException::describe).toList().toString();
    }
    throw new AssertionError("expected the document to be refused");
  }

  private static String builtIn(String resource) {
    try (var in = DocumentLimitsTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @org.junit.jupiter.api.Test
  void idsFollowTheOneRuleAndNamesHaveTheirMaximum() {
    String longId = "r".repeat(100);
    String longName = "N".repeat(250);
    String rules =
        builtIn("/org/safeload/timeliness/contract.yaml")
            .replaceFirst("(?m)^(\\s*- id: )oversight-24h", "$1" + longId)
            .replaceFirst("(?m)^name: .*$", "name: " + longName);
    org.assertj.core.api.Assertions.assertThat(firstProblem(() -> KpiRuleSet.read(rules)))
        .contains("id: must be 1 to 64 letters")
        .contains("name: must be at most 200 characters (it has 250)");
    String policy =
        builtIn("/org/safeload/caseload/default.yaml")
            .replaceFirst("(?m)^name: .*$", "name: " + longName);
    org.assertj.core.api.Assertions.assertThat(firstProblem(() -> CaseloadPolicy.read(policy)))
        .contains("name: must be at most 200 characters (it has 250)");
    String contract =
        """
        id: c-1
        provider: %s
        route: framework
        start: 2025-01-06
        end: 2025-02-02
        roster:
          - {role: social-worker, count: 1, rate: {amount: 300, per: working-day}}
        actuals:
          - {month: 2025-01, amount: 100, reference: %s}
        """
            .formatted(longName, "R".repeat(300));
    org.assertj.core.api.Assertions.assertThat(
            firstProblem(() -> ScenarioReader.contract(contract)))
        .contains("provider: must be at most 200 characters (it has 250)")
        .contains("reference: must be at most 200 characters (it has 300)");
  }
}
