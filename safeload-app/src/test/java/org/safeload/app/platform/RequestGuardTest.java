package org.safeload.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Bodies too large for their address, and API changes from another site, are refused unread. */
@SafeloadSpringTest
class RequestGuardTest {

  private static final String EVENTS =
      "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n"
          + "guard-1,2026-11-02T09:00,referral,GUARD1,KGUARD1,,1,,,\n"
          + "guard-2,2026-11-02T10:00,closed,GUARD1,KGUARD1,,1,,,\n";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic("admin", "test-admin-password")))
        .andReturn()
        .getResponse();
  }

  private long stored() {
    return jdbc.sql("select count(*) from case_event where event_id like 'guard-%'")
        .query(Long.class)
        .single();
  }

  @Test
  void anImportSentByAPageOnAnotherSiteIsRefusedAndNothingIsStored() throws Exception {
    for (String header : new String[] {"Origin", "Sec-Fetch-Site"}) {
      String value = header.equals("Origin") ? "http://evil.example" : "cross-site";
      MockHttpServletResponse refused =
          send(
              post("/api/v1/case-events/import")
                  .header(header, value)
                  .contentType("text/plain")
                  .content(EVENTS));
      assertThat(refused.getStatus()).as(header).isEqualTo(403);
      assertThat(refused.getContentType()).startsWith("application/problem+json");
      assertThat(refused.getContentAsString()).contains("another site");
      assertThat(stored()).isZero();
    }
    // The app's own pages (same origin) and programs (no Origin) are served.
    MockHttpServletResponse same =
        send(
            post("/api/v1/case-events/import")
                .header("Origin", "http://localhost")
                .contentType("text/csv")
                .content(EVENTS));
    assertThat(same.getStatus()).as(same.getContentAsString()).isEqualTo(200);
    assertThat(stored()).isEqualTo(2);
  }

  @Test
  void aBodyLargerThanItsAddressAllowsIsRefusedBeforeItIsRead() throws Exception {
    String padding = "x".repeat((int) RequestGuard.MAX_BODY);
    MockHttpServletResponse refused =
        send(
            post("/api/v1/services")
                .contentType("application/json")
                .content("{\"name\":\"Big\",\"description\":\"" + padding + "\"}"));
    assertThat(refused.getStatus()).isEqualTo(413);
    assertThat(refused.getContentAsString()).contains("at most " + RequestGuard.MAX_BODY);
    assertThat(
            jdbc.sql("select count(*) from service where name = 'Big'").query(Long.class).single())
        .isZero();
    // Event files may be far larger.
    assertThat(RequestGuard.limit("/api/v1/case-events/import", "text/csv"))
        .isEqualTo(RequestGuard.MAX_EVENTS_FILE);
    assertThat(RequestGuard.limit("/timeliness/import", "multipart/form-data; boundary=x"))
        .isEqualTo(Long.MAX_VALUE);
  }
}
