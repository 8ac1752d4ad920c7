package org.safeload.app.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Finance adds the issue's example contracts through the API and reads back exactly the figures
 * worked out by hand; records an invoice and a taper; exports OCDS that validates.
 */
@SafeloadSpringTest
class MoneyApiStoryTest {

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts, providers);
  }

  private MockHttpServletRequestBuilder finance(MockHttpServletRequestBuilder request) {
    return request.with(
        httpBasic(TestAccounts.username(AccessRole.FINANCE), TestAccounts.PASSWORD));
  }

  /** The first contract of an example scenario, as a contract document. */
  private static String contractOf(String example, String id) throws Exception {
    String scenario = Files.readString(Path.of("..", "docs", "examples", example));
    String contracts = scenario.substring(scenario.indexOf("contracts:") + "contracts:\n".length());
    int appraisal = contracts.indexOf("appraisal:");
    if (appraisal >= 0) {
      contracts = contracts.substring(0, appraisal);
    }
    return contracts.replaceFirst("  - id: \\S+", "    id: " + id).stripIndent();
  }

  @Test
  void theIssuesExampleGivesExactlyItsFiguresThroughTheApi() throws Exception {
    mvc.perform(
            finance(post("/api/v1/contracts"))
                .contentType("application/yaml")
                .content(contractOf("scenario.yaml", "api-example")))
        .andExpect(status().isCreated());
    mvc.perform(finance(get("/api/v1/contracts/api-example/costs")).param("asOf", "2025-02-01"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.months[0].month").value("2025-01"))
        .andExpect(jsonPath("$.months[0].team").value(58900.00))
        .andExpect(jsonPath("$.months[1].total").value(53200.00))
        .andExpect(jsonPath("$.months[2].team").value(40300.00))
        .andExpect(jsonPath("$.months[2].extras").value(10000.00))
        .andExpect(jsonPath("$.months[2].total").value(50300.00))
        .andExpect(jsonPath("$.total").value(162400.00))
        .andExpect(jsonPath("$.offsets").value(20000.00))
        .andExpect(jsonPath("$.net").value(142400.00))
        .andExpect(jsonPath("$.ceiling").value(170000.00))
        .andExpect(jsonPath("$.headroom").value(7600.00))
        .andExpect(jsonPath("$.keyDecision").value(false));

    // An invoice for January replaces its forecast: 58,000 against 58,900 is −900.
    mvc.perform(
            finance(put("/api/v1/contracts/api-example/invoices/2025-01"))
                .contentType("application/json")
                .content("{\"amount\":\"58000\",\"reference\":\"INV-1\"}"))
        .andExpect(status().isOk());
    mvc.perform(finance(get("/api/v1/contracts/api-example/costs")).param("asOf", "2025-02-01"))
        .andExpect(jsonPath("$.months[0].actual").value(58000.00))
        .andExpect(jsonPath("$.months[0].variance").value(-900.00))
        .andExpect(jsonPath("$.total").value(161500.00));

    // A further taper from 15 March to 1 social worker: 14 days at 1,300 and 17 at 700 =
    // 18,200 + 11,900 = 30,100 in March's team cost.
    mvc.perform(
            finance(post("/api/v1/contracts/api-example/changes"))
                .contentType("application/json")
                .content("{\"from\":\"2025-03-15\",\"role\":\"social-worker\",\"count\":1}"))
        .andExpect(status().isOk());
    mvc.perform(finance(get("/api/v1/contracts/api-example/costs")).param("asOf", "2025-02-01"))
        .andExpect(jsonPath("$.months[2].team").value(30100.00));

    // A bad change names its field.
    String problem =
        mvc.perform(
                finance(post("/api/v1/contracts/api-example/changes"))
                    .contentType("application/json")
                    .content("{\"from\":\"2026-01-01\",\"role\":\"nurse\",\"count\":1}"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // The change is read on its own, so its fields are named as the request names them.
    assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].field")).contains("role");
    String outside =
        mvc.perform(
                finance(post("/api/v1/contracts/api-example/changes"))
                    .contentType("application/json")
                    .content("{\"from\":\"2026-01-01\",\"role\":\"social-worker\",\"count\":1}"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(outside, "$.errors[*].field")).containsExactly("from");
  }

  @Test
  void theTeamUnitExampleThroughTheScenarioEndpoint() throws Exception {
    String scenario = Files.readString(Path.of("..", "docs", "examples", "team-unit.yaml"));
    mvc.perform(
            finance(post("/api/v1/scenarios/evaluate"))
                .contentType("application/yaml")
                .content(scenario))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.contracts[0].months[0].total").value(118857.14))
        .andExpect(jsonPath("$.contracts[0].months[1].total").value(9142.86))
        .andExpect(jsonPath("$.contracts[0].total").value(128000.00))
        .andExpect(jsonPath("$.appraisal[2].annualCostPerCaseHoldingFte").value(138666.67));
  }

  @Test
  void aBadContractDocumentIsRefusedWithLinesAndFields() throws Exception {
    String problem =
        mvc.perform(
                finance(post("/api/v1/contracts"))
                    .contentType("application/yaml")
                    .content(
                        "id: bad\nprovider: P\nstart: 2025-01-01\nend: 2025-01-31\nceiling: lots\nroster:\n  - {role: social-worker, count: 1, rate: {amount: 1, per: day}}\n"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<Object>>read(problem, "$.errors[*]"))
        .extracting(Object::toString)
        .containsExactly(
            "{line=5, field=ceiling, message=must be an amount in pounds, like 1250.50 (not lots)}",
            "{line=7, field=roster[0].rate.per, message=must be one of: calendar-day, working-day, week, month (not day)}");
  }

  @Test
  void theDemoContractExportsOcdsThatValidates() throws Exception {
    String ocds =
        mvc.perform(finance(get("/api/v1/contracts/NBC-BRIGHTPATH-2026/ocds")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(OcdsSchema.errors(ocds)).isEmpty();
    assertThat(JsonPath.<String>read(ocds, "$.releases[0].ocid"))
        .isEqualTo("ocds-safeload-NBC-BRIGHTPATH-2026");
    assertThat(JsonPath.<Double>read(ocds, "$.releases[0].contracts[0].value.amount"))
        .isEqualTo(630000.0); // the 480,000 ceiling + the exercised option's 150,000
    assertThat(JsonPath.<String>read(ocds, "$.releases[0].tender.procurementMethod"))
        .isEqualTo("direct");
    assertThat(JsonPath.<List<String>>read(ocds, "$.releases[0].parties[*].name"))
        .containsExactly("Northbridge Council", "Brightpath Social Work Ltd");
    // And the schema is really checked: a broken package is refused.
    assertThat(OcdsSchema.errors(ocds.replace("\"GBP\"", "\"POUNDS\""))).isNotEmpty();
  }

  @Test
  void theDemoContractTapersAndFlags() throws Exception {
    // By hand: October 2026 forecast 27 days × (450 + 7 × 340 + 160 = 2,990) = 80,730 + mileage
    // 1,200 × 27/31 = 1,045.16; invoiced 81,900 (variance 124.84). February 2027 at 4 social
    // workers: 28 × 1,970 = 55,160.
    mvc.perform(
            finance(get("/api/v1/contracts/NBC-BRIGHTPATH-2026/costs")).param("asOf", "2026-11-23"))
        .andExpect(jsonPath("$.months[0].forecast").value(81775.16))
        .andExpect(jsonPath("$.months[0].variance").value(124.84))
        .andExpect(jsonPath("$.months[4].team").value(55160.00))
        .andExpect(jsonPath("$.keyDecision").value(true))
        .andExpect(jsonPath("$.extensionDecisions[0].daysLeft").value(25));
  }
}
