package org.safeload.app.audit.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.safeload.app.audit.AuditChain;
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
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String page,
      Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    Filters f = filters(who, action, from, to, q, page, errors);
    AuditPage result = audit.page(f.query());
    Map<String, String> people = people(f.actors());
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("who", f.query().actor() == null ? "" : f.query().actor());
    filters.put("action", f.query().action() == null ? "" : f.query().action());
    filters.put(
        "from",
        f.query().from() == null
            ? text(from, errors.containsKey("from"))
            : input(f.query().from()));
    filters.put(
        "to", f.query().to() == null ? text(to, errors.containsKey("to")) : input(f.query().to()));
    filters.put(
        "q", f.query().search() == null ? text(q, errors.containsKey("q")) : f.query().search());
    Map<String, String> query = new LinkedHashMap<>(filters);
    for (String field : errors.keySet()) {
      query.put(field, "");
    }

    model.addAttribute("rows", rows(result.entries(), people));
    model.addAttribute(
        "pagination",
        org.safeload.app.platform.Pagination.of(
            result.page(), result.pageSize(), result.total(), n -> href(query, n)));
    model.addAttribute("filters", filters);
    model.addAttribute("filtered", filters.values().stream().anyMatch(v -> !v.isEmpty()));
    model.addAttribute(
        "exportHref", org.safeload.app.platform.Pagination.href("/admin/audit.csv", query, 1));
    model.addAttribute(
        "whoOptions",
        f.actors().stream()
            .map(a -> new org.safeload.app.platform.FilterOption(a, people.getOrDefault(a, a)))
            .sorted(java.util.Comparator.comparing(org.safeload.app.platform.FilterOption::text))
            .toList());
    model.addAttribute(
        "actionOptions",
        f.actions().stream()
            .map(a -> new org.safeload.app.platform.FilterOption(a, AuditWords.action(a)))
            .toList());
    if (!errors.isEmpty()) {
      model.addAttribute("errors", errors);
    }
    return "admin/audit";
  }

  /** The filters as asked, checked: what to query, and the choices offered. */
  private record Filters(AuditQuery query, List<String> actors, List<String> actions) {}

  private Filters filters(
      String who,
      String action,
      String from,
      String to,
      String q,
      String page,
      Map<String, String> errors) {
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
    String search = blank(q);
    if (search != null && search.length() > AuditQuery.MAX_SEARCH) {
      errors.put("q", "Search for " + AuditQuery.MAX_SEARCH + " characters or fewer");
      search = null;
    }
    return new Filters(
        new AuditQuery(
            actor, act, fromDate, toDate, search, org.safeload.app.platform.Pagination.page(page)),
        actors,
        actions);
  }

  /**
   * Every entry the filters match, as a spreadsheet (CSV): when (London time and UTC), who, the
   * action and record in words, the details, and the entry's number and place in the chain. Cells a
   * spreadsheet would run as formulas are neutralised. Filters that are not valid are left out, as
   * on the page.
   */
  @GetMapping(value = "/admin/audit.csv", produces = "text/csv")
  void export(
      @RequestParam(required = false) String who,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String q,
      jakarta.servlet.http.HttpServletResponse response)
      throws java.io.IOException {
    Filters f = filters(who, action, from, to, q, null, new LinkedHashMap<>());
    Map<String, String> people = people(f.actors());
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
    java.io.PrintWriter out = response.getWriter();
    out.print("when_london,when_utc,username,person,action,record_type,record,details,entry\r\n");
    audit.export(
        f.query(),
        e -> {
          out.print(
              String.join(
                      ",",
                      cell(
                          CSV_TIME.format(
                              e.occurredAt().atZone(org.safeload.app.platform.TimeConfig.LONDON))),
                      e.occurredAt().toString(),
                      cell(e.actor()),
                      cell(people.getOrDefault(e.actor(), e.actor())),
                      cell(AuditWords.action(e.action())),
                      cell(AuditWords.type(e.entityType())),
                      cell(e.entityId()),
                      cell(e.summary()),
                      Long.toString(e.id()))
                  + "\r\n");
        });
    out.flush();
  }

  private static final java.time.format.DateTimeFormatter CSV_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static String cell(String value) {
    return org.safeload.document.CsvCells.cell(value);
  }

  /** The whole trail checked against its keyed hashes (as {@code safeload audit verify}). */
  @GetMapping("/admin/audit/check")
  String check(Model model) {
    AuditChain.Check check = audit.check();
    model.addAttribute("check", check);
    return "admin/audit-check";
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
