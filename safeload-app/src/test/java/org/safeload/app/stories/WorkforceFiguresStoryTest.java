package org.safeload.app.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A head of service reads a service's workforce figures on the census's definitions: a small
 * register worked out by hand (docs/workforce.md), through the API and the page, with the year
 * before for the trend. The register lives in a service of its own, so the demo is untouched.
 */
@SafeloadSpringTest
class WorkforceFiguresStoryTest {

  @Autowired MockMvc mvc;

  private long service;
  private long alpha;
  private long beta;

  private MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
    return request.with(httpBasic("admin", "test-admin-password"));
  }

  private String json(MockHttpServletRequestBuilder request, String body, int status)
      throws Exception {
    return mvc.perform(admin(request).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().is(status))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private long id(String body) {
    return JsonPath.<Integer>read(body, "$.id").longValue();
  }

  private long worker(
      long team,
      String name,
      String role,
      String type,
      String fte,
      String start,
      String end,
      String qualified)
      throws Exception {
    return id(
        json(
            post("/api/v1/workers"),
            """
        {"name":"%s","role":"%s","employmentType":"%s","fte":"%s","startDate":"%s",
         "endDate":%s,"qualificationDate":"%s","sweRegistration":"SW%06d","teamId":%d}
        """
                .formatted(
                    name,
                    role,
                    type,
                    fte,
                    start,
                    end == null ? "null" : "\"" + end + "\"",
                    qualified,
                    Math.abs(name.hashCode()) % 1_000_000,
                    team),
            201));
  }

  private void sick(long worker, String body) throws Exception {
    json(post("/api/v1/workers/" + worker + "/sickness"), body, 201);
  }

  @BeforeEach
  void register() throws Exception {
    if (service != 0) {
      return;
    }
    String suffix = Long.toString(System.nanoTime(), 36);
    service = id(json(post("/api/v1/services"), "{\"name\":\"Census " + suffix + "\"}", 201));
    alpha =
        id(
            json(
                post("/api/v1/teams"),
                "{\"serviceId\":%d,\"name\":\"Alpha %s\",\"kind\":\"substantive\"}"
                    .formatted(service, suffix),
                201));
    beta =
        id(
            json(
                post("/api/v1/teams"),
                "{\"serviceId\":%d,\"name\":\"Beta %s\",\"kind\":\"substantive\"}"
                    .formatted(service, suffix),
                201));
    json(
        put("/api/v1/teams/" + alpha + "/establishment"),
        "{\"team-manager\": 1, \"social-worker\": 3}",
        200);
    json(put("/api/v1/teams/" + beta + "/establishment"), "{\"social-worker\": 2}", 200);
    // Alpha: a starter on the year's first day, a leaver on its last day, an agency worker
    // covering a vacancy, a manager, a future starter.
    long ann =
        worker(
            alpha,
            "Ann " + suffix,
            "social-worker",
            "permanent",
            "1",
            "2025-10-01",
            null,
            "2025-07-01");
    long bob =
        worker(
            alpha,
            "Bob " + suffix,
            "social-worker",
            "permanent",
            "0.8",
            "2020-01-06",
            "2026-09-30",
            "2015-07-01");
    long cat =
        worker(
            alpha,
            "Cat " + suffix,
            "social-worker",
            "agency",
            "1",
            "2026-01-05",
            null,
            "2010-07-01");
    worker(
        alpha, "Dan " + suffix, "team-manager", "permanent", "1", "2015-01-05", null, "2005-07-01");
    worker(
        alpha,
        "Eve " + suffix,
        "social-worker",
        "permanent",
        "1",
        "2026-10-05",
        null,
        "2024-07-01");
    // Sickness in the year: Ann Monday 2 to Friday 6 March 2026 (5 working days), Bob 2.5 days
    // recorded, Cat (agency, not counted) 2 days.
    sick(ann, "{\"from\": \"2026-03-02\", \"to\": \"2026-03-06\", \"reason\": \"infection\"}");
    sick(
        bob,
        "{\"from\": \"2026-01-05\", \"to\": \"2026-01-07\", \"workingDaysLost\": \"2.5\","
            + " \"reason\": \"injury\"}");
    sick(cat, "{\"from\": \"2026-02-02\", \"to\": \"2026-02-03\", \"reason\": \"other\"}");
    // Beta: a leaver before the year, a secondee.
    worker(
        beta,
        "Fay " + suffix,
        "social-worker",
        "permanent",
        "0.5",
        "2019-01-07",
        "2025-06-30",
        "2012-07-01");
    worker(
        beta, "Gus " + suffix, "social-worker", "secondee", "1", "2024-01-08", null, "2023-07-01");
  }

  @Test
  void theServicesFiguresFollowTheCensusDefinitions() throws Exception {
    // By hand, year 1 October 2025 to 30 September 2026. Employed in post: Ann 1, Dan 1, Gus 1
    // = 3 (3 people); agency: Cat 1. Establishment 4 + 2 = 6. Vacancies: Alpha social workers
    // 3 - 1 = 2, manager 0; Beta 2 - 1 = 1: 3, of which Cat covers 1. Starters: Ann 1. Leavers:
    // Bob 0.8 (his last day is the year end); Fay left before the year.
    // Rates: vacancy 3 / 6 = 50.0%; agency 1 / 4 = 25.0%; cover 1 / 3 = 33.3%; turnover 0.8 / 3
    // = 26.7%. Experience at the year end: Ann 1 year, Gus 3, Dan 21.
    mvc.perform(
            admin(get("/api/v1/workforce"))
                .param("serviceId", String.valueOf(service))
                .param("yearEnd", "2026-09-30"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.yearStart").value("2025-10-01"))
        .andExpect(jsonPath("$.inPostFte").value(3.0))
        .andExpect(jsonPath("$.inPostHeadcount").value(3))
        .andExpect(jsonPath("$.agencyFte").value(1.0))
        .andExpect(jsonPath("$.agencyHeadcount").value(1))
        .andExpect(jsonPath("$.establishmentFte").value(6.0))
        .andExpect(jsonPath("$.vacancyFte").value(3.0))
        .andExpect(jsonPath("$.vacancyRate").value(50.0))
        .andExpect(jsonPath("$.agencyRate").value(25.0))
        .andExpect(jsonPath("$.agencyCoverFte").value(1.0))
        .andExpect(jsonPath("$.agencyCoverRate").value(33.3))
        .andExpect(jsonPath("$.startersFte").value(1.0))
        .andExpect(jsonPath("$.leaversFte").value(0.8))
        .andExpect(jsonPath("$.turnoverRate").value(26.7))
        // Sickness: 5 + 2.5 = 7.5 days over 3 employed FTE = 2.5 days per FTE; 7.5 / (3 x 253)
        // = 0.99% -> 1.0%.
        .andExpect(jsonPath("$.daysLost").value(7.5))
        .andExpect(jsonPath("$.sicknessDaysPerFte").value(2.5))
        .andExpect(jsonPath("$.absenceRate").value(1.0))
        .andExpect(jsonPath("$.casesHeld").value(0))
        .andExpect(jsonPath("$.caseload").doesNotExist())
        .andExpect(jsonPath("$.experienceFte.under-2").value(1.0))
        .andExpect(jsonPath("$.experienceFte.two-to-5").value(1.0))
        .andExpect(jsonPath("$.experienceFte.over-5").value(1.0))
        .andExpect(jsonPath("$.experienceFte.unknown").value(0.0))
        // Alpha: vacancy 2 / 4 = 50.0%, agency 1 / 3 = 33.3%, cover 1 / 2 = 50.0%, turnover
        // 0.8 / 2 = 40.0%. Beta: vacancy 1 / 2 = 50.0%, no agency, turnover 0%.
        .andExpect(jsonPath("$.parts.length()").value(2))
        .andExpect(jsonPath("$.parts[0].id").value(alpha))
        .andExpect(jsonPath("$.parts[0].agencyRate").value(33.3))
        .andExpect(jsonPath("$.parts[0].agencyCoverRate").value(50.0))
        .andExpect(jsonPath("$.parts[0].turnoverRate").value(40.0))
        .andExpect(jsonPath("$.parts[1].id").value(beta))
        .andExpect(jsonPath("$.parts[1].vacancyRate").value(50.0))
        .andExpect(jsonPath("$.parts[1].agencyCoverRate").value(0.0))
        .andExpect(jsonPath("$.parts[1].turnoverRate").value(0.0));
  }

  @Test
  void thePageShowsTheYearBesideEnglandAndTheYearsBefore() throws Exception {
    Document page =
        Jsoup.parse(
            mvc.perform(admin(get("/services/" + service + "/workforce")).param("year", "2026"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(page.selectFirst("tr[data-figure=vacancy-rate]").select("td").eachText())
        .containsExactly("50.0%", "18.9%");
    assertThat(page.selectFirst("tr[data-figure=turnover-rate]").select("td").eachText())
        .containsExactly("26.7%", "15.9%");
    assertThat(page.selectFirst("tr[data-figure=caseload]").select("td").eachText())
        .containsExactly("No figure", "16");
    assertThat(page.select("#parts th a").eachText()).hasSize(2);
    assertThat(page.selectFirst("#experience tr[data-band=TWO_TO_5] td").text()).isEqualTo("1");
    // The year before, by hand: in post at 30 September 2025 Bob 0.8, Dan 1, Gus 1 = 2.8;
    // vacancies Alpha 3 - 0.8 = 2.2, Beta 1: 3.2; rate 3.2 / 6 = 53.3%; Fay's 0.5 left in the
    // year: turnover 0.5 / 2.8 = 17.9%.
    assertThat(page.selectFirst("#trend tr[data-year=2025]").select("td").eachText())
        .containsExactly("2.8", "0", "53.3%", "0.0%", "17.9%");
    assertThat(page.select("#trend tbody tr")).hasSize(5);
  }

  @Test
  void aYearOutsideTheChoicesIsExplainedAndTheLatestShown() throws Exception {
    Document page =
        Jsoup.parse(
            mvc.perform(admin(get("/teams/" + alpha + "/workforce")).param("year", "1066"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(page.selectFirst("#year-error").text())
        .contains("Choose a census year ending between 30 September 2017 and 30 September 2026");
    assertThat(page.selectFirst("tr[data-figure=vacancy-rate] td").text()).isEqualTo("50.0%");
    mvc.perform(admin(get("/api/v1/workforce")).param("yearEnd", "not-a-date"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").exists());
  }
}
