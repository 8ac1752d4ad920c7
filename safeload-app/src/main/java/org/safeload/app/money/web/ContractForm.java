package org.safeload.app.money.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.platform.DateParts;
import org.safeload.money.Contract;
import org.safeload.organisation.Role;

/**
 * The contract form: the terms a person enters (reference, provider, team, dates, status, route,
 * ceiling, roster lines, team units, extension options). It builds the same contract document a
 * YAML import or the API sends, so the core's reader checks all three alike; {@link
 * ContractFormErrors} names the reader's problems by this form's fields.
 */
public class ContractForm {

  /** How a contract is priced: per person by role, per team unit, or both (as the core allows). */
  public static final String PER_PERSON = "per-person";

  public static final String TEAM_UNIT = "team-unit";
  public static final String BOTH = "both";

  /** At most one roster line per role. */
  static final int MAX_LINES = Role.values().length;

  static final int MIN_LINES = 3;
  static final int MAX_EXTENSIONS = 10;

  /** A roster line: people of one role at a rate per day, week or month. */
  public static class Line {
    private String role = "";
    private String count = "";
    private String amount = "";
    private String per = "";

    public boolean blank() {
      return role.isBlank() && count.isBlank() && amount.isBlank() && per.isBlank();
    }

    public String getRole() {
      return role;
    }

    public void setRole(String role) {
      this.role = role == null ? "" : role;
    }

    public String getCount() {
      return count;
    }

    public void setCount(String count) {
      this.count = count == null ? "" : count;
    }

    public String getAmount() {
      return amount;
    }

    public void setAmount(String amount) {
      this.amount = amount == null ? "" : amount;
    }

    public String getPer() {
      return per;
    }

    public void setPer(String per) {
      this.per = per == null ? "" : per;
    }
  }

  /** An option to extend: how many months, for at most how much, decided by when. */
  public static class Extension {
    private String months = "";
    private String maxValue = "";
    private DateParts decideBy = new DateParts();

    public boolean blank() {
      return months.isBlank() && maxValue.isBlank() && decideBy.blank();
    }

    public String getMonths() {
      return months;
    }

    public void setMonths(String months) {
      this.months = months == null ? "" : months;
    }

    public String getMaxValue() {
      return maxValue;
    }

    public void setMaxValue(String maxValue) {
      this.maxValue = maxValue == null ? "" : maxValue;
    }

    public DateParts getDecideBy() {
      return decideBy;
    }

    public void setDecideBy(DateParts decideBy) {
      this.decideBy = decideBy == null ? new DateParts() : decideBy;
    }
  }

  private String reference = "";
  private String provider = "";
  private String team = "";
  private DateParts start = new DateParts();
  private DateParts end = new DateParts();
  private String status = "active";
  private String route = "";
  private String justification = "";
  private String ceiling = "";
  private String reductionNoticeWeeks = "";
  private String pricing = PER_PERSON;
  private List<Line> lines = new ArrayList<>();
  private String unitPrice = "";
  private String unitTeams = "";
  private Map<String, String> composition = new LinkedHashMap<>();
  private List<Extension> extensions = new ArrayList<>();

  /** A blank form for a new contract, with room for a few roster lines and an extension. */
  public static ContractForm blank() {
    ContractForm form = new ContractForm();
    form.pad();
    return form;
  }

  /** The form filled from a contract's terms, with a spare roster line and extension option. */
  public static ContractForm of(Contract c) {
    ContractForm form = new ContractForm();
    form.reference = c.id();
    form.provider = c.provider();
    form.team = c.team() == null ? "" : c.team();
    form.start = DateParts.of(c.start());
    form.end = DateParts.of(c.end());
    form.status = c.status().code();
    form.route = c.route() == null ? "" : c.route().code();
    form.justification = c.justification() == null ? "" : c.justification();
    form.ceiling = plain(c.ceiling());
    form.reductionNoticeWeeks = String.valueOf(c.reductionNoticeWeeks());
    for (Contract.RosterLine l : c.roster()) {
      Line line = new Line();
      line.role = l.role().code();
      line.count = String.valueOf(l.count());
      line.amount = plain(l.rate().amount());
      line.per = l.rate().per().code();
      form.lines.add(line);
    }
    if (c.teamUnit() != null) {
      form.unitPrice = plain(c.teamUnit().pricePerTeamWeek());
      form.unitTeams = String.valueOf(c.teamUnit().teams());
      c.teamUnit()
          .composition()
          .forEach((role, n) -> form.composition.put(role.code(), String.valueOf(n)));
    }
    form.pricing = c.teamUnit() == null ? PER_PERSON : c.roster().isEmpty() ? TEAM_UNIT : BOTH;
    for (Contract.ExtensionOption e : c.extensions()) {
      Extension x = new Extension();
      x.months = String.valueOf(e.months());
      x.maxValue = plain(e.maxValue());
      x.decideBy = DateParts.of(e.decideBy());
      form.extensions.add(x);
    }
    form.pad();
    return form;
  }

  /**
   * Room to type: one blank roster line more than filled (at least {@value #MIN_LINES}, at most one
   * per role) and one blank extension option.
   */
  void pad() {
    while (lines.size() < MAX_LINES
        && (lines.size() < MIN_LINES || lines.stream().noneMatch(Line::blank))) {
      lines.add(new Line());
    }
    if (extensions.size() < MAX_EXTENSIONS && extensions.stream().noneMatch(Extension::blank)) {
      extensions.add(new Extension());
    }
  }

  /** "Add another roster line" or "Add another extension option", pressed without JavaScript. */
  void addAnother(String what) {
    if ("line".equals(what) && lines.size() < MAX_LINES) {
      lines.add(new Line());
    } else if ("extension".equals(what) && extensions.size() < MAX_EXTENSIONS) {
      extensions.add(new Extension());
    }
  }

  public boolean canAddLine() {
    return lines.size() < MAX_LINES;
  }

  public boolean canAddExtension() {
    return extensions.size() < MAX_EXTENSIONS;
  }

  boolean perPerson() {
    return !TEAM_UNIT.equals(pricing);
  }

  boolean perTeamUnit() {
    return TEAM_UNIT.equals(pricing) || BOTH.equals(pricing);
  }

  /**
   * The contract document this form describes (one entry of a scenario's {@code contracts}). The
   * parts the form does not show (roster changes, extras, absences, offsets, invoices) are kept
   * from {@code current}, the document being edited (empty for a new contract). Blank boxes are
   * left out, so the reader reports what is required.
   *
   * @param lineIndex filled with each roster entry's form line number
   * @param extensionIndex filled with each extension entry's form line number
   */
  Map<String, Object> toDocument(
      Map<String, Object> current, List<Integer> lineIndex, List<Integer> extensionIndex) {
    Map<String, Object> doc = new LinkedHashMap<>();
    put(doc, "id", reference);
    put(doc, "provider", provider);
    put(doc, "route", route);
    put(doc, "justification", justification);
    put(doc, "start", start.toIso());
    put(doc, "end", end.toIso());
    put(doc, "ceiling", amount(ceiling));
    put(doc, "reductionNoticeWeeks", reductionNoticeWeeks);
    put(doc, "status", status);
    put(doc, "team", team);
    // A contract for several teams keeps its teams' rosters and prices (the form shows one team's).
    boolean severalTeams = current.containsKey("teams");
    if (perPerson() && !severalTeams) {
      List<Object> roster = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        Line line = lines.get(i);
        if (line.blank()) {
          continue;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        put(entry, "role", line.role);
        put(entry, "count", line.count);
        Map<String, Object> rate = new LinkedHashMap<>();
        put(rate, "amount", amount(line.amount));
        put(rate, "per", line.per);
        entry.put("rate", rate);
        roster.add(entry);
        lineIndex.add(i);
      }
      if (!roster.isEmpty()) {
        doc.put("roster", roster);
      }
    }
    if (perTeamUnit() && !severalTeams) {
      Map<String, Object> unit = new LinkedHashMap<>();
      put(unit, "pricePerTeamWeek", amount(unitPrice));
      put(unit, "teams", unitTeams);
      Map<String, Object> people = new LinkedHashMap<>();
      for (Role role : Role.values()) {
        put(people, role.code(), composition.getOrDefault(role.code(), ""));
      }
      unit.put("composition", people);
      doc.put("teamUnit", unit);
    }
    for (String kept :
        List.of("follows", "teams", "changes", "extras", "absences", "offsets", "requirements")) {
      if (current.containsKey(kept)) {
        doc.put(kept, current.get(kept));
      }
    }
    List<Object> options = new ArrayList<>();
    for (int i = 0; i < extensions.size(); i++) {
      Extension x = extensions.get(i);
      if (x.blank()) {
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      put(entry, "months", x.months);
      put(entry, "maxValue", amount(x.maxValue));
      put(entry, "decideBy", x.decideBy.toIso());
      // An option a decision exercised or declined stays so.
      if (current.get("extensions") instanceof List<?> before
          && i < before.size()
          && before.get(i) instanceof Map<?, ?> was
          && was.get("state") != null) {
        entry.put("state", was.get("state"));
      }
      options.add(entry);
      extensionIndex.add(i);
    }
    if (!options.isEmpty()) {
      doc.put("extensions", options);
    }
    if (current.containsKey("actuals")) {
      doc.put("actuals", current.get("actuals"));
    }
    return doc;
  }

  /**
   * An amount as typed, without the pound sign, spaces or thousands separators ("£1,250.50" is
   * 1250.50); anything else is left for the reader to refuse in words.
   */
  static String amount(String typed) {
    String t = typed == null ? "" : typed.strip();
    if (t.matches("£?\\s*[0-9][0-9,]*(\\.[0-9]+)?")) {
      return t.replace("£", "").replace(",", "").strip();
    }
    return t;
  }

  private static void put(Map<String, Object> doc, String key, String value) {
    if (value != null && !value.isBlank()) {
      doc.put(key, value.strip());
    }
  }

  private static String plain(BigDecimal amount) {
    return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String reference) {
    this.reference = reference == null ? "" : reference;
  }

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider == null ? "" : provider;
  }

  public String getTeam() {
    return team;
  }

  public void setTeam(String team) {
    this.team = team == null ? "" : team;
  }

  public DateParts getStart() {
    return start;
  }

  public void setStart(DateParts start) {
    this.start = start == null ? new DateParts() : start;
  }

  public DateParts getEnd() {
    return end;
  }

  public void setEnd(DateParts end) {
    this.end = end == null ? new DateParts() : end;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status == null ? "" : status;
  }

  public String getRoute() {
    return route;
  }

  public void setRoute(String route) {
    this.route = route == null ? "" : route;
  }

  public String getJustification() {
    return justification;
  }

  public void setJustification(String justification) {
    this.justification = justification == null ? "" : justification;
  }

  public String getCeiling() {
    return ceiling;
  }

  public void setCeiling(String ceiling) {
    this.ceiling = ceiling == null ? "" : ceiling;
  }

  public String getReductionNoticeWeeks() {
    return reductionNoticeWeeks;
  }

  public void setReductionNoticeWeeks(String reductionNoticeWeeks) {
    this.reductionNoticeWeeks = reductionNoticeWeeks == null ? "" : reductionNoticeWeeks.strip();
  }

  public String getPricing() {
    return pricing;
  }

  public void setPricing(String pricing) {
    this.pricing = pricing == null ? PER_PERSON : pricing;
  }

  public List<Line> getLines() {
    return lines;
  }

  public void setLines(List<Line> lines) {
    this.lines = lines == null ? new ArrayList<>() : lines;
  }

  public String getUnitPrice() {
    return unitPrice;
  }

  public void setUnitPrice(String unitPrice) {
    this.unitPrice = unitPrice == null ? "" : unitPrice;
  }

  public String getUnitTeams() {
    return unitTeams;
  }

  public void setUnitTeams(String unitTeams) {
    this.unitTeams = unitTeams == null ? "" : unitTeams;
  }

  public Map<String, String> getComposition() {
    return composition;
  }

  public void setComposition(Map<String, String> composition) {
    this.composition = composition == null ? new LinkedHashMap<>() : composition;
  }

  public List<Extension> getExtensions() {
    return extensions;
  }

  public void setExtensions(List<Extension> extensions) {
    this.extensions = extensions == null ? new ArrayList<>() : extensions;
  }
}
