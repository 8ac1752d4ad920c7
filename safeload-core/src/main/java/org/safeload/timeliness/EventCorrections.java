package org.safeload.timeliness;

import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.safeload.document.CsvRows;
import org.safeload.document.FieldProblem;
import org.safeload.document.Ids;

/**
 * The corrections file (docs/timeliness.md, "Correcting events"): each row supersedes one stored
 * event, either with new values (action {@code correct}: the event's columns as in an event file,
 * all of them, checked by the same rules) or by withdrawing it (action {@code withdraw}: the
 * event's columns left empty), and says why. The event keeps its id, so what refers to it still
 * does. Every row is checked; a file with any bad row gives no corrections.
 */
public final class EventCorrections {

  /** The corrections file's header: the event's id, the action, the reason, the new values. */
  public static final List<String> HEADER;

  static {
    List<String> header = new ArrayList<>(List.of("event_id", "action", "reason"));
    header.addAll(EventCsv.HEADER.subList(1, EventCsv.HEADER.size()));
    HEADER = List.copyOf(header);
  }

  /** The longest reason, in characters. */
  public static final int MAX_REASON = 500;

  /** What a correction does to its event. */
  public enum Action implements org.safeload.document.Coded {
    /** The event's values are replaced by the row's. */
    CORRECT("correct", "Corrected"),
    /** The event no longer counts anywhere. */
    WITHDRAW("withdraw", "Withdrawn");

    private final String code;
    private final String label;

    Action(String code, String label) {
      this.code = code;
      this.label = label;
    }

    @Override
    public String code() {
      return code;
    }

    @Override
    public String label() {
      return label;
    }

    public static Optional<Action> fromCode(String code) {
      return org.safeload.document.Codes.fromCode(Action.class, code);
    }
  }

  /**
   * One row: the stored event it supersedes, what to do, why, and its line. For {@link
   * Action#CORRECT} the new values are row {@code row} of {@link Result#values()}; otherwise {@code
   * row} is -1.
   */
  public record Correction(int line, String eventId, Action action, String reason, int row) {}

  /**
   * The corrections and the new values of the corrected events (an event file's result, so its
   * references are resolved as an import's are), or the problems (never both).
   */
  public record Result(
      List<Correction> corrections, EventCsv.Result values, List<FieldProblem> problems) {}

  private EventCorrections() {}

  /**
   * Reads a corrections file.
   *
   * @param known the stored events by id (a corrected event's reference may name one)
   */
  public static Result read(Reader reader, Function<String, Optional<EventCsv.KnownEvent>> known) {
    List<FieldProblem> problems = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<Map<String, String>> rows = new ArrayList<>();
    CsvRows.rows(
        reader,
        HEADER,
        problems,
        (line, value) -> {
          Map<String, String> row = new LinkedHashMap<>();
          for (String column : HEADER) {
            row.put(column, value.apply(column));
          }
          lines.add(line);
          rows.add(row);
        });
    if (!problems.isEmpty()) {
      return new Result(List.of(), null, List.copyOf(problems));
    }
    return read(rows, lines, known);
  }

  /**
   * Reads corrections given as values by column (a form's, one row), each at its line: the same
   * rules as the file.
   */
  public static Result read(
      List<Map<String, String>> rows,
      List<Integer> lines,
      Function<String, Optional<EventCsv.KnownEvent>> known) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    Set<String> withdrawn = new HashSet<>();
    StringBuilder values = new StringBuilder(String.join(",", EventCsv.HEADER)).append('\n');
    List<Integer> valueLines = new ArrayList<>();
    List<Correction> corrections = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      int line = lines.get(i);
      int before = problems.size();
      String id = row.getOrDefault("event_id", "").strip();
      Optional<String> idProblem = Ids.problem(id);
      if (id.isEmpty()) {
        problems.add(new FieldProblem(line, "event_id", "Enter the id of the event to correct"));
      } else if (idProblem.isPresent()) {
        problems.add(new FieldProblem(line, "event_id", idProblem.get()));
      } else if (firstLine.containsKey(id)) {
        problems.add(
            new FieldProblem(
                line,
                "event_id",
                "The event " + id + " is already corrected on line " + firstLine.get(id)));
      } else {
        firstLine.put(id, line);
      }
      String actionCode = row.getOrDefault("action", "").strip();
      Action action = Action.fromCode(actionCode).orElse(null);
      if (action == null) {
        problems.add(
            new FieldProblem(
                line,
                "action",
                actionCode.isEmpty()
                    ? "Enter correct or withdraw"
                    : "Must be correct or withdraw (not " + Ids.shown(actionCode) + ")"));
      }
      String reason = row.getOrDefault("reason", "").strip();
      if (reason.isEmpty()) {
        problems.add(
            new FieldProblem(line, "reason", "Enter why the event is corrected or withdrawn"));
      } else if (reason.length() > MAX_REASON) {
        problems.add(
            new FieldProblem(line, "reason", "Must be " + MAX_REASON + " characters or fewer"));
      } else if (reason.chars().anyMatch(Character::isISOControl)) {
        problems.add(
            new FieldProblem(
                line, "reason", "Must be one line of text, without tabs or control characters"));
      }
      for (String column : EventCsv.HEADER.subList(1, EventCsv.HEADER.size())) {
        String value = row.getOrDefault(column, "");
        if (action == Action.WITHDRAW && !value.isBlank()) {
          problems.add(new FieldProblem(line, column, "Leave empty when the event is withdrawn"));
        } else if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
          problems.add(new FieldProblem(line, column, "Must be on one line"));
        }
      }
      if (problems.size() != before) {
        continue;
      }
      if (action == Action.WITHDRAW) {
        withdrawn.add(id);
        corrections.add(new Correction(line, id, action, reason, -1));
      } else {
        List<String> cells = new ArrayList<>();
        cells.add(id);
        for (String column : EventCsv.HEADER.subList(1, EventCsv.HEADER.size())) {
          cells.add(row.getOrDefault(column, ""));
        }
        values.append(line(cells)).append('\n');
        corrections.add(new Correction(line, id, action, reason, valueLines.size()));
        valueLines.add(line);
      }
    }
    EventCsv.Result read =
        EventCsv.read(
            new StringReader(values.toString()),
            id -> withdrawn.contains(id) ? Optional.empty() : known.apply(id));
    for (FieldProblem p : read.problems()) {
      // The values' own file has the header on line 1 and the k-th corrected row on line k + 2.
      int k = p.line() - 2;
      problems.add(k >= 0 && k < valueLines.size() ? p.atLine(valueLines.get(k)) : p);
    }
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparingInt(FieldProblem::line));
      return new Result(List.of(), null, List.copyOf(problems));
    }
    return new Result(List.copyOf(corrections), read, List.of());
  }

  /**
   * An event as an event file's row, its values in the order of {@link EventCsv#HEADER}: how a
   * correction keeps the values it replaced, and how an imported row is compared with them.
   *
   * @param refId the id of the event it refers to, or null
   */
  public static List<String> values(EventLog log, int row, String refId) {
    LocalDateTime at = LocalDateTime.ofInstant(Instant.ofEpochSecond(log.at(row)), London.ZONE);
    int due = log.due(row);
    return List.of(
        log.eventId(row),
        at.toString(),
        log.type(row).code(),
        orEmpty(log.cases().get(log.caseOf(row))),
        orEmpty(log.children().get(log.childOf(row))),
        orEmpty(log.workers().get(log.workerOf(row))),
        orEmpty(log.teams().get(log.teamOf(row))),
        orEmpty(log.details().get(log.detailOf(row))),
        orEmpty(refId),
        due == EventLog.NO_DATE ? "" : LocalDate.ofEpochDay(due).toString());
  }

  /** Values as one CSV line (RFC 4180: quoted when they hold a comma or a quote). */
  public static String line(List<String> values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String v = values.get(i);
      if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || !v.equals(v.strip())) {
        out.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        out.append(v);
      }
    }
    return out.toString();
  }

  /** A line of {@link #values} (a correction's before or after), read back into its values. */
  public static List<String> values(String line) {
    List<String> cells = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    CsvRows.rows(
        new StringReader(String.join(",", EventCsv.HEADER) + "\n" + line + "\n"),
        EventCsv.HEADER,
        problems,
        (n, value) -> EventCsv.HEADER.forEach(column -> cells.add(value.apply(column))));
    if (!problems.isEmpty() || cells.size() != EventCsv.HEADER.size()) {
      throw new IllegalArgumentException("Not a line of an event's values");
    }
    return List.copyOf(cells);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
