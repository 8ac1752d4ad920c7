package org.safeload.bench.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * What a virtual user asks for: a fixed mix of the pages and API calls people use most, each picked
 * with its weight by the user's seeded random numbers.
 */
public final class Mix {

  /**
   * One page or API call.
   *
   * @param name what it is, e.g. {@code caseloads (page)}
   * @param api true for the API (a token), false for a page (the session)
   * @param weight its share of the requests, out of {@link #totalWeight()}
   * @param path the address to ask for, some with a random team or page
   */
  public record Endpoint(
      String name, boolean api, int weight, Function<RandomGenerator, String> path) {}

  private final List<Endpoint> endpoints;
  private final int total;

  public Mix(List<Endpoint> endpoints) {
    this.endpoints = List.copyOf(endpoints);
    this.total = endpoints.stream().mapToInt(Endpoint::weight).sum();
    if (total <= 0) {
      throw new IllegalArgumentException("a mix needs a positive total weight");
    }
  }

  /**
   * The mix: the timeliness dashboard 20%, the overdue and due-soon items 20%, caseloads
   * 15%, the unallocated queue 15%, a team's caseload board 15% and a team's throughput 15%, each
   * half as the page and half as its API equivalent.
   *
   * @param teams the teams to pick a board or throughput from
   * @param today the app's today (throughput asks for the six months to it, as the page does)
   */
  public static Mix standard(List<Long> teams, LocalDate today) {
    return new Mix(standard(teams, today, percent -> percent));
  }

  /**
   * The soak's mix: the mix in 80% of the requests (each share four fifths of its own), and
   * in 20% a child's case timeline, as someone opens a case from a list: a case drawn from all of
   * them, half as the page ({@code /cases/{case}}) and half as the API ({@code
   * /api/v1/cases/{case}/events}). Each of these reads is recorded in the audit trail.
   *
   * @param cases the cases to read
   */
  public static Mix soak(List<Long> teams, LocalDate today, List<String> cases) {
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("no cases");
    }
    List<Endpoint> all = standard(teams, today, percent -> percent * 4 / 5);
    Function<RandomGenerator, String> aCase =
        r ->
            URLEncoder.encode(cases.get(r.nextInt(cases.size())), StandardCharsets.UTF_8)
                .replace("+", "%20");
    both(
        all,
        "case timeline",
        20,
        r -> "/cases/" + aCase.apply(r),
        r -> "/api/v1/cases/" + aCase.apply(r) + "/events");
    return new Mix(all);
  }

  /**
   * @param share the percentage each share of the mix gets
   */
  private static List<Endpoint> standard(
      List<Long> teams, LocalDate today, IntUnaryOperator share) {
    if (teams.isEmpty()) {
      throw new IllegalArgumentException("no teams");
    }
    Function<RandomGenerator, Long> team = r -> teams.get(r.nextInt(teams.size()));
    String from = today.minusMonths(6).plusDays(1).toString();
    List<Endpoint> all = new ArrayList<>();
    both(
        all,
        "timeliness dashboard",
        share.applyAsInt(20),
        r -> "/timeliness",
        r -> "/api/v1/timeliness/kpis");
    both(
        all,
        "overdue and due soon",
        share.applyAsInt(20),
        r ->
            "/timeliness?status="
                + (r.nextBoolean() ? "overdue" : "due-soon")
                + "&page="
                + (1 + r.nextInt(3)),
        r -> "/api/v1/timeliness/items?page=" + (1 + r.nextInt(3)) + "&size=50");
    both(all, "caseloads", share.applyAsInt(15), r -> "/caseloads", r -> "/api/v1/caseloads");
    both(
        all,
        "unallocated queue",
        share.applyAsInt(15),
        r -> "/caseloads/unallocated?page=" + (1 + r.nextInt(2)),
        r -> "/api/v1/caseloads/unallocated");
    both(
        all,
        "team board",
        share.applyAsInt(15),
        r -> "/caseloads/teams/" + team.apply(r),
        r -> "/api/v1/caseloads/teams/" + team.apply(r));
    both(
        all,
        "throughput",
        share.applyAsInt(15),
        r -> "/caseloads/teams/" + team.apply(r) + "/throughput",
        r ->
            "/api/v1/caseloads/teams/"
                + team.apply(r)
                + "/throughput?from="
                + from
                + "&to="
                + today);
    return all;
  }

  private static void both(
      List<Endpoint> all,
      String name,
      int percent,
      Function<RandomGenerator, String> page,
      Function<RandomGenerator, String> api) {
    // Weights in half-percents, so that each half of an odd percentage stays whole.
    all.add(new Endpoint(name + " (page)", false, percent, page));
    all.add(new Endpoint(name + " (API)", true, percent, api));
  }

  public List<Endpoint> endpoints() {
    return endpoints;
  }

  public int totalWeight() {
    return total;
  }

  /** An endpoint drawn by weight. */
  public Endpoint pick(RandomGenerator random) {
    int x = random.nextInt(total);
    for (Endpoint e : endpoints) {
      x -= e.weight();
      if (x < 0) {
        return e;
      }
    }
    throw new IllegalStateException("unreachable");
  }
}
