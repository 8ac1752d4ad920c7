package org.safeload.app.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.workforce.CswwXml;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The workforce returns through the API (docs/workforce.md; the test clock: 24 November 2026, the
 * test council's LEA 301): the census return of the stored workers reads back to the figures it
 * carries; a hand-made return gives its hand-worked figures; an agency worker who started on 3
 * August is in the quarter's agency return for 59 days; bad input is a problem with its line and
 * element.
 */
@SafeloadSpringTest
class WorkforceReturnsTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  private String swe;

  private MockHttpServletResponse admin(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic("admin", "test-admin-password")))
        .andReturn()
        .getResponse();
  }

  @BeforeEach
  void anAgencyWorkerWhoStartedInTheQuarter() throws Exception {
    swe = "SW" + (70_000_000 + System.nanoTime() % 10_000_000);
    long team = jdbc.sql("select min(id) from team").query(Long.class).single();
    MockHttpServletResponse created =
        admin(
            post("/api/v1/workers")
                .contentType("application/json")
                .content(
                    """
                    {"name": "Quinn Quarter", "role": "social-worker", "employmentType": "agency",
                     "fte": "0.8", "startDate": "2026-08-03", "qualificationDate": "2019-07-01",
                     "sweRegistration": "%s", "teamId": %d}
                    """
                        .formatted(swe, team)));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
  }

  @Test
  void theCensusReturnOfTheStoredWorkersReadsBackToTheFiguresItCarries() throws Exception {
    MockHttpServletResponse census = admin(get("/api/v1/workforce/census.xml?yearEnd=2026-09-30"));

    assertThat(census.getStatus()).as(census.getContentAsString()).isEqualTo(200);
    assertThat(census.getContentType()).startsWith("application/xml");
    String xml = census.getContentAsString(StandardCharsets.UTF_8);
    assertThat(xml)
        .contains(
            "<ReferenceDate>2026-09-30</ReferenceDate>",
            "<LEA>301</LEA>",
            "<SWENo>" + swe + "</SWENo>\n    <FTE>0.800000</FTE>")
        .doesNotContain("Quinn");
    CswwXml.Return carried =
        CswwXml.read(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
            .census();

    MockHttpServletResponse read =
        admin(post("/api/v1/workforce/census").contentType("application/xml").content(xml));

    assertThat(read.getStatus()).as(read.getContentAsString()).isEqualTo(200);
    String json = read.getContentAsString();
    assertThat(JsonPath.<String>read(json, "$.yearEnd")).isEqualTo("2026-09-30");
    assertThat(JsonPath.<List<Object>>read(json, "$.teams")).isEmpty();
    assertThat(new BigDecimal(JsonPath.read(json, "$.vacancyFte").toString()))
        .isEqualByComparingTo(carried.vacancyFte());
    assertThat(new BigDecimal(JsonPath.read(json, "$.establishmentFte").toString()))
        .isEqualByComparingTo(carried.establishmentFte());
    assertThat(JsonPath.<Integer>read(json, "$.agencyHeadcount"))
        .isEqualTo(
            (int)
                carried.workers().stream()
                    .filter(w -> w.agency() && w.inPost(carried.referenceDate()))
                    .count());
  }

  @Test
  void theCasesEachWorkerHoldsAtTheYearEndAreTheCaseloadBoardsCount() throws Exception {
    String xml =
        admin(get("/api/v1/workforce/census.xml?yearEnd=2026-09-30"))
            .getContentAsString(StandardCharsets.UTF_8);
    int cases30 =
        java.util.regex.Pattern.compile("<Cases30>(\\d+)</Cases30>")
            .matcher(xml)
            .results()
            .mapToInt(m -> Integer.parseInt(m.group(1)))
            .sum();
    // A second way: the council's cases on the caseload overview that day, and the workforce
    // figures' own count.
    int onTheBoards =
        JsonPath.<Integer>read(
            admin(get("/api/v1/caseloads?on=2026-09-30")).getContentAsString(),
            "$.council.load.cases");
    int inTheFigures =
        JsonPath.<Integer>read(
            admin(get("/api/v1/workforce?yearEnd=2026-09-30")).getContentAsString(), "$.casesHeld");
    assertThat(onTheBoards).isPositive();
    assertThat(cases30).isEqualTo(onTheBoards);
    assertThat(inTheFigures).isEqualTo(onTheBoards);
  }

  @Test
  void withoutADateTheLastYearAndQuarterAreReturnedAndTheRoutesAreInTheOpenApiDocument()
      throws Exception {
    // The test clock is 24 November 2026: the last census year and quarter end on 30 September.
    assertThat(admin(get("/api/v1/workforce/census.xml")).getContentAsString())
        .contains("<ReferenceDate>2026-09-30</ReferenceDate>");
    assertThat(admin(get("/api/v1/workforce/agency-return.csv")).getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"agency-return-2026-09-30.csv\"");
    String api = admin(get("/v3/api-docs")).getContentAsString();
    assertThat(JsonPath.<Map<String, Object>>read(api, "$.paths"))
        .containsKeys(
            "/api/v1/workforce/census.xml",
            "/api/v1/workforce/census",
            "/api/v1/workforce/agency-return.csv");
  }

  @Test
  void aHandMadeReturnGivesItsHandWorkedFigures() throws Exception {
    String xml =
        """
        <Message>
          <Header>
            <CollectionDetails><ReferenceDate>2026-09-30</ReferenceDate></CollectionDetails>
            <Source><LEA>301</LEA></Source>
          </Header>
          <LALevelVacancies>
            <NumberOfVacancies>2.00</NumberOfVacancies>
            <NoAgencyFTE>1.00</NoAgencyFTE>
            <NoAgencyHeadcount>1</NoAgencyHeadcount>
          </LALevelVacancies>
          <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>SW1</SWENo><FTE>1</FTE>
            <RoleStartDate>2025-10-01</RoleStartDate></CSWWWorker>
          <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>SW2</SWENo><FTE>0.5</FTE>
            <RoleStartDate>2020-01-01</RoleStartDate><RoleEndDate>2026-03-31</RoleEndDate>
          </CSWWWorker>
          <CSWWWorker><AgencyWorker>1</AgencyWorker><SWENo>SW3</SWENo><FTE>1</FTE></CSWWWorker>
        </Message>
        """;

    MockHttpServletResponse read =
        admin(post("/api/v1/workforce/census").contentType("text/xml").content(xml));

    assertThat(read.getStatus()).as(read.getContentAsString()).isEqualTo(200);
    // 1 employed in post (a starter), 0.5 leaving, 1 agency; 2 vacant + 1 in post = 3 posts;
    // 2/3, 1/2, 1/2, 0.5/1.
    assertThat(JsonPath.<Map<String, Object>>read(read.getContentAsString(), "$"))
        .containsEntry("yearStart", "2025-10-01")
        .containsEntry("inPostFte", 1.0)
        .containsEntry("inPostHeadcount", 1)
        .containsEntry("agencyFte", 1.0)
        .containsEntry("establishmentFte", 3.0)
        .containsEntry("vacancyRate", 66.7)
        .containsEntry("agencyRate", 50.0)
        .containsEntry("agencyCoverRate", 50.0)
        .containsEntry("startersFte", 1.0)
        .containsEntry("leaversFte", 0.5)
        .containsEntry("turnoverRate", 50.0);

    MockHttpServletResponse bad =
        admin(
            post("/api/v1/workforce/census")
                .contentType("application/xml")
                .content(xml.replace("<FTE>0.5</FTE>", "<FTE>half</FTE>")));
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentType()).isEqualTo("application/problem+json");
    assertThat(JsonPath.<List<Map<String, Object>>>read(bad.getContentAsString(), "$.errors"))
        .containsExactly(
            Map.of("line", 13, "field", "FTE", "message", "Must be a number like 1.5 (not half)"));
  }

  @Test
  void theAgencyReturnListsTheAgencyWorkerWithTheirDaysInTheQuarter() throws Exception {
    MockHttpServletResponse csv =
        admin(get("/api/v1/workforce/agency-return.csv?quarterEnd=2026-09-30"));

    assertThat(csv.getStatus()).as(csv.getContentAsString()).isEqualTo(200);
    assertThat(csv.getContentType()).startsWith("text/csv");
    String text = csv.getContentAsString(StandardCharsets.UTF_8);
    assertThat(text.lines().findFirst())
        .contains(
            "team,role,employment_type,project_team,swe_number,start_date,end_date,fte,"
                + "days_in_quarter,dfe_rules_met,dfe_rules_failed");
    // 3 to 31 August and September: 29 + 30 days. No references obtained by the council are
    // recorded: the DfE agency rules are not met.
    assertThat(text)
        .contains(
            ",social-worker,agency,no," + swe + ",2026-08-03,,0.80,59,no,agency-references\n");
    // With the checks recorded (7 years qualified, both references the council's), they are.
    Vetted.record(
        mvc,
        jdbc.sql("select id from worker where swe_registration = ?")
            .param(swe)
            .query(Long.class)
            .single());
    assertThat(
            admin(get("/api/v1/workforce/agency-return.csv?quarterEnd=2026-09-30"))
                .getContentAsString(StandardCharsets.UTF_8))
        .contains(",social-worker,agency,no," + swe + ",2026-08-03,,0.80,59,yes,\n");

    MockHttpServletResponse notAQuarter =
        admin(get("/api/v1/workforce/agency-return.csv?quarterEnd=2026-08-31"));
    assertThat(notAQuarter.getStatus()).isEqualTo(400);
    assertThat(JsonPath.<String>read(notAQuarter.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("quarterEnd");
  }
}
