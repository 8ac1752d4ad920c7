package org.safeload.app.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.access.SecurityConfig;
import org.safeload.app.access.UserAccounts;
import org.safeload.app.audit.AuditEntry;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.audit.AuditNames;
import org.safeload.app.audit.AuditPage;
import org.safeload.app.audit.AuditQuery;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.platform.Show;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The audit trail names people and records, says actions in words, filters and pages. */
@WebMvcTest(controllers = AuditPageController.class)
@Import({SecurityConfig.class, Show.class})
@WithMockUser(roles = "ADMIN")
class AuditPageTest {

  @Autowired MockMvc mvc;
  @MockitoBean AuditLog audit;
  @MockitoBean AuditNames names;
  @MockitoBean OrganisationService organisation;
  @MockitoBean UserAccounts accounts;

  @BeforeEach
  void trail() {
    when(organisation.councilName()).thenReturn("Northbridge Council");
    when(audit.actors()).thenReturn(List.of("hos", "system"));
    when(audit.actions()).thenReturn(List.of("create", "move", "update"));
    when(names.people(anyCollection())).thenReturn(Map.of("hos", "Helen Head"));
    // The trail's own naming (AuditLog.people, tested in AuditLogPeopleTest): here, as it answers.
    when(audit.people(anyCollection()))
        .thenAnswer(
            call -> {
              Map<String, String> people = new java.util.HashMap<>();
              for (Object u : (java.util.Collection<?>) call.getArgument(0)) {
                people.put(
                    (String) u,
                    u.equals("hos")
                        ? "Helen Head"
                        : u.equals(AuditLog.SYSTEM) ? AuditLog.SYSTEM_NAME : "Someone else");
              }
              return people;
            });
    when(names.names(anyString(), anyCollection())).thenReturn(Map.of());
    when(names.names(eq("worker"), anyCollection()))
        .thenReturn(Map.of("26", new AuditNames.Named("Amara Quarry", "/workers/26")));
  }

  private Document page(String url) throws Exception {
    return Jsoup.parse(mvc.perform(get(url)).andReturn().getResponse().getContentAsString());
  }

  @Test
  void eachEntrySaysWhoDidWhatToWhichRecordAndWhenInWords() throws Exception {
    when(audit.page(any()))
        .thenReturn(
            new AuditPage(
                List.of(
                    new AuditEntry(
                        3,
                        Instant.parse("2026-07-14T08:05:00Z"),
                        "hos",
                        "move",
                        "worker",
                        "26",
                        "Moved to Child Protection Team from 1 December 2026"),
                    new AuditEntry(
                        2,
                        Instant.parse("2026-07-14T08:00:00Z"),
                        "system",
                        "import",
                        "case-events",
                        null,
                        "13198 events imported, 0 unchanged"),
                    new AuditEntry(
                        1,
                        Instant.parse("2026-01-14T08:00:00Z"),
                        "system",
                        "read",
                        "child-case",
                        "C99",
                        "case timeline read")),
                1,
                50,
                3));
    Document doc = page("/admin/audit");
    // 08:05 UTC in July is 9:05am in London (summer time); in January London is on UTC.
    assertThat(doc.select("#audit tbody tr").eachText())
        .containsExactly(
            "14 July 2026 at 9:05am Helen Head Worker: Amara Quarry Moved"
                + " Moved to Child Protection Team from 1 December 2026.",
            "14 July 2026 at 9:00am Safeload (system) Case events Imported"
                + " 13198 events imported, 0 unchanged.",
            "14 January 2026 at 8:00am Safeload (system) Child's case: C99 Read"
                + " Case timeline read.");
    assertThat(doc.selectFirst("#audit tbody a").attr("href")).isEqualTo("/workers/26");
    assertThat(doc.selectFirst("#showing").text()).isEqualTo("Showing 1 to 3 of 3 entries");
    assertThat(doc.select(".govuk-pagination")).isEmpty();
    assertThat(doc.select("#who option").eachText())
        .containsExactly("Everyone", "Helen Head", "Safeload (system)");
    assertThat(doc.select("#action option").eachText())
        .containsExactly("All actions", "Added", "Moved", "Changed");
    assertThat(doc.select(".govuk-breadcrumbs a").eachText()).containsExactly("Home", "Settings");
  }

  @Test
  void filtersByPersonActionAndDatesAndKeepsThemOnEveryPageLink() throws Exception {
    when(audit.page(any())).thenReturn(new AuditPage(List.of(), 3, 50, 230));
    Document doc =
        page("/admin/audit?who=hos&action=update&from=1/11/2026&to=24 November 2026&page=3");
    verify(audit)
        .page(
            new AuditQuery(
                "hos", "update", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 24), null, 3));
    // 230 entries, 50 a page: 5 pages; page 3 holds the 101st to the 150th.
    assertThat(doc.selectFirst("#showing").text()).isEqualTo("Showing 101 to 150 of 230 entries");
    assertThat(doc.select(".govuk-pagination__item").eachText())
        .containsExactly("1", "2", "3", "4", "5");
    assertThat(doc.selectFirst("a[rel=prev]").attr("href"))
        .isEqualTo("/admin/audit?who=hos&action=update&from=1/11/2026&to=24/11/2026&page=2");
    assertThat(doc.selectFirst("#from").val()).isEqualTo("1/11/2026");
    assertThat(doc.selectFirst("#who option[selected]").text()).isEqualTo("Helen Head");
    assertThat(doc.selectFirst("#action option[selected]").text()).isEqualTo("Changed");
  }

  @Test
  void aDateThatIsNotADateIsSaidAndLeftOut() throws Exception {
    when(audit.page(any())).thenReturn(new AuditPage(List.of(), 1, 50, 0));
    Document doc = page("/admin/audit?from=31/2/2026&to=1/1/2026&who=nobody");
    verify(audit).page(new AuditQuery(null, null, null, LocalDate.of(2026, 1, 1), null, 1));
    assertThat(doc.select(".govuk-error-summary a").eachAttr("href"))
        .containsExactly("#who", "#from");
    assertThat(doc.selectFirst("#from").val()).isEqualTo("31/2/2026");
    assertThat(doc.selectFirst("#from").hasClass("govuk-input--error")).isTrue();
    assertThat(doc.selectFirst("#showing").text()).isEqualTo("No entries to show");
  }
}
