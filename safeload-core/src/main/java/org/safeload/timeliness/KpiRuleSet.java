package org.safeload.timeliness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.timeliness.KpiRule.Filter;
import org.safeload.timeliness.KpiRule.Kind;
import org.safeload.timeliness.KpiRule.Unit;
import org.safeload.timeliness.KpiRule.Window;
import org.safeload.yaml.YamlObject;

/**
 * A named set of KPI rules, read from YAML. Two are built in: {@code contract} (the seven KPIs of a
 * managed-team contract) and {@code statutory} (Working Together timescales); a council copies one
 * and edits it.
 */
public record KpiRuleSet(String id, String name, List<KpiRule> rules) {

  public static final List<String> BUILT_IN = List.of("contract", "statutory");

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** A built-in set's YAML text. */
  public static String builtInText(String id) {
    if (!BUILT_IN.contains(id)) {
      throw new IllegalArgumentException("No built-in rule set " + id + "; there are " + BUILT_IN);
    }
    try (InputStream in = KpiRuleSet.class.getResourceAsStream(id + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static KpiRuleSet builtIn(String id) {
    return read(builtInText(id));
  }

  /**
   * Reads a rule set.
   *
   * @throws DocumentException with every problem, each naming its line and field
   */
  public static KpiRuleSet read(String text) {
    List<FieldProblem> problems = new ArrayList<>();
    YamlObject root = YamlObject.document(text, problems);
    root.allow("id", "name", "rules");
    String id = root.text("id", true);
    String name = name(root, id);
    List<KpiRule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlObject r : root.list("rules")) {
      KpiRule rule = rule(r);
      if (rule != null) {
        if (!ids.add(rule.id())) {
          r.problem("id", "another rule has the id " + rule.id());
        }
        rules.add(rule);
      }
    }
    if (!root.has("rules")) {
      root.problem("rules", "is required: a rule set has at least one rule");
    }
    if (!problems.isEmpty()) {
      throw new DocumentException(problems);
    }
    return new KpiRuleSet(id, name, List.copyOf(rules));
  }

  /** A name, or the id when there is none; a name given empty is a mistake, not "no name". */
  private static String name(YamlObject o, String id) {
    if (o.names().contains("name") && !o.has("name")) {
      o.problem("name", "is empty: give a name, or leave the field out to use the id");
      return id;
    }
    return o.has("name") ? o.name("name", true) : id;
  }

  private static KpiRule rule(YamlObject r) {
    r.allow(
        "id",
        "name",
        "anchor",
        "target",
        "within",
        "beforeDue",
        "every",
        "first",
        "whileCaseType",
        "scope",
        "goal");
    String id = r.id("id", true);
    String name = name(r, id);
    Filter anchor = r.object("anchor", false).map(KpiRuleSet::filter).orElse(null);
    Optional<YamlObject> targetNode = r.object("target", false);
    Filter target = targetNode.map(KpiRuleSet::filter).orElse(null);
    boolean byRef = targetNode.map(t -> "anchor".equals(t.text("ref", false))).orElse(false);
    Set<CaseType> types = EnumSet.noneOf(CaseType.class);
    for (String code : r.texts("whileCaseType")) {
      CaseType.fromCode(code)
          .ifPresentOrElse(
              types::add,
              () ->
                  r.problem(
                      "whileCaseType",
                      "must be case types: " + CaseType.codes() + " (not " + code + ")"));
    }
    BigDecimal goal = r.number("goal", false);
    if (goal != null && (goal.compareTo(HUNDRED) > 0 || goal.stripTrailingZeros().scale() > 1)) {
      r.problem(
          "goal",
          "must be a percentage from 0 to 100, like 95 or 97.5 (not " + goal.toPlainString() + ")");
      goal = null;
    }
    String scope = r.has("scope") ? r.text("scope", true) : "case";
    if (scope == null) {
      scope = "case"; // not a word (a mapping, say): its problem is recorded
    } else if (!scope.equals("case") && !scope.equals("worker")) {
      r.problem("scope", "must be case or worker (not " + scope + ")");
    }
    Kind kind;
    Window window;
    Window first = null;
    if (r.has("within")) {
      kind = Kind.AFTER;
      window = r.object("within", true).map(w -> window(w, EnumSet.allOf(Unit.class))).orElse(null);
      if (anchor == null) {
        r.problem("anchor", "is required with within");
      }
      if (target == null) {
        r.problem("target", "is required with within");
      }
    } else if (r.has("beforeDue")) {
      kind = Kind.BEFORE_DUE;
      window =
          r.object("beforeDue", true)
              .map(w -> window(w, EnumSet.of(Unit.WORKING_DAYS)))
              .orElse(null);
      if (anchor == null) {
        r.problem("anchor", "is required with beforeDue (the event that has the due date)");
      }
    } else if (r.has("every")) {
      kind = Kind.RECURRING;
      window = r.object("every", true).map(w -> window(w, EnumSet.allOf(Unit.class))).orElse(null);
      first = r.object("first", false).map(w -> window(w, EnumSet.allOf(Unit.class))).orElse(null);
      if (target == null) {
        r.problem("target", "is required with every");
      }
      if (scope.equals("case") && types.isEmpty() && anchor == null) {
        r.problem(
            "whileCaseType",
            "a recurring case rule says while which case types it applies, or its anchor");
      }
    } else {
      r.problem("", "a rule has within (after its anchor), beforeDue, or every (recurring)");
      return null;
    }
    return new KpiRule(
        id,
        name,
        kind,
        anchor,
        target,
        window,
        first,
        byRef,
        Set.copyOf(types),
        scope.equals("worker"),
        goal == null ? null : goal.stripTrailingZeros());
  }

  private static Filter filter(YamlObject f) {
    f.allow("type", "detail", "ref");
    EventType type = f.code("type", true, EventType::fromCode, EventType.codes());
    if (f.has("ref") && !"anchor".equals(f.text("ref", true))) {
      f.problem("ref", "can only be anchor (the target refers to the anchor event)");
    }
    return new Filter(type, new LinkedHashSet<>(f.texts("detail")));
  }

  private static Window window(YamlObject w, Set<Unit> allowed) {
    List<String> keys = new ArrayList<>();
    for (Unit u : allowed) {
      keys.add(u.key());
    }
    w.allow(keys.toArray(String[]::new));
    Window found = null;
    for (Unit u : allowed) {
      if (w.names().contains(u.key())) {
        Integer n = w.count(u.key(), true, 1);
        if (found != null) {
          w.problem(
              u.key(), "a window has one length; " + found.unit().key() + " is already given");
        } else if (n != null) {
          found = new Window(u, n);
        }
      }
    }
    if (found == null && w.names().isEmpty()) {
      w.problem("", "give the length as one of: " + String.join(", ", keys));
    }
    return found;
  }
}
