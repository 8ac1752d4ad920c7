package org.safeload.caseload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;
import org.safeload.yaml.YamlObject;

/**
 * An allocation policy: case weights, hard rules and soft targets per group of workers (by role and
 * experience), and a team's target caseload per FTE. Read from YAML; {@code default} is built in
 * (common English practice) and a council saves its own copy.
 *
 * @param teamTargetCasesPerFte a team's soft target for cases per case-holding FTE, or null
 */
public record CaseloadPolicy(
    String id,
    String name,
    Map<CaseType, BigDecimal> weights,
    List<WorkerGroup> groups,
    BigDecimal teamTargetCasesPerFte) {

  public static final String DEFAULT = "default";

  public CaseloadPolicy {
    weights = Map.copyOf(weights);
    groups = List.copyOf(groups);
  }

  /** The built-in policy's YAML text. */
  public static String defaultText() {
    try (InputStream in = CaseloadPolicy.class.getResourceAsStream("default.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CaseloadPolicy defaultPolicy() {
    return read(defaultText());
  }

  /** A case type's weight (1 when the policy does not name it). */
  public BigDecimal weight(CaseType type) {
    return type == null ? BigDecimal.ONE : weights.getOrDefault(type, BigDecimal.ONE);
  }

  /** The first group that applies to a worker, or null. */
  public WorkerGroup groupOf(CaseHolder holder) {
    return groups.stream().filter(g -> g.matches(holder)).findFirst().orElse(null);
  }

  /** A worker's limits, with their FTE applied. */
  public Limits limitsFor(CaseHolder holder) {
    return Limits.of(groupOf(holder), holder.fte());
  }

  /**
   * What allocating one more case of a type to a worker would do: hard-rule breaches (refused) and
   * soft targets exceeded (allowed with a recorded reason).
   */
  public Verdict check(CaseHolder holder, Load current, CaseType type) {
    Limits limits = limitsFor(holder);
    List<String> breaches = new ArrayList<>();
    if (limits.group() == null) {
      breaches.add(holder.role().label() + "s do not hold cases under policy " + id);
      return new Verdict(breaches, List.of());
    }
    if (limits.excludedTypes().contains(type)) {
      breaches.add(
          limits.group().name() + ": may not hold " + type.label() + " cases (policy " + id + ")");
    }
    Load after = current.plus(weight(type));
    breaches.addAll(limits.breaches(after));
    return new Verdict(breaches, breaches.isEmpty() ? limits.overTargets(after) : List.of());
  }

  /**
   * Reads a policy.
   *
   * @throws DocumentException with every problem, each naming its line and field
   */
  public static CaseloadPolicy read(String text) {
    List<FieldProblem> problems = new ArrayList<>();
    YamlObject root = YamlObject.document(text, problems);
    root.allow("id", "name", "weights", "groups", "team");
    String id = root.text("id", true);
    if (id != null && !id.matches("[a-z0-9-]{1,64}")) {
      root.problem("id", "must be 1 to 64 lower-case letters, digits or hyphens (not " + id + ")");
    }
    String name = root.has("name") ? root.name("name", true) : id;
    Map<CaseType, BigDecimal> weights = new EnumMap<>(CaseType.class);
    root.object("weights", false)
        .ifPresent(
            w -> {
              for (String key : w.names()) {
                CaseType type = CaseType.fromCode(key).orElse(null);
                if (type == null) {
                  w.problem(key, "is not a case type; expected one of: " + CaseType.codes());
                  continue;
                }
                BigDecimal weight = w.number(key, true);
                if (weight != null) {
                  if (weight.signum() <= 0 || weight.stripTrailingZeros().scale() > 2) {
                    w.problem(key, "must be more than 0, with at most 2 decimal places");
                  } else {
                    weights.put(type, weight);
                  }
                }
              }
            });
    List<WorkerGroup> groups = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlObject g : root.list("groups")) {
      WorkerGroup group = group(g);
      if (group != null) {
        if (!ids.add(group.id())) {
          g.problem("id", "another group has the id " + group.id());
        }
        groups.add(group);
      }
    }
    if (groups.isEmpty() && problems.isEmpty()) {
      root.problem("groups", "must list at least one group of workers");
    }
    BigDecimal teamTarget =
        root.object("team", false)
            .map(
                t -> {
                  t.allow("targetCasesPerFte");
                  return positive(t, "targetCasesPerFte");
                })
            .orElse(null);
    if (!problems.isEmpty()) {
      throw new DocumentException(problems);
    }
    return new CaseloadPolicy(id, name, weights, groups, teamTarget);
  }

  private static WorkerGroup group(YamlObject g) {
    g.allow(
        "id",
        "name",
        "when",
        "maxCases",
        "maxCasesPerFte",
        "maxWeightedPerFte",
        "excludeCaseTypes",
        "targetCasesPerFte",
        "targetWeightedPerFte");
    String id = g.id("id", true);
    String name = g.has("name") ? g.name("name", true) : id;
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Boolean[] asye = {null};
    Integer[] minPqe = {null};
    g.object("when", false)
        .ifPresent(
            w -> {
              w.allow("role", "asye", "minPqeYears");
              for (String code : w.texts("role")) {
                Role role = Role.fromCode(code).orElse(null);
                if (role == null || !role.caseHolding()) {
                  w.problem(
                      "role",
                      "must be a case-holding role: social-worker, advanced-practitioner (not "
                          + code
                          + ")");
                } else {
                  roles.add(role);
                }
              }
              if (w.has("asye")) {
                String value = w.text("asye", true);
                if (!value.equals("true") && !value.equals("false")) {
                  w.problem("asye", "must be true or false (not " + value + ")");
                } else {
                  asye[0] = Boolean.valueOf(value);
                }
              }
              minPqe[0] = w.count("minPqeYears", false, 0);
            });
    Set<CaseType> excluded = EnumSet.noneOf(CaseType.class);
    for (String code : g.texts("excludeCaseTypes")) {
      CaseType.fromCode(code)
          .ifPresentOrElse(
              excluded::add,
              () ->
                  g.problem(
                      "excludeCaseTypes",
                      "must be case types: " + CaseType.codes() + " (not " + code + ")"));
    }
    if (id == null) {
      return null;
    }
    return new WorkerGroup(
        id,
        name,
        roles,
        asye[0],
        minPqe[0],
        g.count("maxCases", false, 0),
        positive(g, "maxCasesPerFte"),
        positive(g, "maxWeightedPerFte"),
        excluded,
        positive(g, "targetCasesPerFte"),
        positive(g, "targetWeightedPerFte"));
  }

  private static BigDecimal positive(YamlObject o, String key) {
    BigDecimal value = o.number(key, false);
    if (value != null && value.signum() <= 0) {
      o.problem(key, "must be more than 0");
      return null;
    }
    return value;
  }
}
