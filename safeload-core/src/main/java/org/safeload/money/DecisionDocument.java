package org.safeload.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.money.Contract.RosterChange;
import org.safeload.organisation.Role;
import org.safeload.yaml.YamlObject;

/**
 * A decision as a document (YAML or JSON; docs/decisions.md): what the API takes and the database
 * keeps. {@link #read} reports every problem at once by field; {@link #toMap} writes it back.
 */
public final class DecisionDocument {

  private DecisionDocument() {}

  public static Decision read(String text) {
    List<FieldProblem> problems = new ArrayList<>();
    YamlObject d = YamlObject.document(text, problems);
    d.allow(
        "kind",
        "date",
        "decisionMaker",
        "makerRole",
        "route",
        "urgencyReason",
        "wardsAffected",
        "callInDays",
        "narrative",
        "options",
        "option",
        "newEnd",
        "addedValue",
        "taper",
        "value",
        "printed");
    DecisionKind kind = d.code("kind", true, DecisionKind::fromCode, DecisionKind.codes());
    LocalDate date = d.date("date", true);
    String maker = d.name("decisionMaker", true);
    String role = d.name("makerRole", false);
    DecisionRoute route = d.code("route", true, DecisionRoute::fromCode, DecisionRoute.codes());
    String urgency = d.text("urgencyReason", false);
    Boolean wards = d.yesNo("wardsAffected", false);
    Integer callIn = d.count("callInDays", false, 0);
    Decision.Narrative narrative =
        d.object("narrative", false)
            .map(
                n -> {
                  n.allow(
                      "purpose", "background", "recommendation", "risks", "exitPlan", "funding");
                  List<Decision.Risk> risks = new ArrayList<>();
                  for (YamlObject r : n.list("risks")) {
                    r.allow("risk", "mitigation");
                    risks.add(new Decision.Risk(r.text("risk", true), r.text("mitigation", false)));
                  }
                  return new Decision.Narrative(
                      n.prose("purpose", false),
                      n.prose("background", false),
                      n.prose("recommendation", false),
                      risks,
                      n.prose("exitPlan", false),
                      n.prose("funding", false));
                })
            .orElse(null);
    List<Decision.OptionConsidered> options = new ArrayList<>();
    for (YamlObject o : d.list("options")) {
      o.allow("name", "cost", "chosen", "note");
      Boolean chosen = o.yesNo("chosen", false);
      options.add(
          new Decision.OptionConsidered(
              o.name("name", true),
              o.pounds("cost", false),
              Boolean.TRUE.equals(chosen),
              o.text("note", false)));
    }
    Integer option = d.count("option", false, 1);
    LocalDate newEnd = d.date("newEnd", false);
    BigDecimal added = signedPounds(d, "addedValue");
    List<RosterChange> taper = new ArrayList<>();
    for (YamlObject ch : d.list("taper")) {
      ch.allow("from", "role", "count", "teams", "forTeam");
      Role r = ch.code("role", false, Role::fromCode, Role.codes());
      Integer count = ch.count("count", false, 0);
      if (ch.has("role") && !ch.has("count")) {
        ch.problem("count", "is required with a role");
      }
      taper.add(
          new RosterChange(
              ch.date("from", true),
              r,
              ch.has("role") ? count : null,
              ch.count("teams", false, 0),
              ch.name("forTeam", false)));
    }
    BigDecimal value = d.pounds("value", false);
    Decision.Printed printed =
        d.object("printed", false)
            .map(
                p -> {
                  p.allow("source", "total", "months");
                  List<Decision.PrintedMonth> months = new ArrayList<>();
                  for (YamlObject m : p.list("months")) {
                    m.allow("month", "amount", "socialWorkers");
                    months.add(
                        new Decision.PrintedMonth(
                            m.month("month", true),
                            m.pounds("amount", true),
                            m.count("socialWorkers", false, 0)));
                  }
                  return new Decision.Printed(
                      months, p.pounds("total", false), p.name("source", false));
                })
            .orElse(null);
    if (!problems.isEmpty()) {
      throw new DocumentException(problems);
    }
    return new Decision(
        kind,
        date,
        maker,
        role,
        route,
        urgency,
        Boolean.TRUE.equals(wards),
        callIn == null ? 0 : callIn,
        narrative,
        options,
        option,
        newEnd,
        added,
        taper,
        value,
        printed);
  }

  /** An amount that may be negative (a variation lowering the ceiling). */
  private static BigDecimal signedPounds(YamlObject o, String key) {
    String raw = o.text(key, false);
    if (raw == null) {
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(raw.replace(",", "").replace("£", ""));
      if (amount.stripTrailingZeros().scale() > 2) {
        o.problem(
            key,
            "must be in pounds and pence, with no more than 2 decimal places (not "
                + amount.toPlainString()
                + ")");
        return null;
      }
      return amount;
    } catch (NumberFormatException e) {
      o.problem(key, "must be an amount in pounds, like 1250.50 or -5000 (not " + raw + ")");
      return null;
    }
  }

  public static Map<String, Object> toMap(Decision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", d.kind().code());
    m.put("date", d.date().toString());
    m.put("decisionMaker", d.decisionMaker());
    put(m, "makerRole", d.makerRole());
    m.put("route", d.route().code());
    put(m, "urgencyReason", d.urgencyReason());
    m.put("wardsAffected", d.wardsAffected());
    m.put("callInDays", d.callInDays());
    if (d.narrative() != null) {
      Decision.Narrative n = d.narrative();
      Map<String, Object> nm = new LinkedHashMap<>();
      put(nm, "purpose", n.purpose());
      put(nm, "background", n.background());
      put(nm, "recommendation", n.recommendation());
      List<Object> risks = new ArrayList<>();
      for (Decision.Risk r : n.risks()) {
        Map<String, Object> rm = new LinkedHashMap<>();
        rm.put("risk", r.risk());
        put(rm, "mitigation", r.mitigation());
        risks.add(rm);
      }
      if (!risks.isEmpty()) {
        nm.put("risks", risks);
      }
      put(nm, "exitPlan", n.exitPlan());
      put(nm, "funding", n.funding());
      m.put("narrative", nm);
    }
    List<Object> options = new ArrayList<>();
    for (Decision.OptionConsidered o : d.options()) {
      Map<String, Object> om = new LinkedHashMap<>();
      om.put("name", o.name());
      put(om, "cost", plain(o.cost()));
      om.put("chosen", o.chosen());
      put(om, "note", o.note());
      options.add(om);
    }
    if (!options.isEmpty()) {
      m.put("options", options);
    }
    put(m, "option", d.option());
    put(m, "newEnd", d.newEnd() == null ? null : d.newEnd().toString());
    put(m, "addedValue", d.addedValue() == null ? null : d.addedValue().toPlainString());
    List<Object> taper = new ArrayList<>();
    for (RosterChange ch : d.taper()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("from", ch.from().toString());
      put(cm, "forTeam", ch.forTeam());
      if (ch.role() != null) {
        cm.put("role", ch.role().code());
        cm.put("count", ch.count());
      } else {
        cm.put("teams", ch.teams());
      }
      taper.add(cm);
    }
    if (!taper.isEmpty()) {
      m.put("taper", taper);
    }
    put(m, "value", plain(d.value()));
    if (d.printed() != null) {
      Map<String, Object> pm = new LinkedHashMap<>();
      put(pm, "source", d.printed().source());
      put(pm, "total", plain(d.printed().total()));
      List<Object> months = new ArrayList<>();
      for (Decision.PrintedMonth pmo : d.printed().months()) {
        Map<String, Object> mm = new LinkedHashMap<>();
        mm.put("month", pmo.month().toString());
        mm.put("amount", plain(pmo.amount()));
        put(mm, "socialWorkers", pmo.socialWorkers());
        months.add(mm);
      }
      pm.put("months", months);
      m.put("printed", pm);
    }
    return m;
  }

  private static String plain(BigDecimal amount) {
    return amount == null ? null : amount.toPlainString();
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
