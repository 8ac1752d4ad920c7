package org.safeload.app.caseload.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.access.SecurityConfig;
import org.safeload.app.access.UserAccounts;
import org.safeload.app.caseload.AllocationPolicies;
import org.safeload.app.caseload.CaseloadBoards;
import org.safeload.app.caseload.Handovers;
import org.safeload.app.caseload.UnallocatedCases;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.platform.Show;
import org.safeload.timeliness.CaseType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A long unallocated queue (the demo's is short) is paged: 50 a page, oldest first, "Showing 51 to
 * 100 of 120", GOV.UK pagination keeping the date asked for.
 */
@WebMvcTest(controllers = CaseloadPages.class)
@Import({SecurityConfig.class, Show.class})
@WithMockUser(roles = "TEAM_MANAGER")
class UnallocatedPagesTest {

  private static final LocalDate ON = LocalDate.of(2026, 11, 24);

  @Autowired MockMvc mvc;
  @MockitoBean CaseloadBoards boards;
  @MockitoBean UnallocatedCases unallocated;
  @MockitoBean Handovers handovers;
  @MockitoBean AllocationPolicies policies;
  @MockitoBean OrganisationService organisation;
  @MockitoBean UserAccounts accounts;

  @BeforeEach
  void queue() {
    when(organisation.councilName()).thenReturn("Northbridge Council");
    when(boards.today()).thenReturn(ON);
    when(boards.dateProblem(org.mockito.ArgumentMatchers.any()))
        .thenReturn(java.util.Optional.empty());
    // 120 cases waiting, one a day from 1 June 2026: case Q001 the oldest.
    List<UnallocatedCases.Waiting> waiting = new ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      waiting.add(
          new UnallocatedCases.Waiting(
              String.format("Q%03d", i),
              String.format("K%03d", i),
              "7",
              "Assessment Team North",
              CaseType.CIN,
              LocalDate.of(2026, 6, 1).plusDays(i - 1),
              121 - i,
              i % 10 == 0 ? "Lena Oakes" : null));
    }
    when(unallocated.queue(ON)).thenReturn(waiting);
  }

  private Document page(String path) throws Exception {
    var result = mvc.perform(get(path)).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  @Test
  void theSecondPageShowsTheNextFiftyAndSaysSo() throws Exception {
    Document p = page("/caseloads/unallocated?on=24/11/2026&page=2");
    assertThat(p.selectFirst("#waiting-count").text()).isEqualTo("120 cases waiting");
    assertThat(p.selectFirst("#showing").text()).isEqualTo("Showing 51 to 100 of 120 cases");
    assertThat(p.select("#queue tbody tr")).hasSize(50);
    assertThat(p.select("#queue tbody tr").first().attr("data-case")).isEqualTo("Q051");
    assertThat(p.select("#queue tbody tr").last().attr("data-case")).isEqualTo("Q100");
    // Q051 waits from 1 June + 50 days = 21 July 2026, in words, and its type in words.
    assertThat(p.select("#queue tbody tr").first().select("td").eachText())
        .containsExactly(
            "Assessment Team North", "Child in need", "21 July 2026", "70", "No worker allocated");
    assertThat(p.select("#queue tr[data-case=Q060] td[data-col=why]").text())
        .isEqualTo("Lena Oakes has left");
    // GOV.UK pagination: 1 [2] 3, previous and next, each keeping the date.
    var nav = p.selectFirst("nav.govuk-pagination");
    assertThat(nav).isNotNull();
    assertThat(nav.attr("aria-label")).isEqualTo("Pagination");
    assertThat(nav.select(".govuk-pagination__item").eachText()).containsExactly("1", "2", "3");
    assertThat(nav.select("a[aria-current=page]").text()).isEqualTo("2");
    assertThat(nav.select(".govuk-pagination__item--current")).hasSize(1);
    assertThat(nav.select("a[rel=prev]").attr("href"))
        .isEqualTo("/caseloads/unallocated?on=24/11/2026&page=1");
    assertThat(nav.select("a[rel=next]").attr("href"))
        .isEqualTo("/caseloads/unallocated?on=24/11/2026&page=3");
  }

  @Test
  void theFirstPageHasNoPreviousAndTheLastNoNext() throws Exception {
    Document first = page("/caseloads/unallocated");
    assertThat(first.selectFirst("#showing").text()).isEqualTo("Showing 1 to 50 of 120 cases");
    assertThat(first.select("nav.govuk-pagination a[rel=prev]")).isEmpty();
    assertThat(first.select("nav.govuk-pagination a[rel=next]").attr("href"))
        .isEqualTo("/caseloads/unallocated?page=2");
    Document last = page("/caseloads/unallocated?page=3");
    assertThat(last.selectFirst("#showing").text()).isEqualTo("Showing 101 to 120 of 120 cases");
    assertThat(last.select("#queue tbody tr")).hasSize(20);
    assertThat(last.select("nav.govuk-pagination a[rel=next]")).isEmpty();
  }
}
