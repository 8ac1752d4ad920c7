package org.safeload.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safeload.timeliness.ChildCsv;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.KpiRuleSet;

/**
 * The files an extract is written as (docs/annex-a.md): {@code events.csv} (the event import
 * format), {@code children.csv}, {@code workers.csv}, {@code teams.csv}, {@code rules.yaml} and
 * {@code mapping.md}. Text only: the command line writes it to a folder, the app reads it in.
 */
public final class ExtractFiles {

  public static final String EVENTS = "events.csv";
  public static final String CHILDREN = "children.csv";
  public static final String WORKERS = "workers.csv";
  public static final String TEAMS = "teams.csv";
  public static final String RULES = "rules.yaml";
  public static final String MAPPING = "mapping.md";

  /** Every file's name, in the order above. */
  public static final List<String> NAMES =
      List.of(EVENTS, CHILDREN, WORKERS, TEAMS, RULES, MAPPING);

  private ExtractFiles() {}

  /** Each file's name and text, in the order above. */
  public static Map<String, String> all(Extract x) {
    Map<String, String> files = new java.util.LinkedHashMap<>();
    files.put(EVENTS, events(x));
    files.put(CHILDREN, children(x));
    files.put(WORKERS, named(x.workers()));
    files.put(TEAMS, named(x.teams()));
    files.put(RULES, rules(x));
    files.put(MAPPING, mapping(x));
    return files;
  }

  public static String events(Extract x) {
    StringBuilder s = new StringBuilder(String.join(",", EventCsv.HEADER)).append('\n');
    for (ExtractEvent e : x.events()) {
      s.append(csv(e.eventId()))
          .append(',')
          .append(e.occurredAt().toLocalDate())
          .append('T')
          .append(e.occurredAt().toLocalTime())
          .append(',')
          .append(e.type().code())
          .append(',')
          .append(csv(e.caseId()))
          .append(',')
          .append(csv(e.childId()))
          .append(',')
          .append(csv(e.workerId()))
          .append(',')
          .append(csv(e.teamId()))
          .append(',')
          .append(csv(e.detail()))
          .append(",,\n");
    }
    return s.toString();
  }

  public static String children(Extract x) {
    StringBuilder s = new StringBuilder(String.join(",", ChildCsv.HEADER)).append('\n');
    for (ChildCsv.Child c : x.children()) {
      s.append(csv(c.id()))
          .append(',')
          .append(c.dateOfBirth() == null ? "" : c.dateOfBirth().toString())
          .append(',')
          .append(c.familyGroup() == null ? "" : csv(c.familyGroup()))
          .append('\n');
    }
    return s.toString();
  }

  public static String named(List<Named> names) {
    StringBuilder s = new StringBuilder("id,name\n");
    for (Named n : names) {
      s.append(csv(n.id())).append(',').append(csv(n.name())).append('\n');
    }
    return s.toString();
  }

  /**
   * The statutory rule set without the rules the return cannot measure, as YAML a council may edit
   * (its id is {@code statutory-measurable}).
   */
  public static String rules(Extract x) {
    String text = KpiRuleSet.builtInText("statutory");
    int first = text.indexOf("  - id: ");
    StringBuilder s = new StringBuilder();
    s.append("# The statutory timescales ")
        .append(x.kind())
        .append(" can measure (")
        .append(MAPPING)
        .append(" lists those it cannot).\n")
        .append("id: statutory-measurable\n")
        .append("name: Statutory timescales measurable from ")
        .append(x.kind())
        .append("\nrules:\n");
    List<String> blocks = new ArrayList<>();
    int at = first;
    while (at >= 0) {
      int next = text.indexOf("  - id: ", at + 1);
      blocks.add(next < 0 ? text.substring(at) : text.substring(at, next));
      at = next;
    }
    for (String block : blocks) {
      String id = block.substring("  - id: ".length(), block.indexOf('\n')).strip();
      if (!x.notMeasured().containsKey(id)) {
        s.append(block.endsWith("\n") ? block : block + "\n");
      }
    }
    return s.toString();
  }

  /**
   * The mapping report: what was read from each list, what was skipped and why, what is not
   * measured.
   */
  public static String mapping(Extract x) {
    StringBuilder s = new StringBuilder();
    s.append("# ").append(x.kind()).append(": what was read\n\n");
    s.append("- File: ").append(x.file()).append('\n');
    s.append("- Extract date: ").append(show(x.extractDate())).append('\n');
    s.append("- Cases: ")
        .append(x.cases())
        .append("; events: ")
        .append(x.events().size())
        .append("; children: ")
        .append(x.children().size())
        .append("; workers: ")
        .append(x.workers().size())
        .append("; teams: ")
        .append(x.teams().size())
        .append('\n');
    if (x.refused()) {
      s.append("- **Not imported:** ")
          .append(x.problems().size())
          .append(" problems in the return (below). Put them right")
          .append(x.skippable() ? ", or read with --skip-invalid.\n" : ".\n");
    } else if (!x.problems().isEmpty()) {
      s.append("- ")
          .append(x.problems().size())
          .append(" problems: their rows were skipped (below), with the other rows of the same")
          .append(" children; reading the return again after they are put right adds only them.\n");
    }
    s.append(
        "\n## Lists\n\n| List | Sheet | Rows | Read | Skipped |\n| --- | --- | --- | --- | --- |\n");
    for (ListReport l : x.lists()) {
      s.append("| ")
          .append(l.list())
          .append(" | ")
          .append(l.sheet() == null ? "(not found)" : l.sheet())
          .append(" | ")
          .append(l.used() ? String.valueOf(l.rows()) : "not used")
          .append(" | ")
          .append(l.used() ? String.valueOf(l.read()) : "")
          .append(" | ")
          .append(l.used() ? String.valueOf(l.rows() - l.read()) : "")
          .append(" |\n");
    }
    if (x.lists().stream().anyMatch(l -> !l.used())) {
      s.append("\nA list marked not used holds nothing the caseloads or the statutory timescales")
          .append(" read (contacts, early help, care leavers, adoption): its rows are not read.\n");
    }
    for (ListReport l : x.lists()) {
      if (l.skipped().isEmpty() && l.notes().isEmpty()) {
        continue;
      }
      s.append("\n### ").append(l.list()).append("\n\n");
      l.notes().forEach(n -> s.append("- ").append(n).append('\n'));
      l.skipped().forEach(n -> s.append("- Skipped: ").append(n).append('\n'));
    }
    if (!x.problems().isEmpty()) {
      s.append("\n## Rows that could not be read\n\n");
      x.problems().forEach(p -> s.append("- ").append(p.text()).append('\n'));
    }
    if (!x.unallocated().isEmpty()) {
      s.append("\n## Cases with no allocated worker\n\n")
          .append("The worker was blank or #N/A in every list that holds the case: no allocation")
          .append(" is written (the team, when known, is).\n\n");
      x.unallocated().forEach(u -> s.append("- ").append(u).append('\n'));
    }
    s.append("\n## Not measured\n\n")
        .append("These rules are left out of ")
        .append(RULES)
        .append(": the return cannot show them, so they are never counted as overdue.\n\n");
    x.notMeasured()
        .forEach((id, why) -> s.append("- `").append(id).append("`: ").append(why).append('\n'));
    s.append("- The contract KPIs (`contract` rule set): ")
        .append(x.kind())
        .append(
            " holds no allocations' times, visit write-ups, minutes, documents or supervision.\n");
    return s.toString();
  }

  private static String show(LocalDate d) {
    return d == null ? "(none)" : d.toString();
  }

  private static String csv(String v) {
    if (v == null) {
      return "";
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
