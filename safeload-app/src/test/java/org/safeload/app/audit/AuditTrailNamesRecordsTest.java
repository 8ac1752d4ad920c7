package org.safeload.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
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

/** The audit trail names a rule set and the allocation policy by their names, never their ids. */
@SafeloadSpringTest
class AuditTrailNamesRecordsTest {

  @Autowired MockMvc mvc;

  @Test
  void aRuleSetAndThePolicyAreNamedAndLinked() throws Exception {
    SignedIn admin =
        SignedIn.from(
            mvc.perform(formLogin("/sign-in").user("admin").password("test-admin-password"))
                .andReturn());
    mvc.perform(
        post("/timeliness/rules/edit")
            .with(admin)
            .with(csrf())
            .param(
                "document",
                """
                id: audit-named-set
                name: Northbridge visiting standards
                rules:
                  - id: supervision-4w
                    name: Supervision every 4 weeks
                    scope: worker
                    target: {type: supervision}
                    every: {weeks: 4}
                """));
    mvc.perform(
        post("/caseloads/policy/built-in").with(admin).with(csrf()).param("confirm", "yes"));

    Document trail =
        Jsoup.parse(
            mvc.perform(get("/admin/audit").with(admin))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(trail.select("a[href='/timeliness/rules/audit-named-set']").eachText())
        .anyMatch(t -> t.contains("Northbridge visiting standards"));
    assertThat(trail.select("a[href='/caseloads/policy']").eachText()).isNotEmpty();
    assertThat(trail.text()).doesNotContain("audit-named-set");
  }
}
