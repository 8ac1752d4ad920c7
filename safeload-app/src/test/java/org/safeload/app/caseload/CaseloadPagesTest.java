package org.safeload.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The caseload pages render the demo council's figures in GOV.UK markup. */
@SafeloadSpringTest
class CaseloadPagesTest {

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts, providers);
  }

  private Document page(AccessRole role, MockHttpServletRequestBuilder request) throws Exception {
    MvcResult r =
        mvc.perform(request.with(httpBasic(TestAccounts.username(role), TestAccounts.PASSWORD)))
            .andReturn();
    assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
    return Jsoup.parse(r.getResponse().getContentAsString());
  }

  private long team(String name) {
    return jdbc.sql("select id from team where name = ?").param(name).query(Long.class).single();
  }

  @Test
  void pagesRender() throws Exception {
    Document overview = page(AccessRole.TEAM_MANAGER, get("/caseloads?on=2026-11-24"));
    assertThat(overview.select("#teams tbody tr")).hasSize(5);
    long cp = team("Child Protection Team");
    Document board = page(AccessRole.TEAM_MANAGER, get("/caseloads/teams/" + cp + "?on=2026-11-24"));
    assertThat(board.select("#board tbody tr")).isNotEmpty();
    Document queue = page(AccessRole.TEAM_MANAGER, get("/caseloads/unallocated?on=2026-11-24"));
    assertThat(queue.select("h1").text()).isEqualTo("Unallocated cases");
    Document flow =
        page(
            AccessRole.HEAD_OF_SERVICE,
            get("/caseloads/teams/" + cp + "/throughput?from=2026-06-01&to=2026-11-24"));
    assertThat(flow.select("#months tbody tr")).hasSize(6);
    Document policy = page(AccessRole.SOCIAL_WORKER, get("/caseloads/policy"));
    assertThat(policy.select("#groups tbody tr")).hasSize(3);
  }
}
