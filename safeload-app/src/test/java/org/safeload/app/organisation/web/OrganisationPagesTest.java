package org.safeload.app.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.access.SecurityConfig;
import org.safeload.app.access.UserAccounts;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.TeamContracts;
import org.safeload.app.organisation.TeamMember;
import org.safeload.app.organisation.TeamOverview;
import org.safeload.app.organisation.WorkerList;
import org.safeload.app.organisation.WorkerQuery;
import org.safeload.app.organisation.WorkerView;
import org.safeload.app.organisation.WorkforceService;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Assignment;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.EstablishmentLine;
import org.safeload.organisation.Provider;
import org.safeload.organisation.Role;
import org.safeload.organisation.Service;
import org.safeload.organisation.Team;
import org.safeload.organisation.TeamKind;
import org.safeload.organisation.Worker;
import org.safeload.organisation.WorkerDetails;
import org.safeload.organisation.WorkerStatus;
import org.safeload.workforce.Staffing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The team, worker and import pages render the GOV.UK patterns, with no crown and no GDS font. */
@WebMvcTest(controllers = {TeamPages.class, WorkerPages.class})
@Import({SecurityConfig.class, org.safeload.app.platform.Show.class})
@WithMockUser(roles = "HEAD_OF_SERVICE")
class OrganisationPagesTest {

  private static final LocalDate ON = LocalDate.of(2026, 11, 23);

  @Autowired MockMvc mvc;
  @MockitoBean OrganisationService organisation;
  @MockitoBean WorkforceService workforce;
  @MockitoBean UserAccounts accounts;
  @MockitoBean TeamContracts teamContracts;
  @MockitoBean org.safeload.app.organisation.VettingService vettings;
  @MockitoBean org.safeload.app.organisation.SicknessService sickness;
  @MockitoBean org.safeload.app.organisation.RecruitmentService recruitment;

  private static Worker worker(long id, String name, Role role, String fte, String asye) {
    return new Worker(
        id,
        new WorkerDetails(
            name,
            role,
            EmploymentType.MANAGED_SERVICE,
            new BigDecimal(fte),
            LocalDate.of(2026, 10, 5),
            null,
            LocalDate.of(2016, 7, 1),
            asye == null ? null : LocalDate.parse(asye),
            "SW" + id));
  }

  @BeforeEach
  void council() {
    when(organisation.councilName()).thenReturn("Northbridge Council");
    when(organisation.today()).thenReturn(ON);
  }

  private Document page(MvcResult result) throws Exception {
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  @Test
  void theTeamPageShowsWorkersAndFteAgainstEstablishment() throws Exception {
    Team team = new Team(5, 2, "Brightpath Project Team", TeamKind.MANAGED, 1L);
    List<Worker> members =
        List.of(
            worker(1, "Ada Ashby", Role.TEAM_MANAGER, "1", null),
            worker(2, "Ben Brennan", Role.SOCIAL_WORKER, "1", null),
            worker(3, "Cat Caldwell", Role.SOCIAL_WORKER, "0.8", "2026-10-05"));
    Staffing staffing =
        Staffing.of(
            ON,
            List.of(
                new EstablishmentLine(5, Role.TEAM_MANAGER, BigDecimal.ONE),
                new EstablishmentLine(5, Role.SOCIAL_WORKER, new BigDecimal("7"))),
            members.stream().map(Worker::details).toList());
    when(organisation.teamOverview(5, ON))
        .thenReturn(
            new TeamOverview(
                team,
                new Service(2, "Child Protection and Court", null),
                new Provider(1, "Brightpath Social Work Ltd"),
                ON,
                staffing,
                members.stream()
                    .map(
                        w ->
                            new TeamMember(
                                w, w.details().pqeYears(ON), w.details().inAsyeOn(ON), true))
                    .toList()));

    Document doc = page(mvc.perform(get("/teams/5")).andReturn());

    assertThat(doc.title()).isEqualTo("Brightpath Project Team – Safeload – Northbridge Council");
    assertThat(doc.selectFirst("h1.govuk-heading-l").text()).isEqualTo("Brightpath Project Team");
    assertThat(doc.selectFirst("#managed-tag").text())
        .isEqualTo("Managed team: Brightpath Social Work Ltd");
    // By hand: the managed team's social workers, 1 + 0.8 = 1.8 FTE, are agency workers on the
    // census's basis: all 7 posts stay vacant, 1.8 of them covered; 8 of 8 in all, 2.8 covered.
    Element sw = doc.selectFirst("#staffing tr[data-role=social-worker]");
    assertThat(sw.select("td").eachText()).containsExactly("7", "0", "1.8", "7", "1.8", "2");
    assertThat(doc.select("#staffing-total td").eachText())
        .containsExactly("8", "0", "2.8", "8", "2.8", "3");
    // 5.2 / (2.8 + 5.2) = 65%.
    assertThat(doc.selectFirst("#vacancy-rate strong").text()).isEqualTo("100.0%");
    assertThat(doc.select("#workers tbody tr")).hasSize(3);
    assertThat(doc.select("#workers a.govuk-link").eachAttr("href"))
        .containsExactly("/workers/1", "/workers/2", "/workers/3");
    assertThat(doc.select("#workers tbody tr").get(2).text()).contains("ASYE").contains("0.8");
    // PQE from 1 July 2016 to 23 November 2026: 10 whole years.
    assertThat(doc.select("#workers tbody tr").get(1).select("td").get(4).text()).isEqualTo("10");
    assertThat(doc.select("a[href='/workers/new?teamId=5']")).hasSize(1);
    assertThat(doc.select("a[href='/teams/5/establishment']")).hasSize(1);
  }

  @Test
  void theLayoutIsAPlainCouncilServiceHeaderWithoutTheCrown() throws Exception {
    when(organisation.teamSummaries()).thenReturn(List.of());
    when(organisation.services()).thenReturn(List.of());
    Document doc = page(mvc.perform(get("/teams")).andReturn());
    assertThat(doc.selectFirst("html").hasClass("govuk-template")).isTrue();
    assertThat(doc.selectFirst("body").hasClass("govuk-template__body")).isTrue();
    assertThat(doc.select("header.govuk-header svg")).isEmpty();
    assertThat(doc.select(".govuk-header__logotype")).isEmpty();
    assertThat(doc.selectFirst(".govuk-header .sl-header-council").text())
        .isEqualTo("Northbridge Council");
    assertThat(doc.select("link[rel=stylesheet]").eachAttr("href"))
        .hasSize(2)
        .satisfies(
            hrefs -> {
              assertThat(hrefs.get(0))
                  .matches("/webjars/govuk-frontend/[0-9.]+/dist/govuk/govuk-frontend.min.css");
              assertThat(hrefs.get(1)).isEqualTo("/assets/css/safeload.css");
            });
    assertThat(doc.select("a.govuk-skip-link").attr("href")).isEqualTo("#main-content");
    assertThat(doc.select("form[action='/sign-out'] input[name=_csrf]")).hasSize(1);
  }

  @Test
  void anInvalidWorkerFormShowsTheErrorSummaryLinkedToEachField() throws Exception {
    when(organisation.teams())
        .thenReturn(List.of(new Team(1, 1, "North", TeamKind.SUBSTANTIVE, null)));
    MvcResult result =
        mvc.perform(
                post("/workers/new")
                    .with(csrf())
                    .param("name", "")
                    .param("role", "social-worker")
                    .param("employmentType", "agency")
                    .param("fte", "1.5")
                    .param("startDate.day", "31")
                    .param("startDate.month", "2")
                    .param("startDate.year", "2026")
                    .param("sweRegistration", "SW12")
                    .param("teamId", "1"))
            .andReturn();
    Document doc = page(result);
    assertThat(doc.title()).startsWith("Error: Add a worker");
    Element summary = doc.selectFirst(".govuk-error-summary");
    assertThat(summary).isNotNull();
    assertThat(summary.select("a").eachAttr("href"))
        .containsExactly("#name", "#fte", "#startDate", "#qualificationDate");
    assertThat(summary.select("a").eachText())
        .contains("Enter the worker's name", "Start date must be a real date");
    assertThat(doc.selectFirst("#fte").hasClass("govuk-input--error")).isTrue();
    assertThat(doc.selectFirst("#fte").val()).isEqualTo("1.5");
    assertThat(doc.selectFirst("#fte-error").text())
        .contains("FTE must be more than 0 and at most 1");
    assertThat(doc.selectFirst("#startDate").val()).isEqualTo("31");
    assertThat(doc.selectFirst("#startDate").closest(".govuk-form-group--error")).isNotNull();
    assertThat(doc.selectFirst("#teamId option[selected]").text()).isEqualTo("North");
    verify(workforce, never()).create(any(), anyLong());
  }

  @Test
  void aServiceLevelProblemIsShownAgainstItsField() throws Exception {
    when(organisation.teams()).thenReturn(List.of());
    when(workforce.create(any(), eq(1L)))
        .thenThrow(
            new InvalidInputException(
                "The worker has errors",
                List.of(
                    FieldProblem.of(
                        "sweRegistration", "Another worker already has registration SW1"))));
    Document doc =
        page(
            mvc.perform(
                    post("/workers/new")
                        .with(csrf())
                        .param("name", "Ada")
                        .param("role", "business-support")
                        .param("employmentType", "permanent")
                        .param("fte", "1")
                        .param("startDate.day", "5")
                        .param("startDate.month", "1")
                        .param("startDate.year", "2026")
                        .param("teamId", "1"))
                .andReturn());
    assertThat(doc.select(".govuk-error-summary a").eachAttr("href"))
        .containsExactly("#sweRegistration");
  }

  @Test
  void aBadImportFileListsEveryBadRowByLine() throws Exception {
    when(workforce.importCsv(anyString()))
        .thenThrow(
            new InvalidInputException(
                "The file has errors",
                List.of(
                    new FieldProblem(3, "fte", "FTE must be more than 0 and at most 1"),
                    new FieldProblem(4, "team", "No team called Nowhere"))));
    MvcResult result =
        mvc.perform(
                multipart("/workers/import")
                    .file(new MockMultipartFile("file", "workers.csv", "text/csv", "x".getBytes()))
                    .with(csrf()))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document doc = page(result);
    assertThat(doc.selectFirst(".govuk-error-summary a").attr("href")).isEqualTo("#file");
    assertThat(doc.select("#import-errors tbody tr"))
        .extracting(Element::text)
        .containsExactly(
            "3 fte FTE must be more than 0 and at most 1", "4 team No team called Nowhere");
  }

  @Test
  @WithMockUser(roles = "READ_ONLY")
  void aReadOnlyUserIsNotOfferedChanges() throws Exception {
    when(workforce.list(any()))
        .thenReturn(new org.safeload.app.organisation.WorkerList(List.of(), 1, 50, 0));
    Document doc = page(mvc.perform(get("/workers")).andReturn());
    assertThat(doc.select("a[href='/workers/new']")).isEmpty();
    assertThat(doc.select("a[href='/workers/import']")).isEmpty();
  }

  private static Worker worker(long id, Role role, String start, String end) {
    return new Worker(
        id,
        new WorkerDetails(
            "Worker Name " + (char) ('A' + id),
            role,
            EmploymentType.PERMANENT,
            BigDecimal.ONE,
            LocalDate.parse(start),
            end == null ? null : LocalDate.parse(end),
            LocalDate.of(2013, 7, 1),
            null,
            "SW" + id));
  }

  private static WorkerView view(Worker w, Team team, WorkerStatus status, Team placement) {
    return new WorkerView(
        w,
        team,
        ON,
        List.of(
            new WorkerView.HistoryLine(
                new Assignment(w.id(), placement.id(), w.details().startDate(), null),
                placement.name())),
        w.details().pqeYears(ON),
        false,
        status,
        placement);
  }

  private static final Team COURT =
      new Team(4, 2, "Court and Permanence Team", TeamKind.SUBSTANTIVE, null);

  @Test
  void aLeaverLeftOnTheirLastDayAndHasNoTeamToday() throws Exception {
    Worker leaver = worker(3, Role.SOCIAL_WORKER, "2015-02-02", "2026-06-30");
    when(workforce.worker(3)).thenReturn(view(leaver, null, WorkerStatus.LEAVER, COURT));
    Document doc = page(mvc.perform(get("/workers/3")).andReturn());
    assertThat(doc.selectFirst("#status").text()).isEqualTo("Left on 30 June 2026");
    assertThat(doc.selectFirst("#team").text())
        .isEqualTo("None. Their last team was Court and Permanence Team");
    assertThat(doc.select("#caseload-link")).isEmpty();
    assertThat(doc.select("a[href='/workers/3/move']")).isEmpty();
    // The open assignment ends with their last working day, not "Now".
    assertThat(doc.select("#history tbody tr").eachText())
        .containsExactly("Court and Permanence Team From 2 February 2015 to 30 June 2026");
    assertThat(doc.select(".govuk-breadcrumbs a").eachAttr("href"))
        .containsExactly("/", "/workers");
  }

  @Test
  void aFutureStarterStartsOnTheirFirstDayInTheTeamTheyJoin() throws Exception {
    Worker starter = worker(4, Role.SOCIAL_WORKER, "2026-12-01", null);
    when(workforce.worker(4)).thenReturn(view(starter, null, WorkerStatus.FUTURE_STARTER, COURT));
    Document doc = page(mvc.perform(get("/workers/4")).andReturn());
    assertThat(doc.selectFirst("#status").text()).isEqualTo("Starts on 1 December 2026");
    assertThat(doc.selectFirst("#team").text())
        .isEqualTo("None yet: joins Court and Permanence Team on 1 December 2026");
    assertThat(doc.select("#history tbody tr").eachText())
        .containsExactly("Court and Permanence Team From 1 December 2026");
  }

  @Test
  void aCaseHoldersPageLinksToTheirRowOnTheTeamsCaseloadBoard() throws Exception {
    Worker current = worker(2, Role.SOCIAL_WORKER, "2017-01-09", "2026-12-31");
    when(workforce.worker(2)).thenReturn(view(current, COURT, WorkerStatus.CURRENT, COURT));
    Document doc = page(mvc.perform(get("/workers/2")).andReturn());
    assertThat(doc.selectFirst("#status").text()).isEqualTo("Leaving on 31 December 2026");
    assertThat(doc.selectFirst("#team a").attr("href")).isEqualTo("/teams/4");
    assertThat(doc.selectFirst("#caseload-link").attr("href"))
        .isEqualTo("/caseloads/teams/4#worker-2");
    assertThat(doc.selectFirst("#caseload-link").text())
        .isEqualTo("Caseload on the Court and Permanence Team board");
    // 1 July 2013 to 23 November 2026: 13 whole years.
    assertThat(doc.selectFirst("#pqe").text()).isEqualTo("13 years");
  }

  @Test
  void theWorkersListSaysWhatItHoldsAndKeepsTheFiltersOnEveryPageLink() throws Exception {
    when(organisation.teams()).thenReturn(List.of(COURT));
    Worker a = worker(2, Role.SOCIAL_WORKER, "2017-01-09", null);
    when(workforce.list(any()))
        .thenReturn(
            new WorkerList(List.of(view(a, COURT, WorkerStatus.CURRENT, COURT)), 2, 50, 120));
    Document doc =
        page(
            mvc.perform(get("/workers?team=4&role=social-worker&status=current&page=2"))
                .andReturn());
    verify(workforce).list(new WorkerQuery(4L, Role.SOCIAL_WORKER, null, WorkerStatus.CURRENT, 2));
    // 120 workers, 50 a page: page 2 holds the 51st to the 100th, of 3 pages.
    assertThat(doc.selectFirst("#showing").text()).isEqualTo("Showing 51 to 100 of 120 workers");
    assertThat(doc.select(".govuk-pagination__item a").eachAttr("href"))
        .containsExactly(
            "/workers?team=4&role=social-worker&status=current",
            "/workers?team=4&role=social-worker&status=current&page=2",
            "/workers?team=4&role=social-worker&status=current&page=3");
    assertThat(doc.selectFirst(".govuk-pagination__item--current a").attr("aria-current"))
        .isEqualTo("page");
    assertThat(doc.selectFirst("a[rel=next]").attr("href"))
        .isEqualTo("/workers?team=4&role=social-worker&status=current&page=3");
    assertThat(doc.selectFirst("#team option[selected]").text())
        .isEqualTo("Court and Permanence Team");
    assertThat(doc.selectFirst("#role option[selected]").text()).isEqualTo("Social worker");
    assertThat(doc.selectFirst("#status option[selected]").text()).isEqualTo("Current");
    assertThat(doc.select("#employment option[selected]")).isEmpty();
    assertThat(doc.selectFirst("#employment option").text()).isEqualTo("All employment types");
    assertThat(doc.select("#workers tbody tr td").eachText())
        .containsExactly(
            "Worker Name C",
            "Social worker",
            "Permanent",
            "1",
            "13",
            "Court and Permanence Team",
            "Current");
    assertThat(doc.select("form#filters").attr("method")).isEqualTo("get");
  }

  @Test
  void anUnknownFilterIsSaidAndLeftOut() throws Exception {
    when(organisation.teams()).thenReturn(List.of(COURT));
    when(workforce.list(any())).thenReturn(new WorkerList(List.of(), 1, 50, 0));
    Document doc = page(mvc.perform(get("/workers?team=99&role=wizard")).andReturn());
    verify(workforce).list(new WorkerQuery(null, null, null, null, 1));
    assertThat(doc.select(".govuk-error-summary a").eachAttr("href"))
        .containsExactly("#team", "#role");
    assertThat(doc.selectFirst("#showing").text()).isEqualTo("No workers to show");
  }

  @Test
  void theTeamPageLinksToItsCaseloadsThroughputTimelinessAndContract() throws Exception {
    Team team = new Team(5, 2, "Brightpath Project Team", TeamKind.MANAGED, 1L);
    when(organisation.teamOverview(5, ON))
        .thenReturn(
            new TeamOverview(
                team,
                new Service(2, "Child Protection and Court", null),
                new Provider(1, "Brightpath Social Work Ltd"),
                ON,
                Staffing.of(ON, List.of(), List.of()),
                List.of()));
    when(teamContracts.forTeam(5))
        .thenReturn(
            List.of(
                new TeamContracts.ContractLink(
                    "NBC-BRIGHTPATH-2026",
                    "Brightpath Social Work Ltd",
                    LocalDate.of(2026, 10, 5),
                    LocalDate.of(2027, 4, 4))));
    Document doc = page(mvc.perform(get("/teams/5")).andReturn());
    assertThat(doc.select("#team-links a").eachAttr("href"))
        .containsExactly(
            "/caseloads/teams/5",
            "/caseloads/teams/5/throughput",
            "/timeliness?team=5",
            "/workers?team=5",
            "/contracts/NBC-BRIGHTPATH-2026");
    assertThat(doc.selectFirst(".sl-contract-link").text())
        .isEqualTo(
            "Contract NBC-BRIGHTPATH-2026 with Brightpath Social Work Ltd, 5 October 2026 to 4"
                + " April 2027");
    assertThat(doc.select(".govuk-breadcrumbs a").eachText()).containsExactly("Home", "Teams");
  }
}
