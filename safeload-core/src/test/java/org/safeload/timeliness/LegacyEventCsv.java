package org.safeload.timeliness;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.safeload.document.FieldProblem;

/**
 * The event file reader as it was before it read bytes (Commons CSV, a String per value): the
 * oracle the byte reader is compared with in {@link EventCsvBytesTest}.
 */
final class LegacyEventCsv {

  static final List<String> HEADER =
      List.of(
          "event_id",
          "occurred_at",
          "type",
          "case_id",
          "child_id",
          "worker_id",
          "team_id",
          "detail",
          "ref",
          "due_date");
  static final Set<String> VISIT_DETAILS = Set.of("seen", "not-seen");
  static final Set<String> MEETING_KINDS =
      Set.of("strategy-discussion", "icpc", "rcpc", "core-group", "cin-review");

  /** The events, or the problems (never both). */
  record Result(EventLog log, List<FieldProblem> problems) {}

  private LegacyEventCsv() {}

  static Result read(Reader reader) {
    return read(reader, id -> java.util.Optional.empty());
  }

  /**
   * Reads events whose {@code ref} may also name an event stored before.
   *
   * @param known stored events by id
   */
  static Result read(
      Reader reader,
      java.util.function.Function<String, java.util.Optional<EventCsv.KnownEvent>> known) {
    List<FieldProblem> problems = new ArrayList<>();
    EventLog log = new EventLog();
    record Pending(int row, int line, String ref, EventType type) {}
    List<Pending> refs = new ArrayList<>();
    Map<String, Integer> rows = new HashMap<>();
    Map<String, Integer> firstLine = new HashMap<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, Integer> columns = null;
      long lineBefore = 0;
      for (CSVRecord record : parser) {
        int line = (int) lineBefore + 1;
        lineBefore = parser.getCurrentLineNumber();
        if (columns == null) {
          columns = header(record, problems);
          if (!problems.isEmpty()) {
            return new Result(null, problems);
          }
          continue;
        }
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        if (record.size() != HEADER.size()) {
          problems.add(
              new FieldProblem(
                  line,
                  "",
                  "Row has " + record.size() + " values but the header has " + HEADER.size()));
          continue;
        }
        Map<String, Integer> c = columns;
        java.util.function.Function<String, String> v = name -> record.get(c.get(name)).strip();
        int before = problems.size();
        String id = v.apply("event_id");
        if (id.isEmpty()) {
          problems.add(new FieldProblem(line, "event_id", "Enter the event's id"));
        } else if (firstLine.containsKey(id)) {
          problems.add(
              new FieldProblem(
                  line,
                  "event_id",
                  "The id " + id + " is already used on line " + firstLine.get(id)));
        }
        long at = 0;
        String occurred = v.apply("occurred_at");
        try {
          at = London.epochSecond(LocalDateTime.parse(occurred));
          int day = London.dayOf(at);
          if (day < London.FIRST_DAY || day >= London.LAST_DAY) {
            problems.add(
                new FieldProblem(
                    line, "occurred_at", "Must be between 2000 and 2040 (not " + occurred + ")"));
          }
        } catch (DateTimeParseException e) {
          problems.add(
              new FieldProblem(
                  line,
                  "occurred_at",
                  "Must be a London date and time like 2022-05-03T14:30 (not " + occurred + ")"));
        }
        EventType type = EventType.fromCode(v.apply("type")).orElse(null);
        if (type == null) {
          problems.add(
              new FieldProblem(
                  line,
                  "type",
                  "Must be one of: " + EventType.codes() + " (not " + v.apply("type") + ")"));
        }
        String caseId = v.apply("case_id");
        String childId = v.apply("child_id");
        String workerId = v.apply("worker_id");
        String teamId = v.apply("team_id");
        String detail = v.apply("detail");
        String ref = v.apply("ref");
        String dueText = v.apply("due_date");
        int due = EventLog.NO_DATE;
        if (!dueText.isEmpty()) {
          try {
            due = (int) LocalDate.parse(dueText).toEpochDay();
          } catch (DateTimeParseException e) {
            problems.add(
                new FieldProblem(
                    line, "due_date", "Must be a date like 2022-05-03 (not " + dueText + ")"));
          }
          if (due != EventLog.NO_DATE && (due < London.FIRST_DAY || due >= London.LAST_DAY)) {
            problems.add(
                new FieldProblem(
                    line, "due_date", "Must be between 2000 and 2040 (not " + dueText + ")"));
            due = EventLog.NO_DATE;
          }
        }
        for (String column :
            List.of("event_id", "case_id", "child_id", "worker_id", "team_id", "ref")) {
          String value = v.apply(column);
          if (!value.isEmpty() && !org.safeload.document.Ids.valid(value)) {
            problems.add(
                new FieldProblem(
                    line,
                    column,
                    "Must be "
                        + org.safeload.document.Ids.RULE
                        + " (not "
                        + org.safeload.document.Ids.shown(value)
                        + ")"));
          }
        }
        if (type != null) {
          check(type, line, caseId, childId, workerId, teamId, detail, ref, dueText, problems);
        }
        int row = -1;
        if (problems.size() == before) {
          row = log.add(id, at, type, caseId, childId, workerId, teamId, detail, -1, due);
          rows.put(id, row);
        }
        if (!ref.isEmpty() && type != null) {
          refs.add(new Pending(row, line, ref, type));
        }
        if (!id.isEmpty()) {
          firstLine.putIfAbsent(id, line);
        }
      }
      if (columns == null) {
        problems.add(
            new FieldProblem(1, "", "The file is empty: the first line must be the header"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | UncheckedIOException e) {
      problems.add(new FieldProblem(0, "", "The file is not valid CSV: " + e.getMessage()));
    }
    for (Pending p : refs) {
      Integer target = rows.get(p.ref());
      EventType wanted = p.type() == EventType.VISIT_WRITE_UP ? EventType.VISIT : EventType.MEETING;
      if (target == null) {
        java.util.Optional<EventCsv.KnownEvent> stored =
            firstLine.containsKey(p.ref()) ? java.util.Optional.empty() : known.apply(p.ref());
        if (stored.isPresent()) {
          if (stored.get().type() != wanted) {
            problems.add(
                new FieldProblem(
                    p.line(),
                    "ref",
                    "Event "
                        + p.ref()
                        + " is a "
                        + stored.get().type().code()
                        + ", not a "
                        + wanted.code()));
          } else if (p.row() >= 0
              && !stored.get().caseId().equals(log.cases.get(log.caseOf[p.row()]))) {
            problems.add(
                new FieldProblem(p.line(), "ref", "Event " + p.ref() + " is on another case"));
          }
        } else if (!firstLine.containsKey(p.ref())) {
          problems.add(
              new FieldProblem(
                  p.line(), "ref", "No event " + p.ref() + " in the file or stored before"));
        }
      } else if (log.type(target) != wanted) {
        problems.add(
            new FieldProblem(
                p.line(),
                "ref",
                "Event "
                    + p.ref()
                    + " is a "
                    + log.type(target).code()
                    + ", not a "
                    + wanted.code()));
      } else if (p.row() < 0) {
        continue; // the row itself was refused; its other problems are reported
      } else if (log.caseOf[target] != log.caseOf[p.row()]) {
        problems.add(new FieldProblem(p.line(), "ref", "Event " + p.ref() + " is on another case"));
      } else {
        log.setRef(p.row(), target);
      }
    }
    problems.sort(java.util.Comparator.comparingInt(FieldProblem::line));
    return problems.isEmpty()
        ? new Result(log, List.of())
        : new Result(null, List.copyOf(problems));
  }

  private static void check(
      EventType type,
      int line,
      String caseId,
      String childId,
      String workerId,
      String teamId,
      String detail,
      String ref,
      String due,
      List<FieldProblem> problems) {
    if (type.workerEvent()) {
      if (workerId.isEmpty()) {
        problems.add(new FieldProblem(line, "worker_id", "A " + type.code() + " names its worker"));
      }
    } else {
      if (caseId.isEmpty()) {
        problems.add(new FieldProblem(line, "case_id", "A " + type.code() + " belongs to a case"));
      }
      if (childId.isEmpty()) {
        problems.add(new FieldProblem(line, "child_id", "A " + type.code() + " names the child"));
      }
    }
    switch (type) {
      case ALLOCATED -> {
        if (workerId.isEmpty()) {
          problems.add(new FieldProblem(line, "worker_id", "An allocation names the worker"));
        }
      }
      case VISIT -> {
        if (!VISIT_DETAILS.contains(detail)) {
          problems.add(
              new FieldProblem(
                  line,
                  "detail",
                  "A visit's detail is seen or not-seen (not " + show(detail) + ")"));
        }
      }
      case MEETING -> {
        if (!MEETING_KINDS.contains(detail)) {
          problems.add(
              new FieldProblem(
                  line,
                  "detail",
                  "A meeting's detail is its kind: "
                      + String.join(", ", new java.util.TreeSet<>(MEETING_KINDS))
                      + " (not "
                      + show(detail)
                      + ")"));
        }
      }
      case CASE_TYPE_CHANGED -> {
        if (CaseType.fromCode(detail).isEmpty()) {
          problems.add(
              new FieldProblem(
                  line,
                  "detail",
                  "The new case type: " + CaseType.codes() + " (not " + show(detail) + ")"));
        }
      }
      case STEPPED_DOWN -> {
        if (!detail.isEmpty() && CaseType.fromCode(detail).isEmpty()) {
          problems.add(
              new FieldProblem(
                  line,
                  "detail",
                  "The case type stepped down to: "
                      + CaseType.codes()
                      + ", or empty to leave children's social care (not "
                      + detail
                      + ")"));
        }
      }
      case TRANSFERRED -> {
        if (teamId.isEmpty()) {
          problems.add(new FieldProblem(line, "team_id", "A transfer names the team it goes to"));
        }
      }
      case DOCUMENT_SUBMITTED -> {
        if (due.isEmpty()) {
          problems.add(new FieldProblem(line, "due_date", "A submitted document has its due date"));
        }
      }
      case VISIT_WRITE_UP, MINUTES_DISTRIBUTED -> {
        if (ref.isEmpty()) {
          problems.add(
              new FieldProblem(
                  line,
                  "ref",
                  "A "
                      + type.code()
                      + " refers to the event_id of its "
                      + (type == EventType.VISIT_WRITE_UP ? "visit" : "meeting")));
        }
      }
      default -> {}
    }
  }

  private static String show(String value) {
    return value.isEmpty() ? "empty" : value;
  }

  private static Map<String, Integer> header(CSVRecord record, List<FieldProblem> problems) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i).strip();
      if (name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      if (!HEADER.contains(name)) {
        problems.add(
            new FieldProblem(1, name, "Unknown column; the header is " + String.join(",", HEADER)));
      } else if (columns.put(name, i) != null) {
        problems.add(new FieldProblem(1, name, "Column appears twice"));
      }
    }
    for (String name : HEADER) {
      if (!columns.containsKey(name)) {
        problems.add(new FieldProblem(1, name, "Missing column"));
      }
    }
    return columns;
  }
}
