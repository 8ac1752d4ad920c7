package org.safeload.app.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        as(AccessRole.FINANCE, post("/contracts/import").param("document", document).with(csrf()));
    assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/contracts/page-example");

    Document page = page(AccessRole.FINANCE, "/contracts/page-example?asOf=2025-02-01");
    assertThat(page.select("#months tbody tr").eachText())
        .containsExactly(
            "January 2025 £58,900.00 £0.00 £58,900.00 £58,900.00",
            "February 2025 £53,200.00 £0.00 £53,200.00 £53,200.00",
            "March 2025 £40,300.00 £10,000.00 £50,300.00 £50,300.00");
    assertThat(page.selectFirst("#total").text()).isEqualTo("£162,400.00");
    assertThat(page.selectFirst("#offsets").text()).isEqualTo("£20,000.00");
    assertThat(page.selectFirst("#net").text()).isEqualTo("£142,400.00");
    assertThat(page.selectFirst("#headroom").text()).isEqualTo("£7,600.00");
    assertThat(page.select("#potential .govuk-tag")).isEmpty(); // not a key decision
    // The chart: spend to date at three month ends, against the ceiling line, in pounds.
    assertThat(page.select("#spend-chart circle")).hasSize(3);
    assertThat(page.select("#spend-chart circle title").eachText())
        .containsExactly(
            "Spend to date, Jan 2025: £58,900",
            "Spend to date, Feb 2025: £112,100",
            "Spend to date, Mar 2025: £162,400");
    assertThat(page.select("#spend-chart .sl-chart__reference text").text())
        .isEqualTo("Ceiling: £170,000");
    assertThat(page.select("#spend-chart .sl-chart__axis-title").eachText())
        .containsExactly("Month", "Spend to date (£)");
    assertThat(page.select("#spend-chart .sl-chart__x-ticks text").eachText())
        .containsExactly("Jan 2025", "Feb 2025", "Mar 2025");
    assertThat(page.select("#spend-chart-table tbody tr").eachText())
        .containsExactly("Jan 2025 £58,900", "Feb 2025 £112,100", "Mar 2025 £162,400");
  }

  @Test
  void theTeamUnitExampleGivesItsFiguresOnThePage() throws Exception {
    String scenario = Files.readString(Path.of("..", "docs", "examples", "team-unit.yaml"));
    String document =
        scenario
            .substring(scenario.indexOf("  - id: team-unit"), scenario.indexOf("appraisal:"))
            .replace("  - id: team-unit", "    id: page-team-unit")
            .stripIndent();
    as(
        AccessRole.HEAD_OF_SERVICE,
        post("/contracts/import").param("document", document).with(csrf()));
    Document page = page(AccessRole.HEAD_OF_SERVICE, "/contracts/page-team-unit");
    assertThat(page.select("#months tbody tr").eachText())
        .containsExactly(
            "January 2025 £118,857.14 £0.00 £118,857.14 £118,857.14",
            "February 2025 £9,142.86 £0.00 £9,142.86 £9,142.86");
    assertThat(page.selectFirst("#total").text()).isEqualTo("£128,000.00");
    assertThat(page.selectFirst("#team-unit").text())
        .isEqualTo("2 teams at £16,000.00 per team-week, each of 7 people");
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
        .isEqualTo("November 2026 £89,700.00 £1,200.00 £90,900.00 £90,000.00 -£900.00 £90,000.00");

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
        .contains("From 15 March 2027: 1 social worker");
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
                    post("/contracts/import")
                        .param("document", "id: x\nprovider: P\nstart: soon\n")
                        .with(csrf()))
                .getResponse()
                .getContentAsString());
    assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#document");
    assertThat(page.select("#document-errors tbody tr").eachText())
        .contains("3 start must be a date like 2025-01-31 (not soon)", "1 end is required");
  }

  /** The contract form filled as a person would: the docs example's terms, without its changes. */
  private static MockHttpServletRequestBuilder exampleForm(
      MockHttpServletRequestBuilder request, String reference) {
    return exampleForm(request, reference, Map.of());
  }

  /** The example's form with some boxes typed differently. */
  private static MockHttpServletRequestBuilder exampleForm(
      MockHttpServletRequestBuilder request, String reference, Map<String, String> instead) {
    MockHttpServletRequestBuilder filled = filled(post("/ignored"), reference);
    var params = new java.util.LinkedHashMap<String, String>();
    filled
        .buildRequest(new org.springframework.mock.web.MockServletContext())
        .getParameterMap()
        .forEach((k, v) -> params.put(k, v[0]));
    params.putAll(instead);
    params.forEach(request::param);
    return request.with(csrf());
  }

  private static MockHttpServletRequestBuilder filled(
      MockHttpServletRequestBuilder request, String reference) {
    return request
        .param("reference", reference)
        .param("provider", "Brightpath Social Work Ltd")
        .param("team", "")
        .param("start.day", "1")
        .param("start.month", "1")
        .param("start.year", "2025")
        .param("end.day", "31")
        .param("end.month", "3")
        .param("end.year", "2025")
        .param("status", "active")
        .param("route", "framework")
        .param("justification", "")
        .param("ceiling", "£170,000")
        .param("pricing", "per-person")
        .param("lines[0].role", "team-manager")
        .param("lines[0].count", "1")
        .param("lines[0].amount", "400")
        .param("lines[0].per", "calendar-day")
        .param("lines[1].role", "social-worker")
        .param("lines[1].count", "5")
        .param("lines[1].amount", "300.00")
        .param("lines[1].per", "calendar-day")
        .param("lines[2].role", "")
        .param("lines[2].count", "")
        .param("lines[2].amount", "")
        .param("lines[2].per", "")
        .param("extensions[0].months", "6")
        .param("extensions[0].maxValue", "100000")
        .param("extensions[0].decideBy.day", "28")
        .param("extensions[0].decideBy.month", "2")
        .param("extensions[0].decideBy.year", "2025");
  }

  private String apiDocument(String id) throws Exception {
    return as(AccessRole.FINANCE, get("/api/v1/contracts/" + id))
        .getResponse()
        .getContentAsString();
  }

  @Test
  void theFormBuildsTheDocumentTheImportWouldStore() throws Exception {
    MvcResult created = as(AccessRole.FINANCE, exampleForm(post("/contracts/new"), "form-example"));
    assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/contracts/form-example");

    // The same terms as a YAML import: the stored documents are the same but for the id.
    String yaml =
        """
        id: yaml-example
        provider: Brightpath Social Work Ltd
        route: framework
        start: 2025-01-01
        end: 2025-03-31
        ceiling: 170000
        status: active
        roster:
          - {role: team-manager, count: 1, rate: {amount: 400, per: calendar-day}}
          - {role: social-worker, count: 5, rate: {amount: 300, per: calendar-day}}
        extensions:
          - {months: 6, maxValue: 100000, decideBy: 2025-02-28}
        """;
    as(AccessRole.FINANCE, post("/contracts/import").param("document", yaml).with(csrf()));
    assertThat(apiDocument("form-example").replace("form-example", "X"))
        .isEqualTo(apiDocument("yaml-example").replace("yaml-example", "X"));

    // January and March: 31 days × (£400 + 5 × £300) = £58,900; February 28 days: £53,200.
    Document page = page(AccessRole.FINANCE, "/contracts/form-example?asOf=2025-02-01");
    assertThat(page.select("#months tbody tr").eachText())
        .containsExactly(
            "January 2025 £58,900.00 £0.00 £58,900.00 £58,900.00",
            "February 2025 £53,200.00 £0.00 £53,200.00 £53,200.00",
            "March 2025 £58,900.00 £0.00 £58,900.00 £58,900.00");
    assertThat(page.selectFirst("#total").text()).isEqualTo("£171,000.00");
    assertThat(page.selectFirst("#headroom").text()).isEqualTo("-£1,000.00");
    assertThat(page.selectFirst("#route").text()).isEqualTo("Framework call-off");
    assertThat(page.select("#roster tbody tr").eachText())
        .containsExactly(
            "Team manager 1 £400.00 per calendar day", "Social worker 5 £300.00 per calendar day");
    assertThat(page.selectFirst("#extension-0").text())
        .isEqualTo("Up to £100,000.00; decide by 28 February 2025 (27 days left)");
    // Who created it, and when (the test clock), is on the page, with the version to read.
    assertThat(page.select("#history tbody tr").eachText())
        .containsExactly(
            "24 November 2026 at 12:00pm Test Finance contract form-example created Version 1 as"
                + " YAML");
  }

  @Test
  void theFormNamesEveryProblemByItsBoxAndSavesNothing() throws Exception {
    MvcResult bad =
        as(
            AccessRole.FINANCE,
            post("/contracts/new")
                .param("reference", "")
                .param("provider", "")
                .param("ceiling", "12.345")
                .param("pricing", "per-person")
                .param("lines[0].role", "social-worker")
                .param("lines[0].count", "two")
                .param("lines[0].amount", "")
                .param("lines[0].per", "")
                .param("lines[1].role", "")
                .param("lines[1].count", "")
                .param("lines[1].amount", "300.5")
                .param("lines[1].per", "week")
                .param("extensions[0].months", "3")
                .param("extensions[0].maxValue", "")
                .param("extensions[0].decideBy.day", "31")
                .param("extensions[0].decideBy.month", "2")
                .param("extensions[0].decideBy.year", "2026")
                .with(csrf()));
    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    Document page = Jsoup.parse(bad.getResponse().getContentAsString());
    assertThat(page.select(".govuk-error-summary a").eachText())
        .containsExactlyInAnyOrder(
            "Enter the contract reference",
            "Select the provider",
            "Enter the start date",
            "Enter the end date",
            "The ceiling must be in pounds and pence, with no more than 2 decimal places (not 12.345)",
            "The number of people on roster line 1 must be a whole number (not two)",
            "Enter the rate on roster line 1",
            "Select what the rate on roster line 1 is for",
            "Select the role on roster line 2",
            "Enter the number of people on roster line 2",
            "Enter the most extension option 1 may cost",
            "The decision date of extension option 1 must be a real date");
    // Each link goes to its box, and each box shows its message.
    for (String href : page.select(".govuk-error-summary a").eachAttr("href")) {
      assertThat(page.select(href)).as(href).hasSize(1);
      assertThat(page.select(href + "-error")).as(href + "-error").hasSize(1);
    }
    assertThat(page.selectFirst("#ceiling").val()).isEqualTo("12.345");
    assertThat(page.selectFirst("#lines-0-count").val()).isEqualTo("two");
    assertThat(page.selectFirst("#lines-0-role option[selected]").val()).isEqualTo("social-worker");
    assertThat(page.selectFirst("#extensions-0-decide-by").val()).isEqualTo("31");
    assertThat(as(AccessRole.FINANCE, get("/contracts")).getResponse().getContentAsString())
        .doesNotContain("12.345");
  }

  @Test
  void aSubPennyInvoiceIsRefusedAtTheBox() throws Exception {
    as(AccessRole.FINANCE, exampleForm(post("/contracts/new"), "penny-invoice"));
    MvcResult bad =
        as(
            AccessRole.FINANCE,
            post("/contracts/penny-invoice/invoices")
                .param("month", "2025-01")
                .param("amount", "100.999")
                .with(csrf()));
    Document page = Jsoup.parse(bad.getResponse().getContentAsString());
    assertThat(page.select(".govuk-error-summary a").eachAttr("href"))
        .containsExactly("#invoice-amount");
    assertThat(page.selectFirst("#invoice-amount-error").text())
        .isEqualTo(
            "Error: The amount invoiced must be in pounds and pence, with no more than 2 decimal"
                + " places (not 100.999)");
    assertThat(apiDocument("penny-invoice")).doesNotContain("actuals");
  }

  @Test
  void anotherLineIsAddedWithoutJavaScriptKeepingWhatWasTyped() throws Exception {
    MvcResult more =
        as(
            AccessRole.FINANCE,
            exampleForm(post("/contracts/new"), "more-lines").param("add", "line"));
    assertThat(more.getResponse().getStatus()).isEqualTo(200);
    Document page = Jsoup.parse(more.getResponse().getContentAsString());
    assertThat(page.select("fieldset.sl-roster-line")).hasSize(4);
    assertThat(page.selectFirst("#lines-1-role option[selected]").val()).isEqualTo("social-worker");
    assertThat(page.selectFirst("#lines-3-role option[selected]")).isNull();
    assertThat(page.select(".govuk-error-summary")).isEmpty();
    assertThat(page.selectFirst("#reference").val()).isEqualTo("more-lines");
    // Nothing was saved.
    assertThat(as(AccessRole.FINANCE, get("/contracts/more-lines")).getResponse().getStatus())
        .isEqualTo(404);

    MvcResult option =
        as(
            AccessRole.FINANCE,
            exampleForm(post("/contracts/new"), "more-lines").param("add", "extension"));
    assertThat(
            Jsoup.parse(option.getResponse().getContentAsString())
                .select("input[name$=decideBy.day]"))
        .hasSize(2);
  }

  @Test
  void theEditFormChangesTheTermsAndKeepsTheRest() throws Exception {
    String yaml =
        """
        id: edit-me
        provider: Brightpath Social Work Ltd
        start: 2025-01-01
        end: 2025-03-31
        ceiling: 170000
        roster:
          - {role: team-manager, count: 1, rate: {amount: 400, per: calendar-day}}
          - {role: social-worker, count: 5, rate: {amount: 300, per: calendar-day}}
        changes:
          - {from: 2025-03-01, role: social-worker, count: 3}
        extras:
          - {name: Agency backfill, from: 2025-03-01, amount: 10000, per: month, count: 1}
        offsets:
          - {name: Vacant posts, amount: 20000}
        requirements:
          - {role: social-worker, pqeYears: 4}
        actuals:
          - {month: 2025-01, amount: 58000, reference: INV-1}
        """;
    as(AccessRole.FINANCE, post("/contracts/import").param("document", yaml).with(csrf()));

    Document form = page(AccessRole.FINANCE, "/contracts/edit-me/edit");
    assertThat(form.selectFirst("h1").text()).isEqualTo("Change contract edit-me");
    assertThat(form.select(".govuk-breadcrumbs a").eachText())
        .containsExactly("Home", "Contracts", "edit-me");
    assertThat(form.selectFirst("#reference").text())
        .isEqualTo("The contract reference, edit-me, stays as it is.");
    assertThat(form.selectFirst("#ceiling").val()).isEqualTo("170000");
    assertThat(form.selectFirst("#start-month").val()).isEqualTo("1");
    assertThat(form.selectFirst("#lines-1-role option[selected]").val()).isEqualTo("social-worker");
    assertThat(form.selectFirst("#lines-1-amount").val()).isEqualTo("300");
    assertThat(form.selectFirst("#provider option[selected]").text())
        .isEqualTo("Brightpath Social Work Ltd");

    // An end date before the roster change: the change is not on the form, so it is named in words.
    MvcResult bad =
        as(
            AccessRole.FINANCE,
            exampleForm(
                post("/contracts/edit-me/edit"),
                "ignored",
                Map.of("end.day", "28", "end.month", "2")));
    Document errors = Jsoup.parse(bad.getResponse().getContentAsString());
    assertThat(errors.select(".govuk-error-summary a").eachText())
        .containsExactly(
            "Roster change 1 (from): must fall within the contract, 1 January 2025 to 28 February"
                + " 2025",
            "Extra cost 1 (from): must fall within the contract, 1 January 2025 to 28 February"
                + " 2025");
    assertThat(errors.select(".govuk-error-summary a").eachAttr("href"))
        .containsExactly("#contract", "#contract-2");
    assertThat(errors.select("#contract, #contract-2")).hasSize(2);

    MvcResult good =
        as(
            AccessRole.FINANCE,
            exampleForm(
                post("/contracts/edit-me/edit"),
                "ignored",
                Map.of(
                    "ceiling", "200000",
                    "team", "Child Protection Team",
                    "lines[2].role", "business-support",
                    "lines[2].count", "1",
                    "lines[2].amount", "150",
                    "lines[2].per", "working-day")));
    assertThat(good.getResponse().getRedirectedUrl()).isEqualTo("/contracts/edit-me");
    String document = apiDocument("edit-me");
    assertThat(document)
        .contains("\"id\":\"edit-me\"", "\"ceiling\":200000", "\"business-support\"")
        .contains("\"changes\":[{\"from\":\"2025-03-01\"", "Agency backfill", "Vacant posts")
        .contains("\"requirements\":[{\"role\":\"social-worker\",\"pqeYears\":4}]")
        .contains("\"actuals\":[{\"month\":\"2025-01\"", "\"route\":\"framework\"")
        .contains("\"decideBy\":\"2025-02-28\"");
    Document page = page(AccessRole.FINANCE, "/contracts/edit-me");
    assertThat(page.select("#history tbody tr").first().text())
        .isEqualTo(
            "24 November 2026 at 12:00pm Test Finance changed team, procurement route, ceiling,"
                + " roster lines, extension options: ceiling £200,000.00, was £170,000.00 Version 2"
                + " as YAML");
    assertThat(page.selectFirst("#team a").text()).isEqualTo("Child Protection Team");
    assertThat(page.selectFirst("#team a").attr("href")).matches("/teams/\\d+");
    assertThat(page.selectFirst("#last-changed").text())
        .isEqualTo("24 November 2026 at 12:00pm by Test Finance");
  }

  @Test
  void theExportIsTheDocumentTheImportReads() throws Exception {
    MvcResult export =
        as(AccessRole.READ_ONLY, get("/contracts/NBC-BRIGHTPATH-2026/document.yaml"));
    assertThat(export.getResponse().getStatus()).isEqualTo(200);
    assertThat(export.getResponse().getContentType()).startsWith("application/yaml");
    assertThat(export.getResponse().getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"NBC-BRIGHTPATH-2026.yaml\"");
    String yaml = export.getResponse().getContentAsString();
    assertThat(yaml).startsWith("id: NBC-BRIGHTPATH-2026\n").contains("start: 2026-10-05\n");

    MvcResult imported =
        as(
            AccessRole.FINANCE,
            post("/contracts/import")
                .param("document", yaml.replace("id: NBC-BRIGHTPATH-2026", "id: BRIGHTPATH-COPY"))
                .with(csrf()));
    assertThat(imported.getResponse().getRedirectedUrl()).isEqualTo("/contracts/BRIGHTPATH-COPY");
    // October 2026 to July 2027: the demo contract as its extension left it.
    assertThat(page(AccessRole.FINANCE, "/contracts/BRIGHTPATH-COPY").select("#months tbody tr"))
        .hasSize(10);
    assertThat(page(AccessRole.FINANCE, "/contracts/BRIGHTPATH-COPY").selectFirst("#total").text())
        .isEqualTo(
            page(AccessRole.FINANCE, "/contracts/NBC-BRIGHTPATH-2026")
                .selectFirst("#total")
                .text());
  }

  @Test
  void theContractPagesSpeakInWords() throws Exception {
    Document page = page(AccessRole.ADMIN, "/contracts/NBC-BRIGHTPATH-2026");
    assertThat(page.select(".govuk-breadcrumbs a").eachText()).containsExactly("Home", "Contracts");
    // The demo's extension decision exercised the 3-month option on 19 November 2026
    // (DemoCouncil.extensionDecision): the contract is extended, to 4 July 2027.
    assertThat(page.selectFirst("#status").text()).isEqualTo("Extended");
    assertThat(page.selectFirst("#route").text())
        .startsWith("Direct award Emergency: 140 children");
    assertThat(page.select("#roster tbody tr").first().text())
        .isEqualTo("Team manager 1 £450.00 per calendar day");
    assertThat(page.selectFirst("#team a").text()).isEqualTo("Brightpath Project Team");
    // Its option decided, no extension decision is left due (it was 24 days away on the test
    // clock's 24 November 2026, by 18 December 2026).
    assertThat(page.select("[data-flag^=extension-]")).isEmpty();
    assertThat(page.select("main").text()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    assertThat(page.select("#months tbody th").first().text()).isEqualTo("October 2026");

    Document list = page(AccessRole.ADMIN, "/contracts");
    assertThat(list.select(".govuk-breadcrumbs")).isEmpty();
    assertThat(list.select("#contracts tr[data-contract=NBC-BRIGHTPATH-2026] td").eachText())
        .startsWith(
            "NBC-BRIGHTPATH-2026",
            "Brightpath Social Work Ltd",
            "Brightpath Project Team",
            "Extended",
            "5 Oct 2026 to 4 Jul 2027");
    assertThat(
            list.select("#contracts tr[data-contract=NBC-BRIGHTPATH-2026] .govuk-tag").eachText())
        .contains("Key decision")
        .doesNotContain("Extension decision due");
    assertThat(list.select(".sl-table-scroll #contracts")).hasSize(1);
  }

  @Test
  void onlyThoseWhoChangeContractsSeeTheForms() throws Exception {
    for (String path :
        new String[] {
          "/contracts/new", "/contracts/import", "/contracts/NBC-BRIGHTPATH-2026/edit"
        }) {
      assertThat(as(AccessRole.READ_ONLY, get(path)).getResponse().getStatus())
          .as(path)
          .isEqualTo(403);
      assertThat(as(AccessRole.FINANCE, get(path)).getResponse().getStatus())
          .as(path)
          .isEqualTo(200);
    }
    assertThat(
            as(
                    AccessRole.READ_ONLY,
                    exampleForm(post("/contracts/new"), "read-only").param("add", "line"))
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    Document page = page(AccessRole.READ_ONLY, "/contracts/NBC-BRIGHTPATH-2026");
    assertThat(page.select("#change-terms")).isEmpty();
    assertThat(page.select("#export")).hasSize(1);
    assertThat(page(AccessRole.READ_ONLY, "/contracts").select("a[href=/contracts/new]")).isEmpty();
  }

  @Test
  void aContractPricedPerTeamUnitThroughTheForm() throws Exception {
    // docs/examples/team-unit.yaml typed into the form: two teams of 1 + 6 at £16,000 a team-week.
    MvcResult created =
        as(
            AccessRole.FINANCE,
            post("/contracts/new")
                .param("reference", "form-team-unit")
                .param("provider", "Example Provider Ltd")
                .param("start.day", "6")
                .param("start.month", "1")
                .param("start.year", "2025")
                .param("end.day", "2")
                .param("end.month", "2")
                .param("end.year", "2025")
                .param("status", "active")
                .param("route", "framework")
                .param("pricing", "team-unit")
                // A roster line typed before choosing team units is left out.
                .param("lines[0].role", "social-worker")
                .param("lines[0].count", "9")
                .param("unitPrice", "16,000")
                .param("unitTeams", "2")
                .param("composition[team-manager]", "1")
                .param("composition[social-worker]", "6")
                .param("composition[business-support]", "")
                .with(csrf()));
    assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/contracts/form-team-unit");
    Document page = page(AccessRole.FINANCE, "/contracts/form-team-unit");
    assertThat(page.select("#months tbody tr").eachText())
        .containsExactly(
            "January 2025 £118,857.14 £0.00 £118,857.14 £118,857.14",
            "February 2025 £9,142.86 £0.00 £9,142.86 £9,142.86");
    assertThat(page.select("#roster")).isEmpty();
    assertThat(page.select("#team-unit-composition li").eachText())
        .containsExactly("Social worker: 6", "Team manager: 1");

    Document form = page(AccessRole.FINANCE, "/contracts/form-team-unit/edit");
    assertThat(form.selectFirst("input[name=pricing][checked]").val()).isEqualTo("team-unit");
    assertThat(form.selectFirst("#unit-price").val()).isEqualTo("16000");
    assertThat(form.selectFirst("#composition-social-worker").val()).isEqualTo("6");
    assertThat(form.selectFirst("#composition-business-support").val()).isEmpty();

    // A team of nobody is refused at the first role's box.
    MvcResult bad =
        as(
            AccessRole.FINANCE,
            post("/contracts/form-team-unit/edit")
                .param("provider", "Example Provider Ltd")
                .param("start.day", "6")
                .param("start.month", "1")
                .param("start.year", "2025")
                .param("end.day", "2")
                .param("end.month", "2")
                .param("end.year", "2025")
                .param("status", "active")
                .param("pricing", "team-unit")
                .param("unitPrice", "16000.001")
                .param("unitTeams", "")
                .with(csrf()));
    Document errors = Jsoup.parse(bad.getResponse().getContentAsString());
    assertThat(errors.select(".govuk-error-summary a").eachText())
        .containsExactly(
            "The price per team-week must be in pounds and pence, with no more than 2 decimal"
                + " places (not 16000.001)",
            "Enter the number of teams",
            "Enter how many people of each role make up a team");
    assertThat(errors.select(".govuk-error-summary a").eachAttr("href"))
        .containsExactly("#unit-price", "#unit-teams", "#composition-social-worker");
  }
}
