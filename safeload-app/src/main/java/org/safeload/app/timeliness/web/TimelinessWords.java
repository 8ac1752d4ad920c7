package org.safeload.app.timeliness.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.safeload.app.caseactivity.CaseEvent;
import org.safeload.app.platform.Show;
import org.safeload.timeliness.CaseType;
import org.safeload.timeliness.EventType;
import org.safeload.timeliness.KpiRule;
import org.springframework.stereotype.Component;

/**
 * Timeliness codes in words for pages: an event's detail ("Child seen", "Initial child protection
 * conference"), a time limit ("5 working days") and what a KPI rule measures. Templates call it as
 * {@code ${@timelinessWords.detail(type, detail)}}; files and the API keep the codes.
 */
@Component("timelinessWords")
public class TimelinessWords {

  private final Show show;

  TimelinessWords(Show show) {
    this.show = show;
  }

  /** A share on time as a percentage to one place, without a trailing ".0": "83.3%", "75%". */
  public String percent(BigDecimal value) {
    return value == null ? "" : show.number(value.setScale(1, RoundingMode.HALF_UP)) + "%";
  }

  /** A rate (met over due, 0 to 1) as a percentage: "83.3%"; empty when nothing was due. */
  public String rate(BigDecimal rate) {
    return rate == null ? "" : percent(rate.multiply(BigDecimal.valueOf(100)));
  }

  /** The details the event file defines (a visit's outcome, a meeting's kind), in words. */
  static final Map<String, String> KNOWN_DETAILS = detailWords();

  private static Map<String, String> detailWords() {
    Map<String, String> words = new LinkedHashMap<>();
    words.put("seen", "Child seen");
    words.put("not-seen", "Child not seen");
    words.put("strategy-discussion", "Strategy discussion");
    words.put("strategy-discussion-no-icpc", "Strategy discussion (no conference needed)");
    words.put("icpc", "Initial child protection conference");
    words.put("rcpc", "Review child protection conference");
    words.put("core-group", "Core group meeting");
    words.put("cin-review", "Child in need review");
    return words;
  }

  /** The built-in rules' names by id, for a measured-from's rules. */
  private static final Map<String, String> BUILT_IN_RULES = builtInRules();

  private static Map<String, String> builtInRules() {
    Map<String, String> names = new LinkedHashMap<>();
    for (String set : org.safeload.timeliness.KpiRuleSet.BUILT_IN) {
      org.safeload.timeliness.KpiRuleSet.builtIn(set)
          .rules()
          .forEach(r -> names.putIfAbsent(r.id(), r.name()));
    }
    return names;
  }

  /** Rule ids separated by spaces, as their names ("an id" for a rule not built in). */
  static String ruleNames(String ids) {
    List<String> names = new ArrayList<>();
    for (String id : ids.strip().split("\\s+")) {
      names.add(BUILT_IN_RULES.getOrDefault(id, id));
    }
    return String.join("; ", names);
  }

  /** The details a KPI form offers as boxes to tick. */
  public Map<String, String> knownDetails() {
    return KNOWN_DETAILS;
  }

  /** An event's detail in words: a visit's outcome, a meeting's kind, a case type, a document. */
  public String detail(String type, String detail) {
    if (detail == null || detail.isBlank()) {
      return EventType.STEPPED_DOWN.code().equals(type) ? "Out of children's social care" : "";
    }
    if (EventType.MEASURED_FROM.code().equals(type)) {
      return "Timescales measured from here: " + ruleNames(detail);
    }
    if (KNOWN_DETAILS.containsKey(detail)) {
      return KNOWN_DETAILS.get(detail);
    }
    return CaseType.fromCode(detail).isPresent() ? show.caseType(detail) : humanise(detail);
  }

  /**
   * What a timeline shows of an event's detail, as one phrase: its detail in words, its due date,
   * and the event it refers to ("Conference report, due 14 July 2026"; "For the visit on 20
   * November 2026 at 10:00am").
   *
   * @param refersTo the event it refers to, or null
   */
  public String eventDetail(CaseEvent e, CaseEvent refersTo) {
    List<String> parts = new ArrayList<>();
    String words = detail(e.type(), e.detail());
    if (!words.isEmpty()) {
      parts.add(words);
    }
    if (e.dueDate() != null) {
      parts.add("due " + show.date(e.dueDate()));
    }
    if (refersTo != null) {
      parts.add(
          "for the "
              + show.eventType(refersTo.type()).toLowerCase(Locale.UK)
              + " on "
              + show.dateTime(refersTo.occurredAt()));
    }
    String phrase = String.join(", ", parts);
    return phrase.isEmpty()
        ? phrase
        : phrase.substring(0, 1).toUpperCase(Locale.UK) + phrase.substring(1);
  }

  /**
   * An event's values as a correction keeps them (docs/timeliness.md, the event file's columns in
   * order), in words: "Visit on 3 May 2022 at 2:30pm; Sam Jones; Child Protection Team; seen".
   */
  public String eventValues(
      List<String> values,
      java.util.Map<String, String> workers,
      java.util.Map<String, String> teams) {
    List<String> parts = new ArrayList<>();
    String when;
    try {
      when =
          show.dateTime(
              java.time.LocalDateTime.parse(values.get(1))
                  .atZone(org.safeload.app.platform.TimeConfig.LONDON)
                  .toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      when = values.get(1);
    }
    parts.add(show.eventType(values.get(2)) + " on " + when);
    if (!values.get(5).isEmpty()) {
      parts.add(workers.getOrDefault(values.get(5), "a worker not known"));
    }
    if (!values.get(6).isEmpty()) {
      parts.add(teams.getOrDefault(values.get(6), "a team not known"));
    }
    String detail = detail(values.get(2), values.get(7));
    if (!detail.isEmpty()) {
      parts.add(detail);
    }
    if (!values.get(9).isEmpty()) {
      parts.add("due " + show.date(java.time.LocalDate.parse(values.get(9))));
    }
    return String.join("; ", parts);
  }

  /**
   * The details an event of this type may have, code to words (a visit's outcome, a meeting's kind,
   * a case type), or null when its detail is free text (a document's kind).
   */
  public Map<String, String> detailChoices(String type) {
    List<String> codes;
    if (EventType.VISIT.code().equals(type)) {
      codes = List.of("seen", "not-seen");
    } else if (EventType.MEETING.code().equals(type)) {
      codes = org.safeload.timeliness.EventCsv.MEETING_KINDS.stream().sorted().toList();
    } else if (EventType.CASE_TYPE_CHANGED.code().equals(type)
        || EventType.STEPPED_DOWN.code().equals(type)
        || EventType.ALLOCATED.code().equals(type)) {
      codes = java.util.Arrays.stream(CaseType.values()).map(CaseType::code).toList();
    } else {
      return null;
    }
    Map<String, String> choices = new LinkedHashMap<>();
    codes.forEach(c -> choices.put(c, detail(type, c)));
    return choices;
  }

  /** "conference-report" as "Conference report". */
  static String humanise(String code) {
    String words = code.strip().replace('-', ' ').replace('_', ' ');
    return words.isEmpty()
        ? words
        : words.substring(0, 1).toUpperCase(Locale.UK) + words.substring(1);
  }

  /** A unit of time in words, for an amount of it. */
  public String unit(KpiRule.Unit unit, int amount) {
    String one =
        switch (unit) {
          case WORKING_DAYS -> "working day";
          case HOURS -> "hour";
          case CALENDAR_DAYS -> "day";
          case WEEKS -> "week";
          case MONTHS -> "month";
        };
    return amount == 1 ? one : one + "s";
  }

  /** The units a form offers, by their file key, in words. */
  public Map<String, String> units() {
    Map<String, String> units = new LinkedHashMap<>();
    units.put(KpiRule.Unit.WORKING_DAYS.key(), "Working days");
    units.put(KpiRule.Unit.HOURS.key(), "Hours");
    units.put(KpiRule.Unit.CALENDAR_DAYS.key(), "Calendar days");
    units.put(KpiRule.Unit.WEEKS.key(), "Weeks");
    units.put(KpiRule.Unit.MONTHS.key(), "Calendar months");
    return units;
  }

  /** "48 hours", "1 working day". */
  public String window(KpiRule.Window w) {
    return w == null ? "" : w.amount() + " " + unit(w.unit(), w.amount());
  }

  /** Events of a type with any of some details: "Meeting (Child in need review or Core group)". */
  public String filter(KpiRule.Filter f) {
    if (f == null) {
      return "";
    }
    String type = f.type() == null ? "" : f.type().label();
    if (f.details().isEmpty()) {
      return type;
    }
    return type + " (" + or(f.details().stream().map(d -> detail(null, d)).toList()) + ")";
  }

  private static String or(List<String> words) {
    if (words.size() <= 1) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.getLast();
  }

  /** Case types in words: "Child in need or Child protection". */
  public String caseTypes(Set<CaseType> types) {
    return or(
        types.stream()
            .sorted()
            .map(CaseType::label)
            .collect(Collectors.toCollection(ArrayList::new)));
  }

  /** How a rule is measured, line by line in words ("Starts with: Visit", "Within: 48 hours"). */
  public List<String> describe(KpiRule rule) {
    List<String> lines = new ArrayList<>();
    switch (rule.kind()) {
      case AFTER -> {
        lines.add("Starts with: " + filter(rule.anchor()));
        lines.add(
            "Then: "
                + filter(rule.target())
                + (rule.byRef() ? ", for that " + rule.anchor().type().label().toLowerCase() : ""));
        lines.add("Within: " + window(rule.window()));
      }
      case BEFORE_DUE -> {
        lines.add("What: " + filter(rule.anchor()));
        lines.add("By: " + window(rule.window()) + " before it is due");
      }
      case RECURRING -> {
        lines.add("What: " + filter(rule.target()));
        lines.add("Every: " + window(rule.window()));
        if (rule.first() != null || rule.anchor() != null) {
          lines.add(
              "The first: "
                  + (rule.first() == null ? window(rule.window()) : window(rule.first()))
                  + " after "
                  + (rule.anchor() == null ? "it starts" : filter(rule.anchor())));
        }
      }
    }
    if (!rule.whileCaseTypes().isEmpty()) {
      lines.add("While the case is: " + caseTypes(rule.whileCaseTypes()));
    }
    if (rule.perWorker()) {
      lines.add("Owed by: each worker");
    }
    return lines;
  }

  /** A rule's shape in words. */
  public String kind(KpiRule.Kind kind) {
    return switch (kind) {
      case AFTER -> "Within a time after an event";
      case BEFORE_DUE -> "Before a due date";
      case RECURRING -> "Again and again, every so often";
    };
  }
}
