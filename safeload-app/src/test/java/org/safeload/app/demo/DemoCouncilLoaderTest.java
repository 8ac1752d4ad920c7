package org.safeload.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.SystemAccess;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.decision.DecisionReportService;
import org.safeload.app.decision.Decisions;
import org.safeload.demo.DemoCouncil;
import org.safeload.money.DecisionFigures;
import org.safeload.money.ReportType;
import org.safeload.report.Paragraph;
import org.safeload.report.Report;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The demo council as loaded shows the workforce features: sickness absence, the recruitment
 * pipeline and supplier placements (DemoCouncil's lists, docs/workforce.md "The demo"). In a
 * context of its own, on a database of its own: other tests add workers and absences to the shared
 * demo, and the council's figures are the demo's only as it was loaded.
 */
@SafeloadSpringTest
@TestPropertySource(properties = "safeload.test.context=demo-as-loaded")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DemoCouncilLoaderTest {

  @Autowired MockMvc mvc;
  @Autowired Decisions decisions;
  @Autowired DecisionReportService reports;

  private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
    return request.with(httpBasic("admin", "test-admin-password"));
  }

  @Test
  void theCouncilsSicknessIsTheDemosWorkedOutByHand() throws Exception {
    // DemoCouncilTest works these out by hand: 244 days lost over 24.8 employed FTE in post at 30
    // September 2026 = 9.8 days per FTE; 244 / (24.8 x 253) = 3.9%.
    mvc.perform(admin(get("/api/v1/workforce")).param("yearEnd", "2026-09-30"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.inPostFte").value(24.8))
        .andExpect(jsonPath("$.daysLost").value(244.0))
        .andExpect(jsonPath("$.sicknessDaysPerFte").value(9.8))
        .andExpect(jsonPath("$.absenceRate").value(3.9));
    // The year before: 101 days over 23.8 FTE.
    mvc.perform(admin(get("/api/v1/workforce")).param("yearEnd", "2025-09-30"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.inPostFte").value(23.8))
        .andExpect(jsonPath("$.daysLost").value(101.0))
        .andExpect(jsonPath("$.sicknessDaysPerFte").value(4.2));
  }

  @Test
  void thePipelineListsTheDemosCandidates() throws Exception {
    List<String> names = DemoCouncil.candidates().stream().map(c -> c.candidate().name()).toList();
    String pipeline =
        mvc.perform(admin(get("/api/v1/workforce/candidates")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(pipeline, "$.candidates[*].name"))
        .containsExactlyInAnyOrderElementsOf(names);
    assertThat(JsonPath.<Integer>read(pipeline, "$.byStage.awaiting-registration")).isEqualTo(3);
    assertThat(JsonPath.<List<String>>read(pipeline, "$.expectedStarts[*].month"))
        .contains("2027-01");
    String page =
        mvc.perform(admin(get("/workforce/recruitment")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains(names).contains("Applied 17 August 2026");
  }

  @Test
  void thePlacementsPageListsTheDemosRequests() throws Exception {
    // Filled in 27, 28, 42 and 56 days: median 35.0, mean 38.3; one open.
    mvc.perform(admin(get("/api/v1/workforce/placements")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.placements.length()").value(5))
        .andExpect(jsonPath("$.all.requested").value(5))
        .andExpect(jsonPath("$.all.open").value(1))
        .andExpect(jsonPath("$.all.medianDaysToFill").value(35.0))
        .andExpect(jsonPath("$.all.meanDaysToFill").value(38.3));
    String page =
        mvc.perform(admin(get("/workforce/placements")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains(DemoCouncil.VENDOR)
        .contains(DemoCouncil.AGENCY_SUPPLIER)
        .contains("Brokered from Fellside Social Care")
        .contains("12 January 2026");
  }

  @Test
  void theManagedTeamsContractHasItsAwardAndItsExtension() {
    String code = DemoCouncil.contractCode();
    List<Decisions.Recorded> recorded = SystemAccess.call(() -> decisions.decisions(code));
    assertThat(recorded)
        .extracting(r -> r.number() + " " + r.title() + " by " + r.recordedBy())
        .containsExactly(
            "1 Award on 2 October 2026 by " + AuditLog.SYSTEM_NAME,
            "2 Exercise an extension option on 19 November 2026 by " + AuditLog.SYSTEM_NAME);
    // The award's figures, frozen on 2 October 2026 (DemoDecisionsTest works them out): a total
    // of 463,450 within the 480,000 ceiling, key by its 630,000 potential value, and the three
    // places the council's printed table differs.
    DecisionFigures award = recorded.get(0).figures();
    assertThat(award.asOf()).isEqualTo(java.time.LocalDate.of(2026, 10, 2));
    assertThat(award.costing().total()).isEqualByComparingTo("463450");
    assertThat(award.decisionValue()).isEqualByComparingTo("480000");
    assertThat(award.keyDecision().key()).isTrue();
    assertThat(award.printed()).hasSize(3);
    assertThat(award.contract().end()).isEqualTo(java.time.LocalDate.of(2027, 4, 4));
    // The extension's: the contract to 4 July 2027 within 630,000, the option taken.
    DecisionFigures extension = recorded.get(1).figures();
    assertThat(extension.contract().end()).isEqualTo(java.time.LocalDate.of(2027, 7, 4));
    assertThat(extension.costing().ceiling()).isEqualByComparingTo("630000");
    assertThat(extension.costing().total()).isEqualByComparingTo("584434.84");
    assertThat(extension.decisionValue()).isEqualByComparingTo("150000");
    assertThat(extension.costing().flags())
        .extracting(f -> f.code())
        .doesNotContain("extension-decision-due");
    // The stored contract is the extended one.
    assertThat(
            SystemAccess.call(() -> decisions.figuresOn(code, decisions.today())).contract().end())
        .isEqualTo(java.time.LocalDate.of(2027, 7, 4));
  }

  @Test
  void theDraftExitReportRendersForTheDemo() {
    String code = DemoCouncil.contractCode();
    Report draft = SystemAccess.call(() -> reports.report(code, ReportType.EXIT, null, null));
    assertThat(draft.title()).isEqualTo("Exit from the contract for a managed social work team");
    assertThat(draft.status()).startsWith("Draft");
    assertThat(
            draft.sections().stream()
                .flatMap(s -> s.blocks().stream())
                .filter(Paragraph.class::isInstance)
                .map(b -> ((Paragraph) b).text()))
        .anyMatch(t -> t.startsWith("The contract ends on 4 July 2027."));
    for (DecisionReportService.Format f : DecisionReportService.Format.values()) {
      byte[] file = SystemAccess.call(() -> reports.file(code, ReportType.EXIT, null, null, f));
      assertThat(file).as(f.extension()).hasSizeGreaterThan(1000);
    }
  }
}
