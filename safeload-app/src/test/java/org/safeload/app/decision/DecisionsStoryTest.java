package org.safeload.app.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.money.Costing;
import org.safeload.money.DecisionsTest;
import org.safeload.money.ScenarioReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A finance officer records the decisions of the brief's four-team tender and of a six-month
 * contract whose council report does not add up, through the API, and downloads the reports: each
 * figure in the DOCX and the PDF is checked against the money engine's, worked out here from the
 * same terms.
 */
@SafeloadSpringTest
class DecisionsStoryTest {

  private static final AtomicInteger UNIQUE = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;

  private final ContractCosting engine = new ContractCosting(WorkingCalendar.englandAndWales());

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts, providers);
  }

  private static String unique(String what) {
    return what
        + "-"
        + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase()
        + UNIQUE.incrementAndGet();
  }

  private MockHttpServletRequestBuilder as(AccessRole role, MockHttpServletRequestBuilder r) {
    return r.with(httpBasic(TestAccounts.username(role), TestAccounts.PASSWORD));
  }

  private MockHttpServletRequestBuilder finance(MockHttpServletRequestBuilder r) {
    return as(AccessRole.FINANCE, r);
  }

  private void add(String yaml) throws Exception {
    mvc.perform(finance(post("/api/v1/contracts")).contentType("application/yaml").content(yaml))
        .andExpect(status().isCreated());
  }

  @Test
  void theFourTeamTenderIsAKeyDecisionAndExercisingItsExtensionClearsTheNoticeFlag()
      throws Exception {
    String id = unique("TENDER");
    add(DecisionsTest.TENDER.replace("id: TENDER-4", "id: " + id));
    String costs =
        mvc.perform(finance(get("/api/v1/contracts/" + id + "/costs")).param("asOf", "2022-11-28"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.potentialValue").value(4600000.00))
            .andExpect(jsonPath("$.keyDecision").value(true))
            .andExpect(jsonPath("$.months[1].teams[3].name").value("Team D"))
            .andExpect(jsonPath("$.months[1].teams[3].team").value(74999.98))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> flags = JsonPath.read(costs, "$.flags[*].message");
    assertThat(flags)
        .contains(
            "Notice of the 12-month extension must be given by 28 February 2023",
            "The 12-month extension would cost £3,541,934.60 at the prices in force on the"
                + " contract's last day, more than its £3,400,000.00 limit");

    mvc.perform(
            finance(post("/api/v1/contracts/" + id + "/decisions"))
                .contentType("application/yaml")
                .content(
                    """
                    kind: exercise-option
                    option: 1
                    date: 2023-02-20
                    decisionMaker: A. Director
                    makerRole: Director of Children's Services
                    route: executive
                    callInDays: 5
                    """))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.number").value(1))
        .andExpect(jsonPath("$.figures.decisionValue").value(3400000.00))
        .andExpect(jsonPath("$.figures.keyDecision").value(true));
    String after =
        mvc.perform(finance(get("/api/v1/contracts/" + id + "/costs")).param("asOf", "2023-02-21"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> codes = JsonPath.read(after, "$.flags[*].code");
    assertThat(codes).noneMatch(c -> c.startsWith("extension-"));
    mvc.perform(finance(get("/api/v1/contracts/" + id)))
        .andExpect(jsonPath("$.end").value("2024-03-31"))
        .andExpect(jsonPath("$.extensions[0].state").value("exercised"));
    // The same option cannot be decided again: problem details naming the field.
    mvc.perform(
            finance(post("/api/v1/contracts/" + id + "/decisions"))
                .contentType("application/yaml")
                .content(
                    "kind: decline-option\noption: 1\ndate: 2023-02-21\ndecisionMaker: X\n"
                        + "route: delegated\n"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("option"));
    // A provider sees no decisions.
    mvc.perform(as(AccessRole.PROVIDER, get("/api/v1/contracts/" + id + "/decisions")))
        .andExpect(status().isForbidden());
  }

  @Test
  void linkedAwardsAddUpToAKeyDecision() throws Exception {
    String first = unique("LINK-A");
    String second = unique("LINK-B");
    String body =
        """
        id: %s
        provider: P
        route: framework
        start: 2025-04-01
        end: 2025-09-30
        ceiling: 300000
        %s
        roster:
          - {role: social-worker, count: 1, rate: {amount: 100, per: calendar-day}}
        """;
    add(body.formatted(first, ""));
    mvc.perform(finance(get("/api/v1/contracts/" + first + "/costs")))
        .andExpect(jsonPath("$.keyDecision").value(false));
    add(body.formatted(second, "follows: " + first));
    // 300,000 + 300,000 = 600,000: both are now key.
    for (String id : List.of(first, second)) {
      mvc.perform(finance(get("/api/v1/contracts/" + id + "/costs")))
          .andExpect(jsonPath("$.linkedTotal").value(600000.00))
          .andExpect(jsonPath("$.keyDecision").value(true));
    }
  }

  static final String SIX =
      """
      id: %s
      provider: Example Provider Ltd
      route: framework
      start: 2025-04-01
      end: 2025-09-30
      ceiling: 400000
      roster:
        - {role: team-manager, count: 1, rate: {amount: 500, per: calendar-day}}
        - {role: social-worker, count: 4, rate: {amount: 400, per: calendar-day}}
      changes:
        - {from: 2025-09-01, role: social-worker, count: 2}
      """;

  static final String PRINTED_AWARD =
      """
      kind: award
      date: 2025-03-20
      decisionMaker: Cllr A. Member
      makerRole: Cabinet Member for Children's Services
      route: executive
      callInDays: 5
      options:
        - {name: Do nothing, cost: 0, chosen: false}
        - {name: Managed team, cost: 360300, chosen: true}
      printed:
        source: Cabinet report, table 2
        total: 373302
        months:
          - {month: 2025-04, amount: 63000, socialWorkers: 4}
          - {month: 2025-05, amount: 65100, socialWorkers: 4}
          - {month: 2025-06, amount: 63000, socialWorkers: 4}
          - {month: 2025-07, amount: 65100, socialWorkers: 4}
          - {month: 2025-08, amount: 65100, socialWorkers: 4}
          - {month: 2025-09, amount: 52000, socialWorkers: 4}
      """;

  @Test
  void aReportWhosePrintedTableDoesNotAddUpIsWrittenWithTotalsThatDo() throws Exception {
    String id = unique("SIX");
    add(SIX.formatted(id));
    mvc.perform(
            finance(post("/api/v1/contracts/" + id + "/decisions"))
                .contentType("application/yaml")
                .content(PRINTED_AWARD))
        .andExpect(status().isCreated());
    // The money engine's figures for the same terms, worked out here.
    Contract c = ScenarioReader.contract(SIX.formatted(id));
    Costing cost = engine.cost(c, LocalDate.of(2025, 3, 20));
    assertThat(cost.total()).isEqualByComparingTo("360300.00");

    byte[] docx =
        mvc.perform(
                finance(get("/api/v1/contracts/" + id + "/reports/award.docx"))
                    .param("decision", "1"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      XWPFTable monthly =
          doc.getTables().stream()
              .filter(t -> t.getRow(0).getCell(0).getText().equals("Month"))
              .findFirst()
              .orElseThrow();
      List<XWPFTableRow> rows = monthly.getRows();
      // Header, six months, the total.
      assertThat(rows).hasSize(8);
      for (int i = 0; i < 6; i++) {
        Costing.MonthCost m = cost.months().get(i);
        String last = rows.get(i + 1).getCell(rows.get(i + 1).getTableCells().size() - 1).getText();
        assertThat(last).startsWith(pounds(m.total()));
      }
      XWPFTableRow total = rows.get(7);
      assertThat(total.getCell(0).getText()).isEqualTo("Total");
      assertThat(total.getCell(total.getTableCells().size() - 1).getText())
          .startsWith(pounds(cost.total()));
      String text = String.join("\n", doc.getParagraphs().stream().map(p -> p.getText()).toList());
      assertThat(text)
          .contains(
              "The printed total, £373,302.00, is not the sum of its months, £373,300.00: £2.00"
                  + " more")
          .contains(
              "For September 2025 the report shows 4 social workers; the contract's roster has 2"
                  + " on 30 September 2025")
          .contains(keyStatement(cost));
    }

    byte[] pdf =
        mvc.perform(
                finance(get("/api/v1/contracts/" + id + "/reports/award.pdf"))
                    .param("decision", "1"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      for (Costing.MonthCost m : cost.months()) {
        assertThat(text).contains(pounds(m.total()));
      }
      assertThat(text)
          .contains("Total " + pounds(cost.total()))
          .contains("£2.00 more")
          .contains(keyStatement(cost));
    }
  }

  /** The key-decision statement for an award of this contract: its value, the ceiling. */
  private String keyStatement(Costing cost) {
    BigDecimal value = cost.ceiling();
    return engine.keyDecisionRule().assess(value, cost.potentialValue(), null, false).statement();
  }

  private static String pounds(BigDecimal amount) {
    return String.format(java.util.Locale.UK, "£%,.2f", amount);
  }
}
