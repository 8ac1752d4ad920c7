package org.safeload.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A list that shows children is audited: who, what, how many, and the address that read it. */
@SafeloadSpringTest
class ListReadsAreAuditedTest {

  @Autowired MockMvc mvc;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  private List<String> reads(long after) {
    return jdbc.sql(
            "select actor || ' ' || summary from audit_event where action = 'read-list' and id > ?"
                + " order by id")
        .param(after)
        .query(String.class)
        .list();
  }

  @Test
  void theItemsTheQueueAndThePagesThatShowThemAreAudited() throws Exception {
    audit.flush();
    long before =
        jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    for (String path :
        new String[] {"/api/v1/timeliness/items", "/caseloads/unallocated", "/timeliness"}) {
      assertThat(
              mvc.perform(get(path).with(httpBasic("admin", "test-admin-password")))
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .as(path)
          .isEqualTo(200);
    }
    // Written off the request's path: nothing is required to be there until the writer runs.
    audit.flush();
    List<String> reads = reads(before);
    assertThat(reads)
        .anyMatch(
            r ->
                r.startsWith("admin Timeliness items (overdue and due soon): ")
                    && r.endsWith(", at GET /api/v1/timeliness/items"))
        .anyMatch(
            r ->
                r.startsWith("admin Unallocated queue: ")
                    && r.endsWith(" records, at GET /caseloads/unallocated"))
        .anyMatch(r -> r.endsWith(", at GET /timeliness"));
    // A single case read says which page or API read it too.
    String caseRef = jdbc.sql("select min(case_ref) from case_event").query(String.class).single();
    mvc.perform(get("/cases/" + caseRef).with(httpBasic("admin", "test-admin-password")));
    assertThat(
            jdbc.sql(
                    "select summary from audit_event where action = 'read' and entity_id = ?"
                        + " order by id desc fetch first 1 rows only")
                .param(caseRef)
                .query(String.class)
                .single())
        .isEqualTo("case timeline read, at GET /cases/" + caseRef);
    // Never a child's or a case's id.
    assertThat(reads).noneMatch(r -> r.matches(".*\\b[CK]\\d+\\b.*"));
  }
}
