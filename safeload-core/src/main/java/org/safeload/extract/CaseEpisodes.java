package org.safeload.extract;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.extract.Records.Assessment;
import org.safeload.extract.Records.ChildInNeed;
import org.safeload.extract.Records.Enquiry;
import org.safeload.extract.Records.InCare;
import org.safeload.extract.Records.MeasuredFrom;
import org.safeload.extract.Records.ProtectionPlan;
import org.safeload.extract.Records.Recorded;
import org.safeload.extract.Records.Referral;
import org.safeload.extract.Records.Source;
import org.safeload.timeliness.CaseType;
import org.safeload.timeliness.EventType;

/**
 * Turns what a return records about children into case activity (docs/annex-a.md): one case per
 * child per episode, its events in the file's order, and the workers and teams named. The one place
 * for the mapping, whichever return was read.
 *
 * <p>An episode starts at a referral. A record the return places in an episode (the census) belongs
 * to it; otherwise a record belongs to the child's latest referral on or before its start, an
 * assessment with none writes a referral on its start date, and a child's other records with none
 * share one episode from the earliest of their starts (opened by the allocation, with no referral,
 * so no assessment is due). Case ids are {@code <child id>-<episode start>}; event ids {@code
 * <list>-<child id>-<column>-<date>}, so reading the same return again gives the same ids.
 */
public final class CaseEpisodes {

  /** Rules a measured-from written here starts. */
  public static final String CP_VISITS = "cp-visit-10wd";

  public static final String REVIEWS = "rcpc-3m-then-6m";
  public static final String CARE_VISITS = "cla-visit-6w";

  /** The order of events at one instant. */
  private static final List<EventType> ORDER =
      List.of(
          EventType.REFERRAL,
          EventType.ALLOCATED,
          EventType.TRANSFERRED,
          EventType.CASE_TYPE_CHANGED,
          EventType.MEETING,
          EventType.VISIT,
          EventType.MEASURED_FROM,
          EventType.ASSESSMENT_COMPLETED,
          EventType.STEPPED_DOWN,
          EventType.CLOSED);

  private CaseEpisodes() {}

  /** The case activity, the names found, and the cases with no worker. */
  public record Mapped(
      List<ExtractEvent> events,
      List<Named> workers,
      List<Named> teams,
      List<String> unallocated,
      Map<String, List<String>> notes) {}

  /** Whether a date can be an event's (the working calendar's years); the reason when not. */
  public static String outsideCalendar(LocalDate date) {
    if (date == null
        || (date.getYear() >= WorkingCalendar.FIRST_YEAR
            && date.getYear() <= WorkingCalendar.LAST_YEAR)) {
      return null;
    }
    return "the date "
        + date
        + " is outside the calendar ("
        + WorkingCalendar.FIRST_YEAR
        + " to "
        + WorkingCalendar.LAST_YEAR
        + ")";
  }

  /** A name as written, with its spaces (non-breaking ones too) made single; "" when blank. */
  public static String normalName(String name) {
    if (name == null) {
      return "";
    }
    String s = name.replace('\u00a0', ' ').replace('\u2007', ' ').replace('\u202f', ' ').strip();
    s = s.replaceAll("\\s+", " ");
    return s.equalsIgnoreCase("#N/A") ? "" : s;
  }

  /** One episode of a child's, as it is gathered. */
  private static final class Episode {
    final String childId;
    final LocalDate start;
    final Source opening; // the referral that opened it, or null
    final List<Recorded> records = new ArrayList<>();

    Episode(String childId, LocalDate start, Source opening) {
      this.childId = childId;
      this.start = start;
      this.opening = opening;
    }

    String caseId() {
      return childId + "-" + start;
    }
  }

  /**
   * Maps records, in the order read (which gives the workers' and teams' ids), to case activity.
   */
  public static Mapped map(List<? extends Recorded> records) {
    Map<String, Map<LocalDate, Episode>> byChild = new LinkedHashMap<>();
    Map<String, Map<LocalDate, Episode>> referred = new LinkedHashMap<>();
    Map<String, List<String>> notes = new LinkedHashMap<>();
    // Referrals first: they open episodes.
    for (Recorded r : records) {
      if (r instanceof Referral ref) {
        LocalDate start = ref.episode() != null ? ref.episode() : ref.date();
        Episode e =
            byChild
                .computeIfAbsent(ref.childId(), c -> new TreeMap<>())
                .computeIfAbsent(start, d -> new Episode(ref.childId(), d, ref.source()));
        referred.computeIfAbsent(ref.childId(), c -> new TreeMap<>()).put(start, e);
        e.records.add(ref);
      }
    }
    // Records the return places in an episode.
    List<Recorded> unplaced = new ArrayList<>();
    for (Recorded r : records) {
      if (r instanceof Referral) {
        continue;
      }
      if (r.episode() != null) {
        byChild
            .computeIfAbsent(r.childId(), c -> new TreeMap<>())
            .computeIfAbsent(r.episode(), d -> new Episode(r.childId(), d, null))
            .records
            .add(r);
      } else {
        unplaced.add(r);
      }
    }
    // An assessment belongs to the latest referral on or before its start; with none, to a
    // referral written on its start date (whatever other assessments wrote).
    List<Recorded> rest = new ArrayList<>();
    for (Recorded r : unplaced) {
      if (r instanceof Assessment a) {
        Episode e = latest(referred, a.childId(), a.start());
        if (e == null) {
          e =
              byChild
                  .computeIfAbsent(a.childId(), c -> new TreeMap<>())
                  .computeIfAbsent(a.start(), d -> new Episode(a.childId(), d, a.source()));
        }
        e.records.add(a);
      } else {
        rest.add(r);
      }
    }
    // The rest join the latest episode on or before their start, or share one of their own.
    Map<String, List<Recorded>> orphans = new LinkedHashMap<>();
    for (Recorded r : rest) {
      Episode e = latest(byChild, r.childId(), r.start());
      if (e != null) {
        e.records.add(r);
      } else {
        orphans.computeIfAbsent(r.childId(), c -> new ArrayList<>()).add(r);
      }
    }
    orphans.forEach(
        (child, list) -> {
          LocalDate first =
              list.stream().map(Recorded::start).min(Comparator.naturalOrder()).orElseThrow();
          Episode e = new Episode(child, first, null);
          e.records.addAll(list);
          byChild.computeIfAbsent(child, c -> new TreeMap<>()).put(first, e);
        });
    byChild.values().forEach(CaseEpisodes::splitAtClosures);

    Names workers = new Names("W");
    Names teams = new Names("T");
    // Ids in order of first appearance, as read.
    for (Recorded r : records) {
      teams.id(normalName(r.team()));
      workers.id(normalName(r.worker()));
    }
    List<ExtractEvent> events = new ArrayList<>();
    List<String> unallocated = new ArrayList<>();
    Map<String, ExtractEvent> seen = new HashMap<>();
    for (Map<LocalDate, Episode> episodes : byChild.values()) {
      for (Episode e : episodes.values()) {
        List<ExtractEvent> caseEvents = new ArrayList<>();
        episode(e, workers, teams, caseEvents, unallocated);
        caseEvents.sort(
            Comparator.comparing(ExtractEvent::occurredAt)
                .thenComparing(x -> ORDER.indexOf(x.type())));
        for (ExtractEvent x : caseEvents) {
          ExtractEvent before = seen.putIfAbsent(x.eventId(), x);
          if (before == null) {
            events.add(x);
          } else if (!before.equals(x)) {
            notes
                .computeIfAbsent(
                    x.eventId().substring(0, x.eventId().indexOf('-')), k -> new ArrayList<>())
                .add("event " + x.eventId() + " is recorded twice; the first is kept");
          }
        }
      }
    }
    return new Mapped(events, workers.named(), teams.named(), unallocated, notes);
  }

  /**
   * A record that starts on or after the day its episode was closed (a child coming into care the
   * day their child in need case closed, or later, with no new referral) opens an episode of its
   * own from its start: a closed case does not take on later work. Records the return placed in an
   * episode stay there; a record starting the day its episode itself started stays in it.
   */
  private static void splitAtClosures(Map<LocalDate, Episode> episodes) {
    List<Episode> made = new ArrayList<>();
    for (Episode e : episodes.values()) {
      List<Recorded> sorted = new ArrayList<>(e.records);
      sorted.sort(
          Comparator.comparing(Recorded::start, Comparator.nullsFirst(Comparator.naturalOrder())));
      e.records.clear();
      Episode current = e;
      LocalDate closed = null;
      for (Recorded r : sorted) {
        if (r.episode() == null
            && !(r instanceof Referral)
            && closed != null
            && !r.start().isBefore(closed)) {
          current = new Episode(e.childId, r.start(), null);
          made.add(current);
          closed = null;
        }
        current.records.add(r);
        LocalDate ends = closedOn(r);
        if (ends != null && (closed == null || ends.isAfter(closed))) {
          closed = ends;
        }
      }
    }
    for (Episode m : made) {
      episodes.merge(
          m.start,
          m,
          (old, added) -> {
            old.records.addAll(added.records);
            return old;
          });
    }
  }

  /** The day a record ends its case, or null. */
  private static LocalDate closedOn(Recorded r) {
    return switch (r) {
      case Referral ref -> ref.nfa() ? ref.date() : null;
      case ChildInNeed n -> n.closed();
      case InCare c -> c.ceased();
      default -> null;
    };
  }

  /** The child's latest episode starting on or before a date, or null. */
  private static Episode latest(
      Map<String, Map<LocalDate, Episode>> byChild, String child, LocalDate date) {
    Map<LocalDate, Episode> episodes = byChild.get(child);
    if (episodes == null) {
      return null;
    }
    Map.Entry<LocalDate, Episode> e = ((TreeMap<LocalDate, Episode>) episodes).floorEntry(date);
    return e == null ? null : e.getValue();
  }

  private static void episode(
      Episode e, Names workers, Names teams, List<ExtractEvent> out, List<String> unallocated) {
    String caseId = e.caseId();
    String child = e.childId;
    // The worker and team: the best-ranked list's, then the first row's.
    Recorded withWorker = null;
    Recorded withTeam = null;
    for (Recorded r : e.records) {
      if (!normalName(r.worker()).isEmpty()
          && (withWorker == null || r.source().rank() < withWorker.source().rank())) {
        withWorker = r;
      }
      if (!normalName(r.team()).isEmpty()
          && (withTeam == null || r.source().rank() < withTeam.source().rank())) {
        withTeam = r;
      }
    }
    Recorded holder = withWorker != null ? withWorker : withTeam;
    String workerId = withWorker == null ? "" : workers.id(normalName(withWorker.worker()));
    String teamId = holder == null ? "" : teams.id(normalName(holder.team()));
    if (e.opening != null) {
      out.add(
          event(
              e.opening.code(),
              child,
              "referral",
              e.start,
              EventType.REFERRAL,
              caseId,
              "",
              "",
              ""));
    }
    if (withWorker != null) {
      out.add(
          event(
              withWorker.source().code(),
              child,
              "allocated",
              e.start,
              EventType.ALLOCATED,
              caseId,
              workerId,
              teamId,
              ""));
    } else {
      unallocated.add(caseId + " (" + e.records.getFirst().source().where() + ")");
      if (!teamId.isEmpty()) {
        out.add(
            event(
                holder.source().code(),
                child,
                "team",
                e.start,
                EventType.TRANSFERRED,
                caseId,
                "",
                teamId,
                ""));
      }
    }
    for (Recorded r : e.records) {
      String code = r.source().code();
      switch (r) {
        case Referral ref -> {
          if (ref.nfa()) {
            out.add(event(code, child, "nfa", ref.date(), EventType.CLOSED, caseId, "", "", ""));
          }
        }
        case Assessment a -> {
          if (a.authorised() != null) {
            out.add(
                event(
                    code,
                    child,
                    "assessment",
                    a.authorised(),
                    EventType.ASSESSMENT_COMPLETED,
                    caseId,
                    "",
                    "",
                    ""));
          }
        }
        case Enquiry q -> {
          if (q.start() != null) {
            out.add(
                event(
                    code,
                    child,
                    "strategy",
                    q.start(),
                    EventType.MEETING,
                    caseId,
                    "",
                    "",
                    q.icpcNotNeeded() ? "strategy-discussion-no-icpc" : "strategy-discussion"));
          }
          if (q.icpc() != null) {
            out.add(
                event(code, child, "icpc", q.icpc(), EventType.MEETING, caseId, "", "", "icpc"));
          }
        }
        case ChildInNeed n -> {
          if (n.start() != null) {
            out.add(typeChange(code, child, "cin-start", n.start(), caseId, CaseType.CIN));
          }
          if (n.lastSeen() != null) {
            out.add(
                event(code, child, "seen", n.lastSeen(), EventType.VISIT, caseId, "", "", "seen"));
          }
          if (n.closed() != null) {
            out.add(
                event(
                    code, child, "cin-closure", n.closed(), EventType.CLOSED, caseId, "", "", ""));
          }
        }
        case ProtectionPlan p -> {
          out.add(typeChange(code, child, "cp-start", p.start(), caseId, CaseType.CP));
          boolean conferenceKnown =
              e.records.stream().anyMatch(x -> x instanceof Enquiry q && q.icpc() != null);
          if (p.latestOnly() && p.reviews().isEmpty() && !conferenceKnown) {
            // A plan starts at its initial conference: with no review since and no conference
            // recorded, the first review is due from the plan's start.
            out.add(
                event(
                    code,
                    child,
                    "cp-start-icpc",
                    p.start(),
                    EventType.MEETING,
                    caseId,
                    "",
                    "",
                    "icpc"));
          }
          Map<LocalDate, List<String>> measured = new TreeMap<>();
          if (p.lastVisit() != null) {
            out.add(
                event(
                    code, child, "visit", p.lastVisit(), EventType.VISIT, caseId, "", "", "seen"));
            measured.computeIfAbsent(p.lastVisit(), d -> new ArrayList<>()).add(CP_VISITS);
          }
          LocalDate latestReview = null;
          for (LocalDate review : p.reviews()) {
            out.add(
                event(code, child, "review", review, EventType.MEETING, caseId, "", "", "rcpc"));
            latestReview =
                latestReview == null || review.isAfter(latestReview) ? review : latestReview;
          }
          // Only the latest visit and review are known: what went before them is not measured.
          if (!p.latestOnly()) {
            measured.clear();
          } else if (latestReview != null) {
            measured.computeIfAbsent(latestReview, d -> new ArrayList<>()).add(REVIEWS);
          }
          measured.forEach(
              (day, rules) ->
                  out.add(
                      event(
                          code,
                          child,
                          "measured-from",
                          day,
                          EventType.MEASURED_FROM,
                          caseId,
                          "",
                          "",
                          String.join(" ", rules))));
          if (p.end() != null) {
            out.add(
                event(
                    code, child, "cp-end", p.end(), EventType.STEPPED_DOWN, caseId, "", "", "cin"));
          }
        }
        case MeasuredFrom f ->
            out.add(
                event(
                    code,
                    child,
                    "measured-from-" + e.start,
                    f.start(),
                    EventType.MEASURED_FROM,
                    caseId,
                    "",
                    "",
                    String.join(" ", f.rules())));
        case InCare c -> {
          out.add(typeChange(code, child, "cla-start", c.start(), caseId, CaseType.CLA));
          if (c.lastVisit() != null) {
            out.add(
                event(
                    code,
                    child,
                    "cla-visit",
                    c.lastVisit(),
                    EventType.VISIT,
                    caseId,
                    "",
                    "",
                    "seen"));
            out.add(
                event(
                    code,
                    child,
                    "measured-from",
                    c.lastVisit(),
                    EventType.MEASURED_FROM,
                    caseId,
                    "",
                    "",
                    CARE_VISITS));
          }
          if (c.ceased() != null) {
            out.add(event(code, child, "ceased", c.ceased(), EventType.CLOSED, caseId, "", "", ""));
          }
        }
      }
    }
  }

  private static ExtractEvent typeChange(
      String code, String child, String column, LocalDate day, String caseId, CaseType type) {
    return event(
        code, child, column, day, EventType.CASE_TYPE_CHANGED, caseId, "", "", type.code());
  }

  private static ExtractEvent event(
      String code,
      String child,
      String column,
      LocalDate day,
      EventType type,
      String caseId,
      String worker,
      String team,
      String detail) {
    return new ExtractEvent(
        code + "-" + child + "-" + column + "-" + day,
        day.atTime(LocalTime.MIDNIGHT),
        type,
        caseId,
        child,
        worker,
        team,
        detail);
  }

  /** Names given ids in order of first appearance. */
  private static final class Names {
    private final String prefix;
    private final Map<String, String> ids = new LinkedHashMap<>();

    Names(String prefix) {
      this.prefix = prefix;
    }

    String id(String name) {
      if (name.isEmpty()) {
        return "";
      }
      return ids.computeIfAbsent(name, n -> prefix + (ids.size() + 1));
    }

    List<Named> named() {
      List<Named> out = new ArrayList<>();
      ids.forEach((name, id) -> out.add(new Named(id, name)));
      return out;
    }
  }
}
