package org.safeload.timeliness;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.safeload.calendar.WorkingCalendar;

/**
 * A realistic, deterministic synthetic case log: referrals, decisions, allocations, oversight,
 * visits and write-ups, assessments, child in need and child protection work with its meetings and
 * minutes, documents, step-downs and closures, and supervision. The same seed gives the same log.
 * Most things happen on time; some are late and some never happen, as in life.
 *
 * <p>The generator sets up the council (its teams, workers and period) and keeps what lasts across
 * runs (the random sequence, event ids and children); each run is its own class in this package:
 * {@link ReferralRun} and {@link ReferralCase} for the default shape, {@link CouncilRun}, {@link
 * FamilyPlanner} and {@link PlannedCase} for a shape given by {@link Options}, all writing through
 * an {@link EventWriter}.
 */
public final class EventGenerator {

  /** Receives each generated event. */
  public interface Sink {
    void event(
        String id,
        LocalDateTime at,
        EventType type,
        String caseId,
        String childId,
        String workerId,
        String teamId,
        String detail,
        String ref,
        LocalDate due);
  }

  /** A generated team. */
  public record Team(String id, String name, String kind, String provider) {}

  /** A generated child: a pseudonymous reference, date of birth and family group. */
  public record Child(String id, LocalDate dateOfBirth, String familyGroup) {}

  /** A generated worker. */
  public record Worker(String id, String name, String teamId, String role) {}

  public static final List<Team> TEAMS =
      List.of(
          new Team("T1", "Assessment Team North", "substantive", ""),
          new Team("T2", "Assessment Team South", "substantive", ""),
          new Team("T3", "Child Protection Team", "substantive", ""),
          new Team("T4", "Court and Permanence Team", "substantive", ""),
          new Team("T5", "Brightpath Project Team", "managed", "Brightpath Social Work Ltd"));

  private final GenerationPeriod period;
  private final SplittableRandom random;
  private final int children;
  private final List<Worker> workers = new ArrayList<>();
  private final List<Child> childList = new ArrayList<>();
  private final Options options;
  private long nextId;

  /** A generator of the default shape: children referred to {@link #TEAMS}, a few workers each. */
  public EventGenerator(
      WorkingCalendar calendar, long seed, int children, int months, LocalDate start) {
    this.period = new GenerationPeriod(calendar, start, start.plusMonths(months).minusDays(1));
    this.random = new SplittableRandom(seed);
    this.children = children;
    this.options = null;
    int perTeam = Math.max(2, children / 12 / TEAMS.size() + 1);
    for (Team team : TEAMS) {
      for (int i = 0; i < perTeam; i++) {
        workers.add(
            new Worker(
                "W" + (workers.size() + 1),
                "Worker " + (workers.size() + 1),
                team.id(),
                "social-worker"));
      }
    }
  }

  /**
   * A generator shaped by options: the given teams' standing cases and referrals, and the given
   * workers ({@code W1}, {@code W2}, … in the order of {@link Options#staff()}).
   *
   * @param children how many children are referred during the period (standing cases come on top)
   */
  public EventGenerator(
      WorkingCalendar calendar,
      long seed,
      int children,
      int months,
      LocalDate start,
      Options options) {
    this.period = new GenerationPeriod(calendar, start, start.plusMonths(months).minusDays(1));
    this.random = new SplittableRandom(seed);
    this.children = children;
    this.options = options;
    for (Staff s : options.staff()) {
      int n = workers.size() + 1;
      workers.add(new Worker("W" + n, "Worker " + n, s.teamId(), "social-worker"));
    }
  }

  public List<Worker> workers() {
    return List.copyOf(workers);
  }

  /** The children of the last {@link #generate} run. */
  public List<Child> children() {
    return List.copyOf(childList);
  }

  public LocalDate end() {
    return period.end();
  }

  /** Generates the whole log into a sink, child by child, then supervision worker by worker. */
  /**
   * Writes the log as an event file (docs/timeliness.md): the header, then one line per event.
   *
   * @return the number of events written
   */
  public long writeCsv(Appendable out) throws java.io.IOException {
    out.append(String.join(",", EventCsv.HEADER)).append('\n');
    long[] count = {0};
    try {
      generate(
          (id, at, type, caseId, child, worker, team, detail, ref, due) -> {
            try {
              out.append(id).append(',').append(at.toString()).append(',').append(type.code());
              out.append(',').append(caseId).append(',').append(child).append(',').append(worker);
              out.append(',').append(team).append(',').append(detail).append(',').append(ref);
              out.append(',').append(due == null ? "" : due.toString()).append('\n');
              count[0]++;
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    return count[0];
  }

  public void generate(Sink sink) {
    EventWriter writer = new EventWriter(sink, random, period.calendar(), this::nextId);
    if (options != null) {
      new CouncilRun(options, period, random, writer, childList).generate(children);
    } else {
      new ReferralRun(period, random, writer, workers, childList).generate(children);
    }
  }

  private String nextId() {
    return "E" + (++nextId);
  }

  // --- A council's own shape --------------------------------------------------------------------

  /**
   * A case-holding worker of a generator with {@link Options}.
   *
   * @param share their share of the team's new cases (e.g. FTE in tenths, less for a newly
   *     qualified worker or an advanced practitioner)
   * @param complexWork whether they may hold {@code cp}, {@code plo} and {@code court} cases
   * @param from their first day (null: before the period)
   * @param to their last day (null: after the period); their cases are then re-allocated, or some
   *     stay with them, unallocated in effect
   */
  public record Staff(
      String teamId, int share, boolean complexWork, LocalDate from, LocalDate to) {}

  /**
   * How a team's cases arise.
   *
   * @param referrals its share of the period's new referrals (0: none come straight to it)
   * @param standing how many cases it holds open at the start of the period, each allocated on the
   *     period's first working day (or, with {@code opens}, when it takes them on)
   * @param waiting how many children's cases reach it from a team that takes referrals in the last
   *     three weeks of the period and are still waiting for a worker at its end
   * @param mix the case types of its standing cases, in percent (summing to 100); a case that
   *     becomes a type the team does not hold moves to the team with the largest share of that type
   * @param opens for a team that starts during the period (a managed team): from this day, over
   *     five working days, it takes on its standing cases, each allocated as it arrives
   */
  public record TeamPlan(
      String teamId,
      int referrals,
      int standing,
      int waiting,
      Map<CaseType, Integer> mix,
      LocalDate opens) {

    boolean holds(CaseType type) {
      return mix.getOrDefault(type, 0) > 0 || (type == CaseType.ASSESSMENT && referrals > 0);
    }
  }

  /**
   * What shapes a generated council's case activity (all shares in percent).
   *
   * @param siblingPercent the chance that a family has one more child (up to four)
   * @param closePercent referrals closed after their assessment
   * @param cpPercent referrals that go on to a child protection plan (the rest become cin)
   * @param endPercent standing cases that end or step down during the period
   * @param transferPercent standing cp cases that go into pre-proceedings, moving to the court team
   * @param reallocationPercent standing cases that change worker within their team
   * @param waitPercent cases transferred to another team that arrive there without a worker
   * @param leaverKeepPercent a leaver's cases that stay with them when they leave
   */
  public record Options(
      List<TeamPlan> teams,
      List<Staff> staff,
      int siblingPercent,
      int closePercent,
      int cpPercent,
      int endPercent,
      int transferPercent,
      int reallocationPercent,
      int waitPercent,
      int leaverKeepPercent) {

    public Options {
      teams = List.copyOf(teams);
      staff = List.copyOf(staff);
    }
  }
}
