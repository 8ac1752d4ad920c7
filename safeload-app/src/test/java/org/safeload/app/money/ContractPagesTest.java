package org.safeload.app.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The contract pages: the example's figures, the monthly table, the chart, invoices and changes.
 */
@SafeloadSpringTest
class ContractPagesTest {

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts, providers);
  }

  private MvcResult as(AccessRole role, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic(TestAccounts.username(role), TestAccounts.PASSWORD)))
        .andReturn();
  }

  private Document page(AccessRole role, String url) throws Exception {
    MvcResult result = as(role, get(url));
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  @Test
  void theIssuesExampleGivesItsFiguresOnThePage() throws Exception {
    String scenario = Files.readString(Path.of("..", "docs", "examples", "scenario.yaml"));
    String document =
        scenario
            .substring(scenario.indexOf("  - id: example"))
            .replace("  - id: example", "    id: page-example")
            .stripIndent();
    MvcResult created =
        as(AccessRole.FINANCE, post("/contracts/new").param("document", document).with(csrf()));
    assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/contracts/page-example");

    Document page = page(AccessRole.FINANCE, "/contracts/page-example?asOf=2025-02-01");
    assertThat(page.select("#months tbody tr").eachText())
        .containsExactly(
            "2025-01 58,900.00 0.00 58,900.00 58,900.00",
            "2025-02 53,200.00 0.00 53,200.00 53,200.00",
            "2025-03 40,300.00 10,000.00 50,300.00 50,300.00");
    assertThat(page.selectFirst("#total").text()).isEqualTo("£162,400.00");
    assertThat(page.selectFirst("#offsets").text()).isEqualTo("£20,000.00");
    assertThat(page.selectFirst("#net").text()).isEqualTo("£142,400.00");
    assertThat(page.selectFirst("#headroom").text()).isEqualTo("£7,600.00");
    assertThat(page.select("#potential .govuk-tag")).isEmpty(); // not a key decision
    // The chart: three monthly points against the ceiling line.
    assertThat(page.select("#spend-chart circle")).hasSize(3);
    assertThat(page.select("#spend-chart line[stroke-dasharray]")).hasSize(1);
    assertThat(page.select("#spend-chart circle title").eachText())
        .containsExactly("2025-01: £58,900.00", "2025-02: £112,100.00", "2025-03: £162,400.00");
  }

  @Test
  void theTeamUnitExampleGivesItsFiguresOnThePage() throws Exception {
    String scenario = Files.readString(Path.of("..", "docs", "examples", "team-unit.yaml"));
    String document =
        scenario
            .substring(scenario.indexOf("  - id: team-unit"), scenario.indexOf("appraisal:"))
            .replace("  - id: team-unit", "    id: page-team-unit")
            .stripIndent();
    as(AccessRole.HEAD_OF_SERVICE, post("/contracts/new").param("document", document).with(csrf()));
    Document page = page(AccessRole.HEAD_OF_SERVICE, "/contracts/page-team-unit");
    assertThat(page.select("#months tbody tr").eachText())
        .containsExactly(
            "2025-01 118,857.14 0.00 118,857.14 118,857.14",
            "2025-02 9,142.86 0.00 9,142.86 9,142.86");
    assertThat(page.selectFirst("#total").text()).isEqualTo("£128,000.00");
    assertThat(page.selectFirst("#team-unit").text())
        .isEqualTo("2 team(s) at £16,000.00 per team-week, each of 7 people");
  }

  @Test
  void financeRecordsAnInvoiceAndATaper() throws Exception {
    MvcResult bad =
        as(
            AccessRole.FINANCE,
            post("/contracts/NBC-BRIGHTPATH-2026/invoices")
                .param("month", "2026-11")
                .param("amount", "ninety")
                .with(csrf()));
    Document errors = Jsoup.parse(bad.getResponse().getContentAsString());
    assertThat(errors.select(".govuk-error-summary a").eachAttr("href"))
        .containsExactly("#invoice-amount");
    assertThat(errors.selectFirst("#invoice-amount-error").text())
        .contains("must be an amount in pounds");

    MvcResult good =
        as(
            AccessRole.FINANCE,
            post("/contracts/NBC-BRIGHTPATH-2026/invoices")
                .param("month", "2026-11")
                .param("amount", "90000")
                .param("reference", "BP-2026-11")
                .with(csrf()));
    assertThat(good.getResponse().getRedirectedUrl()).isEqualTo("/contracts/NBC-BRIGHTPATH-2026");
    Document page = page(AccessRole.FINANCE, "/contracts/NBC-BRIGHTPATH-2026");
    // November 2026 forecast: 30 × 2,990 + 1,200 mileage = 90,900; invoiced 90,000: −900.
    assertThat(page.selectFirst("#months tr[data-month=2026-11]").text())
        .isEqualTo("2026-11 89,700.00 1,200.00 90,900.00 90,000.00 -900.00 90,000.00");

    MvcResult change =
        as(
            AccessRole.FINANCE,
            post("/contracts/NBC-BRIGHTPATH-2026/changes")
                .param("from.day", "15")
                .param("from.month", "3")
                .param("from.year", "2027")
                .param("role", "social-worker")
                .param("count", "1")
                .with(csrf()));
    assertThat(change.getResponse().getRedirectedUrl()).isEqualTo("/contracts/NBC-BRIGHTPATH-2026");
    assertThat(
            page(AccessRole.FINANCE, "/contracts/NBC-BRIGHTPATH-2026")
                .select("#changes li")
                .eachText())
        .contains("From 15 March 2027: 1 social worker(s)");
  }

  @Test
  void readOnlySeesTheMoneyButNoForms() throws Exception {
    Document page = page(AccessRole.READ_ONLY, "/contracts/NBC-BRIGHTPATH-2026");
    assertThat(page.select("form[action$=/invoices]")).isEmpty();
    assertThat(page.select("[data-flag=key-decision]")).hasSize(1);
    assertThat(page(AccessRole.READ_ONLY, "/contracts").select("#contracts tbody tr")).isNotEmpty();
    assertThat(as(AccessRole.TEAM_MANAGER, get("/contracts")).getResponse().getStatus())
        .isEqualTo(403);
  }

  @Test
  void aBadDocumentOnTheNewContractPageListsEveryProblem() throws Exception {
    Document page =
        Jsoup.parse(
            as(
                    AccessRole.FINANCE,
                    post("/contracts/new")
                        .param("document", "id: x\nprovider: P\nstart: soon\n")
                        .with(csrf()))
                .getResponse()
                .getContentAsString());
    assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#document");
    assertThat(page.select("#document-errors tbody tr").eachText())
        .contains("3 start must be a date like 2025-01-31 (not soon)", "1 end is required");
  }
}
