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
import org.safeload.demo.DemoCouncil;
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
}
