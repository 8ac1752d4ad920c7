package org.safeload.app.audit.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.safeload.app.audit.AuditEntry;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.audit.AuditNames;
import org.safeload.app.audit.AuditPage;
import org.safeload.app.audit.AuditQuery;
import org.safeload.app.platform.PageDates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail, for administrators: filtered by person, action and date; 50 to a page. */
@Controller
class AuditPageController {

  private final AuditLog audit;
  private final ObjectProvider<AuditNames> names;

  AuditPageController(AuditLog audit, ObjectProvider<AuditNames> names) {
    this.audit = audit;
    this.names = names;
  }

  @GetMapping("/admin/audit")
  String audit(
      @RequestParam(required = false) String who,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String page,
      Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> actors = audit.actors();
    List<String> actions = audit.actions();
    String actor = blank(who);
    if (actor != null && !actors.contains(actor)) {
      errors.put("who", "Choose a person from the list");
      actor = null;
    }
    String act = blank(action);
    if (act != null && !actions.contains(act)) {
      errors.put("action", "Choose an action from the list");
      act = null;
    }
    LocalDate fromDate = date(from, "from", "From", errors);
    LocalDate toDate = date(to, "to", "To", errors);
    if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
      errors.put("to", "The “to” date must be the same as or after the “from” date");
      toDate = null;
    }
    AuditPage result =
        audit.page(
            new AuditQuery(
                actor, act, fromDate, toDate, org.safeload.app.platform.Pagination.page(page)));

    Map<String, String> people = people(actors);
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("who", actor == null ? "" : actor);
    filters.put("action", act == null ? "" : act);
    filters.put(
        "from", fromDate == null ? text(from, errors.containsKey("from")) : input(fromDate));
    filters.put("to", toDate == null ? text(to, errors.containsKey("to")) : input(toDate));
    Map<String, String> query = new LinkedHashMap<>(filters);
    if (errors.containsKey("from")) {
      query.put("from", "");
    }
    if (errors.containsKey("to")) {
      query.put("to", "");
    }

    model.addAttribute("rows", rows(result.entries(), people));
    model.addAttribute(
        "pagination",
        org.safeload.app.platform.Pagination.of(
            result.page(), result.pageSize(), result.total(), n -> href(query, n)));
    model.addAttribute("filters", filters);
    model.addAttribute("filtered", filters.values().stream().anyMatch(v -> !v.isEmpty()));
    model.addAttribute(
        "whoOptions",
        actors.stream()
            .map(a -> new org.safeload.app.platform.FilterOption(a, people.getOrDefault(a, a)))
            .sorted(java.util.Comparator.comparing(org.safeload.app.platform.FilterOption::text))
            .toList());
    model.addAttribute(
        "actionOptions",
        actions.stream()
            .map(a -> new org.safeload.app.platform.FilterOption(a, AuditWords.action(a)))
            .toList());
    if (!errors.isEmpty()) {
      model.addAttribute("errors", errors);
    }
    return "admin/audit";
  }

  private List<AuditRow> rows(List<AuditEntry> entries, Map<String, String> people) {
    Map<String, Set<String>> idsByType = new HashMap<>();
    for (AuditEntry e : entries) {
      if (e.entityId() != null) {
        idsByType.computeIfAbsent(e.entityType(), k -> new TreeSet<>()).add(e.entityId());
      }
    }
    Map<String, Map<String, AuditNames.Named>> named = new HashMap<>();
    idsByType.forEach(
        (type, ids) -> {
          Map<String, AuditNames.Named> found = new HashMap<>();
          names.orderedStream().forEach(n -> found.putAll(n.names(type, ids)));
          named.put(type, found);
        });
    List<AuditRow> rows = new ArrayList<>();
    for (AuditEntry e : entries) {
      AuditNames.Named subject =
          e.entityId() == null
              ? null
              : named.getOrDefault(e.entityType(), Map.of()).get(e.entityId());
      String name = subject != null ? subject.name() : fallback(e);
      rows.add(
          new AuditRow(
              e.occurredAt(),
              people.getOrDefault(e.actor(), e.actor()),
              e.actor(),
              AuditWords.action(e.action()),
              AuditWords.type(e.entityType()),
              name,
              subject == null ? null : subject.path(),
              sentence(e.summary())));
    }
    return rows;
  }

  /**
   * What to call a record no module names: its reference when it is one people use (a case
   * reference, a rule set's name); nothing for a bare database number.
   */
  private static String fallback(AuditEntry e) {
    if (e.entityId() == null || e.entityId().matches("\\d+")) {
      return null;
    }
    return e.entityId();
  }

  /** A summary as a sentence: a capital letter first and a full stop at the end. */
  static String sentence(String summary) {
    if (summary == null || summary.isBlank()) {
      return "";
    }
    String s = summary.strip();
    s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    return Character.isLetterOrDigit(s.charAt(s.length() - 1)) ? s + "." : s;
  }

  private Map<String, String> people(List<String> usernames) {
    return audit.people(usernames);
  }

  private static String href(Map<String, String> filters, int page) {
    return org.safeload.app.platform.Pagination.href("/admin/audit", filters, page);
  }

  private static LocalDate date(
      String text, String field, String label, Map<String, String> errors) {
    if (blank(text) == null) {
      return null;
    }
    return PageDates.parse(text.strip())
        .orElseGet(
            () -> {
              errors.put(
                  field,
                  "The “" + label.toLowerCase() + "” date must be a real date, like 24/11/2026");
              return null;
            });
  }

  private static String input(LocalDate date) {
    return PageDates.input(date);
  }

  private static String text(String typed, boolean keep) {
    return keep && typed != null ? typed : "";
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
