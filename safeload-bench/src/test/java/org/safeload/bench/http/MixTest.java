package org.safeload.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MixTest {

  private final Mix mix = Mix.standard(List.of(11L, 12L, 13L), LocalDate.of(2023, 3, 31));

  @Test
  void theSharesAreTheIssuesHalfPagesHalfApi() {
    Map<String, Double> share = new HashMap<>();
    mix.endpoints().forEach(e -> share.put(e.name(), 100.0 * e.weight() / mix.totalWeight()));
    assertThat(share)
        .containsEntry("timeliness dashboard (page)", 10.0)
        .containsEntry("timeliness dashboard (API)", 10.0)
        .containsEntry("overdue and due soon (page)", 10.0)
        .containsEntry("overdue and due soon (API)", 10.0)
        .containsEntry("caseloads (page)", 7.5)
        .containsEntry("caseloads (API)", 7.5)
        .containsEntry("unallocated queue (page)", 7.5)
        .containsEntry("team board (API)", 7.5)
        .containsEntry("throughput (page)", 7.5)
        .containsEntry("throughput (API)", 7.5)
        .hasSize(12);
    assertThat(mix.endpoints().stream().filter(Mix.Endpoint::api).count()).isEqualTo(6);
  }

  @Test
  void pickingFollowsTheWeights() {
    SplittableRandom random = new SplittableRandom(1);
    Map<String, Integer> picked = new HashMap<>();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      picked.merge(mix.pick(random).name(), 1, Integer::sum);
    }
    for (Mix.Endpoint e : mix.endpoints()) {
      double expected = (double) e.weight() / mix.totalWeight();
      assertThat((double) picked.get(e.name()) / n)
          .as(e.name())
          .isBetween(expected - 0.005, expected + 0.005);
    }
  }

  @Test
  void aSeedGivesTheSameRequestsEveryTime() {
    assertThat(requests(Load.random(1, 3))).isEqualTo(requests(Load.random(1, 3)));
    assertThat(requests(Load.random(1, 3))).isNotEqualTo(requests(Load.random(1, 4)));
    assertThat(requests(Load.random(1, 3))).isNotEqualTo(requests(Load.random(2, 3)));
  }

  @Test
  void pathsNameTheTeamsAndTheSixMonthsToToday() {
    SplittableRandom random = new SplittableRandom(7);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Mix.Endpoint e = mix.pick(random);
      paths.add(e.path().apply(random));
    }
    assertThat(paths)
        .contains(
            "/timeliness",
            "/api/v1/timeliness/kpis",
            "/caseloads",
            "/api/v1/caseloads",
            "/api/v1/caseloads/unallocated",
            "/caseloads/teams/11",
            "/api/v1/caseloads/teams/13",
            "/api/v1/caseloads/teams/12/throughput?from=2022-10-01&to=2023-03-31")
        .allMatch(p -> !p.matches(".*/teams/(?!1[123]\\b).*"))
        .anyMatch(p -> p.startsWith("/api/v1/timeliness/items?page="))
        .anyMatch(p -> p.startsWith("/timeliness?status=due-soon&page="));
  }

  private List<String> requests(SplittableRandom random) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      paths.add(mix.pick(random).path().apply(random));
    }
    return paths;
  }

  @Test
  void theSoakReadsCaseTimelinesInAFifthOfTheRequests() {
    Mix soak = Mix.soak(List.of(11L, 12L, 13L), LocalDate.of(2023, 3, 31), List.of("C1", "C 2"));
    Map<String, Double> share = new HashMap<>();
    soak.endpoints().forEach(e -> share.put(e.name(), 100.0 * e.weight() / soak.totalWeight()));
    // The issue's shares, four fifths each: 20% is 16%, 15% is 12%; then 20% of case timelines.
    assertThat(soak.totalWeight()).isEqualTo(200);
    assertThat(share)
        .containsEntry("timeliness dashboard (page)", 8.0)
        .containsEntry("overdue and due soon (API)", 8.0)
        .containsEntry("caseloads (page)", 6.0)
        .containsEntry("unallocated queue (API)", 6.0)
        .containsEntry("team board (page)", 6.0)
        .containsEntry("throughput (API)", 6.0)
        .containsEntry("case timeline (page)", 10.0)
        .containsEntry("case timeline (API)", 10.0)
        .hasSize(14);

    SplittableRandom random = new SplittableRandom(3);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Mix.Endpoint e = soak.pick(random);
      paths.add(e.path().apply(random));
    }
    assertThat(paths)
        .contains(
            "/cases/C1",
            "/cases/C%202",
            "/api/v1/cases/C1/events",
            "/api/v1/cases/C%202/events",
            "/api/v1/timeliness/kpis");
  }
}
