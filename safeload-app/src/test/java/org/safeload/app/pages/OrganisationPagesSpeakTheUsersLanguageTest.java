package org.safeload.app.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The crawl's checks on every organisation and access page of the demo council, not just the first
 * few of each shape: every worker (the leaver among them), every team and service with their forms,
 * each filter of the workers list and every page of the audit trail. Each page below the top level
 * has breadcrumbs or a back link.
 */
@SafeloadSpringTest
class OrganisationPagesSpeakTheUsersLanguageTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void everyOrganisationAndAccessPageSpeaksTheUsersLanguage() throws Exception {
    SignedIn session =
        SignedIn.from(
            mvc.perform(formLogin("/sign-in").user("admin").password("test-admin-password"))
                .andReturn());
    List<String> paths =
        new ArrayList<>(
            List.of(
                "/services",
                "/services/new",
                "/teams",
                "/teams/new",
                "/workers",
                "/workers/new",
                "/workers/import",
                "/workers?status=current",
                "/workers?status=leaver",
                "/workers?status=future-starter",
                "/workers?role=social-worker&employment=agency",
                "/providers",
                "/admin/users",
                "/admin/users/new",
                "/workforce/recruitment",
                "/workforce/recruitment/new",
                "/workforce/placements",
                "/workforce/placements/new"));
    for (long id : ids("worker")) {
      paths.addAll(
          List.of(
              "/workers/" + id,
              "/workers/" + id + "/edit",
              "/workers/" + id + "/move",
              "/workers/" + id + "/sickness"));
    }
    for (long id : ids("team")) {
      paths.addAll(
          List.of(
              "/teams/" + id,
              "/teams/" + id + "/edit",
              "/teams/" + id + "/establishment",
              "/workers?team=" + id));
    }
    for (long id : ids("service")) {
      paths.addAll(List.of("/services/" + id, "/services/" + id + "/edit"));
    }
    int entries = jdbc.sql("select count(*) from audit_event").query(Integer.class).single();
    for (int page = 1; page <= (entries + 49) / 50; page++) {
      paths.add("/admin/audit?page=" + page);
    }
    List<String> topLevel = List.of("/services", "/teams", "/workers", "/providers");

    List<String> problems = new ArrayList<>();
    for (String path : paths) {
      MvcResult result =
          mvc.perform(get(path).with(session).accept(MediaType.TEXT_HTML)).andReturn();
      if (result.getResponse().getStatus() != 200) {
        problems.add(path + ": answered " + result.getResponse().getStatus());
        continue;
      }
      Document page = Jsoup.parse(result.getResponse().getContentAsString(), "http://localhost");
      problems.addAll(EveryPageSpeaksTheUsersLanguageTest.check(path, page));
      String bare = path.replaceAll("\\?.*", "");
      if (!topLevel.contains(bare)
          && page.select("main .govuk-breadcrumbs, main .govuk-back-link").isEmpty()) {
        problems.add(path + ": no breadcrumbs or back link");
      }
    }
    assertThat(paths).hasSizeGreaterThan(150);
    assertThat(problems).isEmpty();
  }

  private List<Long> ids(String table) {
    return jdbc.sql("select id from " + table + " order by id").query(Long.class).list();
  }
}
