package org.safeload.app.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.SignedIn;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The start page answers "what needs me today?" for each role, with counts that match the lists
 * they link to (read here through the API, a second way in) and change when the work is done.
 */
@SafeloadSpringTest
@DirtiesContext
class HomePageTest {

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts, providers);
  }

  private SignedIn signIn(String user, String password) throws Exception {
    return SignedIn.from(
        mvc.perform(formLogin("/sign-in").user(user).password(password)).andReturn());
  }

  private Document home(SignedIn session) throws Exception {
    var response =
        mvc.perform(get("/").with(session).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return Jsoup.parse(response.getContentAsString());
  }

  private JsonNode api(String path) throws Exception {
    return json.readTree(
        mvc.perform(
                get(path)
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.httpBasic(
                            TestAccounts.username(AccessRole.ADMIN), TestAccounts.PASSWORD)))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private static int count(Document page, String id) {
    return Integer.parseInt(page.select("#" + id + " .sl-count__number").text().replace(",", ""));
  }

  @Test
  void aHeadOfServiceSeesWhatIsWaitingAndTheCountFallsWhenACaseIsAllocated() throws Exception {
    SignedIn session =
        signIn(TestAccounts.username(AccessRole.HEAD_OF_SERVICE), TestAccounts.PASSWORD);
    Document page = home(session);
    assertThat(page.select("h1").text()).isEqualTo("What needs you today");
    // The demo's clock: 24 November 2026.
    assertThat(page.select("#today").text()).isEqualTo("24 November 2026");

    JsonNode queue = api("/api/v1/caseloads/unallocated");
    assertThat(queue.size()).isGreaterThan(0);
    assertThat(count(page, "count-unallocated")).isEqualTo(queue.size());
    // Oldest first, at most five, each with its working days waiting.
    List<String> shown = page.select("#waiting tbody tr td:first-child").eachText();
    assertThat(shown).hasSize(Math.min(5, queue.size()));
    assertThat(shown.getFirst()).isEqualTo(queue.get(0).get("caseRef").asText());
    assertThat(page.select("#waiting tbody tr").first().select("td").last().text())
        .isEqualTo(queue.get(0).get("workingDays").asText());

    // Workers over a cap or target: the same workers the team boards flag.
    int overOnBoards = 0;
    for (JsonNode team : api("/api/v1/caseloads").get("teams")) {
      JsonNode board =
          api("/api/v1/caseloads/teams/" + team.get("team").get("id").asText() + "?size=500");
      assertThat(board.get("workers").get("pages").asInt()).isEqualTo(1);
      for (JsonNode w : board.get("workers").get("items")) {
        if (List.of("OVER_CAP", "OVER_TARGET").contains(w.get("status").asText())) {
          overOnBoards++;
        }
      }
    }
    assertThat(count(page, "count-workers-over")).isEqualTo(overOnBoards);

    // Allocate the oldest waiting case to its top recommendation: one fewer is waiting.
    String oldest = queue.get(0).get("caseRef").asText();
    JsonNode options = api("/api/v1/caseloads/cases/" + oldest + "/recommendations");
    String worker = options.get("options").get(0).get("candidate").get("holder").get("id").asText();
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/v1/caseloads/allocations")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic(
                        TestAccounts.username(AccessRole.ADMIN), TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"caseRef\":\""
                        + oldest
                        + "\",\"workerId\":\""
                        + worker
                        + "\",\"reason\":\"Oldest case, allocated from the start page test\"}"))
        .andReturn();
    Document after = home(session);
    assertThat(count(after, "count-unallocated")).isEqualTo(queue.size() - 1);
    assertThat(after.select("#waiting tbody tr td:first-child").eachText()).doesNotContain(oldest);
  }

  @Test
  void financeSeesMoneyAndCaseloadFiguresButNoChildsCase() throws Exception {
    Document page = home(signIn(TestAccounts.username(AccessRole.FINANCE), TestAccounts.PASSWORD));
    assertThat(page.select("#count-contracts")).hasSize(1);
    assertThat(page.select("#count-workers-over")).hasSize(1);
    assertThat(page.select("#count-unallocated, #count-overdue, #waiting, #overdue")).isEmpty();
    assertThat(page.select("a[href^=/cases/], a[href^=/caseloads/cases/]")).isEmpty();
  }

  @Test
  void aSocialWorkerSeesCasesButNoMoney() throws Exception {
    Document page =
        home(signIn(TestAccounts.username(AccessRole.SOCIAL_WORKER), TestAccounts.PASSWORD));
    assertThat(page.select("#count-overdue")).hasSize(1);
    assertThat(page.select("#count-contracts, #contracts-attention")).isEmpty();
  }
}
