package org.safeload.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.caseload.CaseBook;
import org.safeload.caseload.CaseBook.OpenCase;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Caseloads;
import org.safeload.caseload.Caseloads.GroupLoad;
import org.safeload.caseload.Caseloads.WorkerLoad;
import org.safeload.caseload.Limits;
import org.safeload.caseload.Load;
import org.safeload.caseload.UnallocatedQueue;
import org.safeload.demo.DemoActivity.Activity;
import org.safeload.demo.DemoActivity.Placed;
import org.safeload.demo.DemoCouncil.DemoWorker;
import org.safeload.timeliness.CaseType;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.EventGenerator;
import org.safeload.timeliness.EventLog;

/**
 * The demo council's caseloads on 24 November 2026, from its generated activity through the same
 * code path as the app's loader ({@link DemoActivity}), read with the caseload engine under the
 * default policy. Worker ids here are 1, 2, … in the demo's order and team ids the team names.
 */
class DemoCaseloadsTest {

  private static final LocalDate ON = LocalDate.of(2026, 11, 24);
  private static final String CP = "Child Protection Team";
  private static final String PROJECT = "Brightpath Project Team";
  private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

  private static Activity activity;
  private static CaseBook book;
  private static Caseloads caseloads;
  private static final Map<String, List<CaseHolder>> holders = new LinkedHashMap<>();
  private static final Map<String, DemoWorker> workers = new HashMap<>();

  @BeforeAll
  static void generate() {
    List<Placed> placed = new ArrayList<>();
    Map<String, String> teamIds = new HashMap<>();
    for (DemoWorker w : DemoCouncil.workers()) {
      String id = String.valueOf(placed.size() + 1);
      placed.add(new Placed(id, w));
      workers.put(id, w);
      teamIds.put(w.team(), id(w.team()));
      if (w.details().role().caseHolding()
          && (w.details().endDate() == null || !w.details().endDate().isBefore(ON))) {
        holders
            .computeIfAbsent(w.team(), k -> new ArrayList<>())
            .add(
                new CaseHolder(
                    id,
                    w.details().name(),
                    w.team(),
                    w.details().role(),
                    w.details().fte(),
                    w.details().inAsyeOn(ON),
                    w.details().pqeYears(ON)));
      }
    }
    activity = DemoActivity.generate(CALENDAR, placed, teamIds);
    EventCsv.Result read = EventCsv.read(new StringReader(activity.csv()));
    assertThat(read.problems()).isEmpty();
    EventLog log = read.log();
    book = CaseBook.of(log);
    caseloads = new Caseloads(book, CaseloadPolicy.defaultPolicy(), ON);
  }

  private static GroupLoad team(String name) {
    return caseloads.group(name, holders.get(name), List.of(id(name)));
  }

  /** A team's id in the event file: its name with hyphens for spaces (ids have no spaces). */
  private static String id(String teamName) {
    return teamName.replace(' ', '-');
  }

  @Test
  void casesWaitInTheChildProtectionTeamAndWithTheCourtTeamsLeaver() {
    List<UnallocatedQueue.Waiting> queue =
        UnallocatedQueue.on(
            caseloads.open(),
            ON,
            CALENDAR,
            (w, d) -> workers.get(w).details().endDate() == null,
            w -> workers.get(w).details().endDate());
    assertThat(queue)
        .filteredOn(q -> q.openCase().team().equals(id(CP)) && q.formerWorker() == null)
        .hasSizeBetween(3, 15)
        .allSatisfy(q -> assertThat(q.workingDays()).isLessThan(30));
    assertThat(queue)
        .filteredOn(q -> q.formerWorker() != null)
        .isNotEmpty()
        .allSatisfy(
            q -> {
              assertThat(q.openCase().team()).isEqualTo(id("Court and Permanence Team"));
              assertThat(q.since()).isEqualTo(LocalDate.of(2026, 7, 1));
            });
  }

  @Test
  void theChildProtectionTeamIsOverloaded() {
    GroupLoad cp = team(CP);
    assertThat(cp.casesPerFte()).isGreaterThan(new BigDecimal("16"));
    assertThat(cp.workers()).anyMatch(w -> w.status() == Caseloads.Status.OVER_CAP);
  }

  @Test
  void noNewlyQualifiedWorkerHoldsComplexWork() {
    List<WorkerLoad> asye =
        holders.values().stream()
            .flatMap(List::stream)
            .filter(CaseHolder::asye)
            .map(caseloads::worker)
            .toList();
    assertThat(asye).isNotEmpty();
    for (WorkerLoad w : asye) {
      assertThat(caseloads.casesOf(w.holder().id()))
          .extracting(OpenCase::type)
          .doesNotContain(CaseType.CP, CaseType.PLO, CaseType.COURT);
      assertThat(w.load().cases()).isLessThanOrEqualTo(12);
    }
  }

  @Test
  void theManagedTeamHoldsAboutOneHundredAndThirtyCasesWithSiblingGroups() {
    List<OpenCase> open =
        caseloads.open().stream().filter(c -> id(PROJECT).equals(c.team())).toList();
    assertThat(open).hasSizeBetween(120, 140);
    assertThat(open).extracting(OpenCase::type).containsOnly(CaseType.CP, CaseType.CIN);
    assertThat(siblingGroups(id(PROJECT))).isGreaterThanOrEqualTo(5);
  }

  @Test
  void theManagedTeamsExitFitsTheSubstantiveTeamsButOnlyJust() {
    // Feasible: families, largest weight first, each to the substantive worker with the most room
    // who may take the whole family within every hard rule of the default policy.
    Map<String, String> family =
        activity.children().stream()
            .collect(Collectors.toMap(EventGenerator.Child::id, EventGenerator.Child::familyGroup));
    CaseloadPolicy policy = caseloads.policy();
    Map<String, List<OpenCase>> families =
        caseloads.open().stream()
            .filter(c -> id(PROJECT).equals(c.team()))
            .collect(Collectors.groupingBy(c -> family.get(c.childId())));
    List<List<OpenCase>> order = new ArrayList<>(families.values());
    order.sort(
        Comparator.comparing(
                (List<OpenCase> f) ->
                    f.stream()
                        .map(c -> policy.weight(c.type()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
            .reversed());
    List<CaseHolder> receivers =
        holders.entrySet().stream()
            .filter(e -> !e.getKey().equals(PROJECT))
            .flatMap(e -> e.getValue().stream())
            .toList();
    Map<String, Load> loads = new HashMap<>();
    receivers.forEach(h -> loads.put(h.id(), caseloads.loadOf(h.id())));
    int placed = 0;
    for (List<OpenCase> f : order) {
      CaseHolder best = null;
      BigDecimal bestRoom = null;
      for (CaseHolder h : receivers) {
        Limits limits = policy.limitsFor(h);
        Load after = loads.get(h.id());
        boolean fits = true;
        for (OpenCase c : f) {
          fits &= limits.mayHold(c.type());
          after = after.plus(policy.weight(c.type()));
        }
        if (!fits || !limits.breaches(after).isEmpty()) {
          continue;
        }
        BigDecimal room =
            limits.maxWeighted() == null
                ? BigDecimal.valueOf(limits.maxCases() - after.cases())
                : limits.maxWeighted().subtract(after.weighted());
        if (best == null || room.compareTo(bestRoom) > 0) {
          best = h;
          bestRoom = room;
        }
      }
      if (best != null) {
        Load after = loads.get(best.id());
        for (OpenCase c : f) {
          after = after.plus(policy.weight(c.type()));
        }
        loads.put(best.id(), after);
        placed += f.size();
      }
    }
    assertThat(placed).isEqualTo(families.values().stream().mapToInt(List::size).sum());
    // Tight: the substantive workers' weighted room under their caps is less than a quarter more
    // than the managed team's weighted load.
    BigDecimal room = BigDecimal.ZERO;
    for (CaseHolder h : receivers) {
      Limits limits = policy.limitsFor(h);
      if (limits.maxWeighted() != null) {
        room =
            room.add(
                limits
                    .maxWeighted()
                    .subtract(caseloads.loadOf(h.id()).weighted())
                    .max(BigDecimal.ZERO));
      }
    }
    BigDecimal needed =
        families.values().stream()
            .flatMap(List::stream)
            .map(c -> policy.weight(c.type()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(room).isGreaterThan(needed).isLessThan(needed.multiply(new BigDecimal("1.25")));
  }

  private static long siblingGroups(String team) {
    Map<String, String> family =
        activity.children().stream()
            .collect(Collectors.toMap(EventGenerator.Child::id, EventGenerator.Child::familyGroup));
    return caseloads.open().stream()
        .filter(c -> team.equals(c.team()))
        .collect(Collectors.groupingBy(c -> family.get(c.childId()), Collectors.counting()))
        .values()
        .stream()
        .filter(n -> n >= 2)
        .count();
  }
}
