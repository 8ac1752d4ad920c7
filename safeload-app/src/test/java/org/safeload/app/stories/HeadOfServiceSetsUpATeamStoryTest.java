package org.safeload.app.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The journey through the pages: the administrator creates an account for the head of service, who
 * signs in, sets up a service, a team and its establishment, adds workers, sees the team's FTE
 * against establishment, and moves a worker with the history kept.
 */
@SafeloadSpringTest
class HeadOfServiceSetsUpATeamStoryTest {

  @Autowired MockMvc mvc;

  private SignedIn signIn(String username, String password) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/sign-in")
                    .with(csrf())
                    .param("username", username)
                    .param("password", password))
            .andReturn();
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
    return SignedIn.from(result);
  }

  private String submit(SignedIn session, MockHttpServletRequestBuilder form) throws Exception {
    MvcResult result = mvc.perform(form.with(session).with(csrf())).andReturn();
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(302);
    return result.getResponse().getRedirectedUrl();
  }

  private Document page(SignedIn session, String url) throws Exception {
    MvcResult result = mvc.perform(get(url).with(session)).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  @Test
  void aHeadOfServiceSetsUpATeamAndItsWorkers() throws Exception {
    SignedIn admin = signIn("admin", "test-admin-password");
    submit(
        admin,
        post("/admin/users/new")
            .param("username", "hos")
            .param("displayName", "Helen Head")
            .param("password", "a-long-password-1")
            .param("role", "HEAD_OF_SERVICE"));
    assertThat(page(admin, "/admin/users").select("#users td").eachText())
        .contains("hos", "Helen Head", "Head of service");

    SignedIn hos = signIn("hos", "a-long-password-1");
    assertThat(page(hos, "/").select(".sl-header-user span").text()).isEqualTo("Helen Head");

    String service =
        submit(
            hos,
            post("/services/new")
                .param("name", "Early Help")
                .param("description", "Step-down work"));
    long serviceId = Long.parseLong(service.substring(service.lastIndexOf('/') + 1));
    String team =
        submit(
            hos,
            post("/teams/new")
                .param("serviceId", String.valueOf(serviceId))
                .param("name", "Early Help Team")
                .param("kind", "substantive"));
    submit(
        hos, post(team + "/establishment").param("team-manager", "1").param("social-worker", "6"));

    String teamId = team.substring(team.lastIndexOf('/') + 1);
    String ada =
        submit(
            hos,
            post("/workers/new")
                .param("name", "Ada Ashdown")
                .param("role", "social-worker")
                .param("employmentType", "permanent")
                .param("fte", "0.6")
                .param("startDate.day", "2")
                .param("startDate.month", "3")
                .param("startDate.year", "2026")
                .param("qualificationDate.day", "1")
                .param("qualificationDate.month", "7")
                .param("qualificationDate.year", "2021")
                .param("sweRegistration", "SW660001")
                .param("teamId", teamId));
    submit(
        hos,
        post("/workers/new")
            .param("name", "Ben Bartram")
            .param("role", "team-manager")
            .param("employmentType", "agency")
            .param("fte", "1")
            .param("startDate.day", "2")
            .param("startDate.month", "3")
            .param("startDate.year", "2026")
            .param("qualificationDate.day", "1")
            .param("qualificationDate.month", "7")
            .param("qualificationDate.year", "2008")
            .param("sweRegistration", "SW660002")
            .param("teamId", teamId));

    Document teamPage = page(hos, team + "?on.day=23&on.month=11&on.year=2026");
    // By hand: 0.6 of 6 social workers (5.4 vacant); the agency team manager covers the 1 manager
    // post, which stays vacant on the census's basis: 0.6 employed and 1 agency of 7, 6.4
    // vacant, 1 covered.
    assertThat(teamPage.select("#staffing tr[data-role=social-worker] td").eachText())
        .containsExactly("6", "0.6", "0", "5.4", "0", "1");
    assertThat(teamPage.select("#staffing-total td").eachText())
        .containsExactly("7", "0.6", "1", "6.4", "1", "2");
    assertThat(teamPage.select("#workers a").eachText())
        .containsExactly("Ada Ashdown", "Ben Bartram");

    // Ada goes up to 0.8 FTE; the form shows what is recorded, and the audit names the change.
    assertThat(page(hos, ada + "/edit").selectFirst("#fte").val()).isEqualTo("0.6");
    submit(
        hos,
        post(ada + "/edit")
            .param("name", "Ada Ashdown")
            .param("role", "social-worker")
            .param("employmentType", "permanent")
            .param("fte", "0.8")
            .param("startDate.day", "2")
            .param("startDate.month", "3")
            .param("startDate.year", "2026")
            .param("qualificationDate.day", "1")
            .param("qualificationDate.month", "7")
            .param("qualificationDate.year", "2021")
            .param("sweRegistration", "SW660001"));
    assertThat(
            page(hos, team + "?on.day=23&on.month=11&on.year=2026")
                .select("#staffing-total td")
                .eachText())
        .containsExactly("7", "0.8", "1", "6.2", "1", "2");
    submit(
        hos,
        post(team + "/edit")
            .param("serviceId", String.valueOf(serviceId))
            .param("name", "Early Help Team East")
            .param("kind", "substantive"));
    assertThat(page(hos, team).selectFirst("h1").text()).isEqualTo("Early Help Team East");
    assertThat(page(admin, "/admin/audit").select("#audit tbody tr").eachText())
        .anyMatch(row -> row.endsWith("Helen Head Worker: Ada Ashdown Changed Changed FTE."))
        .anyMatch(
            row -> row.endsWith("Helen Head Team: Early Help Team East Changed Changed name."));

    // Move Ada to the demo's Child Protection Team from 1 December 2026.
    Document movePage = page(hos, ada + "/move");
    String cpTeam =
        movePage.select("#teamId option").stream()
            .filter(o -> o.text().equals("Child Protection Team"))
            .findFirst()
            .orElseThrow()
            .val();
    submit(
        hos,
        post(ada + "/move")
            .param("teamId", cpTeam)
            .param("from.day", "1")
            .param("from.month", "12")
            .param("from.year", "2026"));
    Document worker = page(hos, ada);
    assertThat(worker.select("#history tbody tr").eachText())
        .containsExactly(
            "Early Help Team East From 2 March 2026 to 30 November 2026",
            "Child Protection Team From 1 December 2026");
    // Until then she is in the Early Help team, and the trail names the team she moves to.
    assertThat(worker.selectFirst("#team").text()).isEqualTo("Early Help Team East");
    assertThat(page(admin, "/admin/audit?action=move").select("#audit tbody tr").eachText())
        .anyMatch(
            row ->
                row.endsWith(
                    "Helen Head Worker: Ada Ashdown Moved"
                        + " Moved to Child Protection Team from 1 December 2026."));
    assertThat(
            page(hos, team + "?on.day=1&on.month=12&on.year=2026").select("#workers a").eachText())
        .containsExactly("Ben Bartram");

    // The head of service cannot manage accounts.
    assertThat(mvc.perform(get("/admin/users").with(hos)).andReturn().getResponse().getStatus())
        .isEqualTo(403);
  }
}
