package org.safeload.app.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.safeload.app.organisation.OrganisationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Whatever goes wrong behind a page, a browser gets a page in the service's layout (the council's
 * name, the problem in words, a way back) and the API gets RFC 9457 problem details.
 */
@SafeloadSpringTest
@org.springframework.context.annotation.Import(ErrorsArePagesTest.FailingPage.class)
class ErrorsArePagesTest {

  @Autowired MockMvc mvc;
  @Autowired OrganisationService organisation;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;

  /**
   * A page that fails inside, as a bug would; imported by this test only. It answers the settings
   * page's address with a parameter of its own: an address the route table does not list would be
   * refused before it could fail.
   */
  @Controller
  static class FailingPage {
    @GetMapping(path = "/settings", params = "fail-for-test")
    String fail() {
      throw new IllegalStateException("internal detail: table secret_column");
    }
  }

  private Document page(MvcResult result) throws Exception {
    assertThat(result.getResponse().getContentType()).startsWith("text/html");
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  @Test
  void anUnknownAddressIsANotFoundPageWithTheCouncilsName() throws Exception {
    // MockMvc stops at the 404; the container then renders /error (the browser journey shows the
    // whole path in Chromium). Here: the error page for that 404.
    assertThat(
            mvc.perform(get("/no-such-page").with(user("admin").roles("ADMIN")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    MvcResult result =
        mvc.perform(
                get("/error")
                    .with(user("admin").roles("ADMIN"))
                    .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 404)
                    .accept(MediaType.TEXT_HTML))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(404);
    Document page = page(result);
    assertThat(page.select("h1").text()).isEqualTo("Page not found");
    assertThat(page.title()).isEqualTo("Page not found – Safeload – " + organisation.councilName());
    assertThat(page.select(".sl-header-council").text()).isEqualTo(organisation.councilName());
    assertThat(page.text()).doesNotContain("null");
  }

  @Test
  void aMistypedDateInAPageAddressIsABadRequestPageInWords() throws Exception {
    MvcResult result =
        mvc.perform(
                get("/contracts/NBC-BRIGHTPATH-2026")
                    .param("asOf", "2026-13-45")
                    .header("Referer", "http://localhost/contracts")
                    .with(user("admin").roles("ADMIN"))
                    .accept(MediaType.TEXT_HTML))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = page(result);
    assertThat(page.select("h1").text()).isEqualTo("There is a problem with what was asked for");
    assertThat(page.select("#problem-message").text())
        .isEqualTo("\"2026-13-45\" is not a date. Enter a date like 24/11/2026.");
    assertThat(page.select("#problem-back").attr("href")).isEqualTo("/contracts");
    // An exception handler's page has the layout every page has: the council, the navigation.
    assertThat(page.title())
        .isEqualTo(
            "There is a problem with what was asked for – Safeload – "
                + organisation.councilName());
    assertThat(page.select(".govuk-service-navigation__item")).isNotEmpty();
  }

  @Test
  void anIdThatIsNotANumberIsABadRequestPage() throws Exception {
    MvcResult result =
        mvc.perform(
                get("/teams/abc").with(user("admin").roles("ADMIN")).accept(MediaType.TEXT_HTML))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(page(result).select("#problem-message").text())
        .isEqualTo("\"abc\" is not a number, so there is no such page.");
  }

  @Test
  void aBackLinkNeverLeadsToAnotherSite() throws Exception {
    MvcResult result =
        mvc.perform(
                get("/teams/abc")
                    .header("Referer", "https://evil.example/phish")
                    .with(user("admin").roles("ADMIN"))
                    .accept(MediaType.TEXT_HTML))
            .andReturn();
    assertThat(page(result).select("#problem-back")).isEmpty();
  }

  @Test
  void aPageTheRoleMayNotSeeIsAForbiddenPage() throws Exception {
    MvcResult result =
        mvc.perform(
                get("/admin/users")
                    .with(user("sw").roles(AccessRole.SOCIAL_WORKER.name()))
                    .accept(MediaType.TEXT_HTML))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(403);
    Document page = page(result);
    assertThat(page.select("h1").text()).isEqualTo("You cannot do this");
    assertThat(page.select(".sl-header-council").text()).isEqualTo(organisation.councilName());
  }

  @Test
  void aFailureInsideIsAServerErrorPageThatSaysNothingOfTheInside() throws Exception {
    MvcResult result =
        mvc.perform(
                get("/settings")
                    .param("fail-for-test", "yes")
                    .with(user("admin").roles("ADMIN"))
                    .accept(MediaType.TEXT_HTML))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(500);
    Document page = page(result);
    assertThat(page.select("h1").text()).isEqualTo("Sorry, there is a problem with the service");
    assertThat(page.html()).doesNotContain("secret_column").doesNotContain("IllegalState");
  }

  @Test
  void anythingButABrowserGetsProblemDetailsFromTheErrorDispatch() throws Exception {
    MvcResult result =
        mvc.perform(
                get("/error")
                    .with(user("admin").roles("ADMIN"))
                    .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 404)
                    .requestAttr(
                        jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/nope")
                    .accept(MediaType.APPLICATION_JSON))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(404);
    assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
    assertThat(result.getResponse().getContentAsString())
        .contains("\"title\":\"Page not found\"", "\"instance\":\"/api/v1/nope\"");
  }

  @Test
  void theApiKeepsProblemDetails() throws Exception {
    TestAccounts.ensure(accounts, providers);
    MvcResult unknown =
        mvc.perform(
                get("/api/v1/teams/abc")
                    .with(httpBasic(TestAccounts.username(AccessRole.ADMIN), TestAccounts.PASSWORD))
                    .accept(MediaType.APPLICATION_JSON))
            .andReturn();
    assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
    assertThat(unknown.getResponse().getContentType()).isEqualTo("application/problem+json");
    assertThat(unknown.getResponse().getContentAsString()).contains("\"status\":400");
  }
}
