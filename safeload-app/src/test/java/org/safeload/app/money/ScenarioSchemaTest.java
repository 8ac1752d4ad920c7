package org.safeload.app.money;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.demo.DemoCouncil;
import org.safeload.money.ScenarioReader;

/** The published JSON Schema (docs/scenario.schema.json) and the reader agree on the examples. */
class ScenarioSchemaTest {

  private static final Path DOCS = Path.of("..", "docs");
  private static final String ID = "https://safeload.example/schemas/scenario.schema.json";

  private static Schema schema() throws Exception {
    String text = Files.readString(DOCS.resolve("scenario.schema.json"));
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Map.of(ID, text)));
    return registry.getSchema(SchemaLocation.of(ID));
  }

  private static List<String> errors(String yaml) throws Exception {
    return schema().validate(yaml, InputFormat.YAML).stream().map(Object::toString).toList();
  }

  @Test
  void theDocumentedExamplesAndTheDemoContractValidate() throws Exception {
    for (String example :
        List.of("scenario.yaml", "team-unit.yaml", "four-team-tender.yaml", "projection.yaml")) {
      String text = Files.readString(DOCS.resolve("examples").resolve(example));
      assertThat(errors(text)).as(example).isEmpty();
      assertThat(ScenarioReader.scenario(text).contracts()).as(example).hasSize(1);
    }
    String demo =
        "contracts:\n" + ("- " + DemoCouncil.contractDocument().indent(2).substring(2)).indent(2);
    assertThat(errors(demo)).isEmpty();
    assertThat(ScenarioReader.scenario(demo).contracts().getFirst().id())
        .isEqualTo("NBC-BRIGHTPATH-2026");
  }

  @Test
  void theSchemaRefusesWhatTheReaderRefuses() throws Exception {
    String bad =
        """
        contracts:
          - id: x
            provider: P
            start: 2025-01-01
            end: 2025-01-31
            roster:
              - {role: nurse, count: 1, rate: {amount: 300, per: fortnight}}
            colour: blue
        """;
    assertThat(errors(bad)).isNotEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScenarioReader.scenario(bad))
        .isInstanceOf(org.safeload.document.DocumentException.class);
  }

  @Test
  void theSchemaAndTheReaderRefuseAFractionOfAPenny() throws Exception {
    String template =
        """
        contracts:
          - id: x
            provider: P
            start: 2025-01-01
            end: 2025-01-31
            ceiling: CEILING
            roster:
              - {role: social-worker, count: 1, rate: {amount: 0.07, per: calendar-day}}
        """;
    for (String pence : List.of("1000", "1000.5", "1000.55", "'1000.55'")) {
      String ok = template.replace("CEILING", pence);
      assertThat(errors(ok)).as(pence).isEmpty();
      assertThat(ScenarioReader.scenario(ok).contracts()).as(pence).hasSize(1);
    }
    for (String fraction : List.of("1000.555", "'1000.555'", "0.001")) {
      String bad = template.replace("CEILING", fraction);
      assertThat(errors(bad)).as(fraction).isNotEmpty();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScenarioReader.scenario(bad))
          .as(fraction)
          .isInstanceOf(org.safeload.document.DocumentException.class);
    }
  }
}
