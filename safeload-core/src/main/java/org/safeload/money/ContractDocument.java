package org.safeload.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.money.Contract.Rate;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A contract as a document: the fields of one entry of a scenario's {@code contracts}, as maps and
 * lists ready to write as JSON or YAML. {@link ScenarioReader#contract(String)} reads it back.
 */
public final class ContractDocument {

  private ContractDocument() {}

  public static Map<String, Object> toMap(Contract c) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", c.id());
    doc.put("provider", c.provider());
    put(doc, "route", c.route() == null ? null : c.route().code());
    put(doc, "justification", c.justification());
    doc.put("start", c.start().toString());
    doc.put("end", c.end().toString());
    put(doc, "ceiling", plain(c.ceiling()));
    doc.put("status", c.status().code());
    put(doc, "team", c.team());
    put(doc, "follows", c.follows());
    if (c.reductionNoticeWeeks() != Contract.DEFAULT_REDUCTION_NOTICE_WEEKS) {
      doc.put("reductionNoticeWeeks", c.reductionNoticeWeeks());
    }
    pricing(doc, c.roster(), c.teamUnit());
    List<Object> teams = new ArrayList<>();
    c.teams()
        .forEach(
            part -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("name", part.name());
              put(m, "team", part.team());
              pricing(m, part.roster(), part.teamUnit());
              teams.add(m);
            });
    list(doc, "teams", teams);
    List<Object> changes = new ArrayList<>();
    c.changes()
        .forEach(
            ch -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("from", ch.from().toString());
              put(m, "forTeam", ch.forTeam());
              if (ch.role() != null) {
                m.put("role", ch.role().code());
                m.put("count", ch.count());
              } else {
                m.put("teams", ch.teams());
              }
              changes.add(m);
            });
    list(doc, "changes", changes);
    List<Object> extras = new ArrayList<>();
    c.extras()
        .forEach(
            x -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("name", x.name());
              m.put("from", x.from().toString());
              put(m, "to", x.to() == null ? null : x.to().toString());
              m.put("amount", plain(x.amount()));
              m.put("per", x.per().code());
              m.put("count", x.count());
              extras.add(m);
            });
    list(doc, "extras", extras);
    List<Object> absences = new ArrayList<>();
    c.absences()
        .forEach(
            a -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("role", a.role().code());
              m.put("from", a.from().toString());
              m.put("to", a.to().toString());
              m.put("count", a.count());
              m.put("reason", a.reason());
              put(m, "forTeam", a.forTeam());
              absences.add(m);
            });
    list(doc, "absences", absences);
    List<Object> offsets = new ArrayList<>();
    c.offsets().forEach(o -> offsets.add(Map.of("name", o.name(), "amount", plain(o.amount()))));
    list(doc, "offsets", offsets);
    List<Object> extensions = new ArrayList<>();
    c.extensions()
        .forEach(
            e -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("months", e.months());
              m.put("maxValue", plain(e.maxValue()));
              m.put("decideBy", e.decideBy().toString());
              if (!e.open()) {
                m.put("state", e.state().code());
              }
              extensions.add(m);
            });
    list(doc, "extensions", extensions);
    List<Object> actuals = new ArrayList<>();
    c.actuals()
        .forEach(
            i -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("month", i.month().toString());
              m.put("amount", plain(i.amount()));
              put(m, "reference", i.reference());
              actuals.add(m);
            });
    list(doc, "actuals", actuals);
    List<Object> requirements = new ArrayList<>();
    c.requirements()
        .forEach(
            r -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("role", r.role().code());
              if (r.pqeYears() > 0) {
                m.put("pqeYears", r.pqeYears());
              }
              if (r.managerYears() > 0) {
                m.put("managerYears", r.managerYears());
              }
              requirements.add(m);
            });
    list(doc, "requirements", requirements);
    return doc;
  }

  /**
   * The contract as a YAML document, for people to read and edit: block style, amounts and dates
   * unquoted. {@link ScenarioReader#contract(String)} reads it back to the same contract.
   */
  public static String toYaml(Contract c) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(100);
    return new Yaml(new DocumentRepresenter(options), options).dump(toMap(c));
  }

  /** Amounts as plain numbers and ISO dates as plain dates, not quoted strings. */
  private static final class DocumentRepresenter extends Representer {
    DocumentRepresenter(DumperOptions options) {
      super(options);
      representers.put(
          BigDecimal.class,
          data -> {
            BigDecimal amount = (BigDecimal) data;
            return representScalar(
                amount.scale() <= 0 ? Tag.INT : Tag.FLOAT, amount.toPlainString());
          });
      Represent text = representers.get(String.class);
      representers.put(
          String.class,
          data ->
              ((String) data).matches("\\d{4}-\\d{2}-\\d{2}")
                  ? representScalar(Tag.TIMESTAMP, (String) data)
                  : text.representData(data));
    }
  }

  private static void pricing(
      Map<String, Object> doc, List<Contract.RosterLine> rosterLines, Contract.TeamUnit teamUnit) {
    List<Object> roster = new ArrayList<>();
    rosterLines.forEach(
        line -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("role", line.role().code());
          m.put("count", line.count());
          m.put("rate", rate(line.rate()));
          roster.add(m);
        });
    list(doc, "roster", roster);
    if (teamUnit != null) {
      Map<String, Object> unit = new LinkedHashMap<>();
      unit.put("pricePerTeamWeek", plain(teamUnit.pricePerTeamWeek()));
      unit.put("teams", teamUnit.teams());
      Map<String, Object> composition = new LinkedHashMap<>();
      teamUnit.composition().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> composition.put(e.getKey().code(), e.getValue()));
      unit.put("composition", composition);
      doc.put("teamUnit", unit);
    }
  }

  private static Map<String, Object> rate(Rate rate) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("amount", plain(rate.amount()));
    m.put("per", rate.per().code());
    return m;
  }

  private static BigDecimal plain(BigDecimal amount) {
    return amount == null
        ? null
        : amount.stripTrailingZeros().scale() < 0
            ? amount.setScale(0)
            : amount.stripTrailingZeros();
  }

  private static void put(Map<String, Object> doc, String key, Object value) {
    if (value != null) {
      doc.put(key, value);
    }
  }

  private static void list(Map<String, Object> doc, String key, List<Object> items) {
    if (!items.isEmpty()) {
      doc.put(key, items);
    }
  }
}
