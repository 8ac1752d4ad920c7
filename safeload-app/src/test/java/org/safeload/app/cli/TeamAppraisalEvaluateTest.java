package org.safeload.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The documented team appraisal example (docs/examples/team-appraisal.yaml) through the evaluate
 * command, as JSON and as a table, with the figures worked out by hand in TeamAppraisalTest: a year
 * of 1 team manager and 6 social workers is £740,000.04 managed, £609,908.00 agency and £375,700.00
 * permanent; and the schema takes the example and refuses a fraction of a penny.
 */
class TeamAppraisalEvaluateTest {

  private static final Path DOCS = Path.of("..", "docs");
  private static final Path EXAMPLE = DOCS.resolve("examples").resolve("team-appraisal.yaml");

  @Test
  void theExampleAsJson() {
    CommandRun run = CommandRun.of("evaluate", EXAMPLE.toString());
    assertThat(run.code()).as(run.err()).isZero();
    String json = run.out();
    assertThat(JsonPath.<List<String>>read(json, "$.teamAppraisal.options[*].kind"))
        .containsExactly("managed-team", "agency", "permanent");
    assertThat(JsonPath.<List<Double>>read(json, "$.teamAppraisal.options[*].total"))
        .containsExactly(740000.04, 609908.0, 375700.0);
    assertThat(JsonPath.<List<Double>>read(json, "$.teamAppraisal.options[*].aboveCheapest"))
        .containsExactly(364300.04, 234208.0, 0.0);
    assertThat(JsonPath.<String>read(json, "$.teamAppraisal.cheapest")).isEqualTo("permanent");
    assertThat(JsonPath.<List<String>>read(json, "$.teamAppraisal.options[1].lines[*].role"))
        .containsExactly("social-worker", "team-manager");
    assertThat(json).contains("\"total\" : 740000.04");
  }

  @Test
  void theExampleAsATable() {
    CommandRun run = CommandRun.of("evaluate", EXAMPLE.toString(), "--format", "table");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Team options appraisal: 6 social workers, 1 team manager, 52 weeks")
        .contains("Permanent staff (cheapest)")
        .containsPattern("Social worker, agency\\s+507,936.00\\s+507,936.00")
        .containsPattern("Total\\s+740,000.04\\s+740,000.04")
        .containsPattern("Total\\s+609,908.00\\s+609,908.00")
        .containsPattern("Total\\s+375,700.00\\s+375,700.00");
  }

  @Test
  void theSchemaTakesTheExampleAndRefusesAFractionOfAPenny() throws Exception {
    String id = "https://safeload.example/schemas/scenario.schema.json";
    var schema =
        SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                b -> {
                  try {
                    b.schemas(Map.of(id, Files.readString(DOCS.resolve("scenario.schema.json"))));
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })
            .getSchema(SchemaLocation.of(id));
    String example = Files.readString(EXAMPLE);
    assertThat(schema.validate(example, InputFormat.YAML)).isEmpty();
    assertThat(schema.validate(example.replace("14230.77", "14230.775"), InputFormat.YAML))
        .isNotEmpty();
    assertThat(
            schema.validate(
                example.replace("period: {weeks: 52}", "period: {weeks: 52, months: 12}"),
                InputFormat.YAML))
        .isNotEmpty();
    assertThat(
            schema.validate(
                example.replace("onCostRate: 0.3", "onCostRate: 1.3"), InputFormat.YAML))
        .isNotEmpty();
  }
}
