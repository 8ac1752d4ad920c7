package org.safeload.app.caseload.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.WorkerGroup;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;

/**
 * The allocation policy as a GOV.UK form: the policy's id and name, each case type's weight, the
 * team target, and each group of workers (who it applies to, its hard caps, the case types it may
 * not hold, its soft targets), with one blank group to add. The form writes the same YAML document
 * the YAML page saves, and the core reads and checks it: one validation, whose problems come back
 * to the form's fields ({@link #errors}).
 *
 * <p>A JavaBean so that Spring binds {@code groups[0].maxCasesPerFte} and the like.
 */
public class PolicyForm {

  private String id = "";
  private String name = "";
  private Map<String, String> weights = new LinkedHashMap<>();
  private String teamTarget = "";
  private List<Group> groups = new ArrayList<>();

  /** The ASYE choice for a group that applies to workers in or past their ASYE alike. */
  public static final String EITHER = "either";

  /** One group of workers in the form. Every value is as typed. */
  public static class Group {
    private String key = "";
    private String order = "";
    private String name = "";
    private List<String> roles = new ArrayList<>();
    private String asye = "";
    private String minPqeYears = "";
    private String maxCases = "";
    private String maxCasesPerFte = "";
    private String maxWeightedPerFte = "";
    private List<String> excludeCaseTypes = new ArrayList<>();
    private String targetCasesPerFte = "";
    private String targetWeightedPerFte = "";
    private boolean remove;

    /** Whether nothing has been entered (the blank group offered for adding one). */
    public boolean blank() {
      return key.isBlank()
          && name.isBlank()
          && roles.isEmpty()
          && anyAsye()
          && minPqeYears.isBlank()
          && maxCases.isBlank()
          && maxCasesPerFte.isBlank()
          && maxWeightedPerFte.isBlank()
          && excludeCaseTypes.isEmpty()
          && targetCasesPerFte.isBlank()
          && targetWeightedPerFte.isBlank();
    }

    /** Whether the group applies to workers in or past their ASYE alike. */
    public boolean anyAsye() {
      return asye.isBlank() || asye.equals(EITHER);
    }

    /** Whether the group is one the policy already has (not the blank one to add). */
    public boolean existing() {
      return !key.isBlank();
    }

    public String getKey() {
      return key;
    }

    public void setKey(String key) {
      this.key = nz(key);
    }

    public String getOrder() {
      return order;
    }

    public void setOrder(String order) {
      this.order = nz(order);
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = nz(name);
    }

    public List<String> getRoles() {
      return roles;
    }

    public void setRoles(List<String> roles) {
      this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
    }

    public String getAsye() {
      return asye;
    }

    public void setAsye(String asye) {
      this.asye = nz(asye);
    }

    public String getMinPqeYears() {
      return minPqeYears;
    }

    public void setMinPqeYears(String minPqeYears) {
      this.minPqeYears = nz(minPqeYears);
    }

    public String getMaxCases() {
      return maxCases;
    }

    public void setMaxCases(String maxCases) {
      this.maxCases = nz(maxCases);
    }

    public String getMaxCasesPerFte() {
      return maxCasesPerFte;
    }

    public void setMaxCasesPerFte(String maxCasesPerFte) {
      this.maxCasesPerFte = nz(maxCasesPerFte);
    }

    public String getMaxWeightedPerFte() {
      return maxWeightedPerFte;
    }

    public void setMaxWeightedPerFte(String maxWeightedPerFte) {
      this.maxWeightedPerFte = nz(maxWeightedPerFte);
    }

    public List<String> getExcludeCaseTypes() {
      return excludeCaseTypes;
    }

    public void setExcludeCaseTypes(List<String> excludeCaseTypes) {
      this.excludeCaseTypes =
          excludeCaseTypes == null ? new ArrayList<>() : new ArrayList<>(excludeCaseTypes);
    }

    public String getTargetCasesPerFte() {
      return targetCasesPerFte;
    }

    public void setTargetCasesPerFte(String targetCasesPerFte) {
      this.targetCasesPerFte = nz(targetCasesPerFte);
    }

    public String getTargetWeightedPerFte() {
      return targetWeightedPerFte;
    }

    public void setTargetWeightedPerFte(String targetWeightedPerFte) {
      this.targetWeightedPerFte = nz(targetWeightedPerFte);
    }

    public boolean isRemove() {
      return remove;
    }

    public void setRemove(boolean remove) {
      this.remove = remove;
    }
  }

  // --- From a policy -------------------------------------------------------------------------

  /**
   * The form for a policy, with one blank group to add. The built-in policy cannot be changed, so
   * its copy is offered under the id {@code council}.
   */
  public static PolicyForm of(CaseloadPolicy policy) {
    PolicyForm form = new PolicyForm();
    form.id = CaseloadPolicy.DEFAULT.equals(policy.id()) ? "council" : policy.id();
    form.name = policy.name() == null ? "" : policy.name();
    for (CaseType type : CaseType.values()) {
      BigDecimal w = policy.weights().get(type);
      form.weights.put(type.code(), w == null ? "" : plain(w));
    }
    form.teamTarget =
        policy.teamTargetCasesPerFte() == null ? "" : plain(policy.teamTargetCasesPerFte());
    int order = 1;
    for (WorkerGroup g : policy.groups()) {
      Group group = new Group();
      group.key = g.id();
      group.order = String.valueOf(order++);
      group.name = g.name() == null ? g.id() : g.name();
      group.roles = new ArrayList<>(g.roles().stream().sorted().map(Role::code).toList());
      group.asye = g.asye() == null ? EITHER : g.asye().toString();
      group.minPqeYears = g.minPqeYears() == null ? "" : g.minPqeYears().toString();
      group.maxCases = g.maxCases() == null ? "" : g.maxCases().toString();
      group.maxCasesPerFte = plain(g.maxCasesPerFte());
      group.maxWeightedPerFte = plain(g.maxWeightedPerFte());
      group.excludeCaseTypes =
          new ArrayList<>(g.excludedTypes().stream().sorted().map(CaseType::code).toList());
      group.targetCasesPerFte = plain(g.targetCasesPerFte());
      group.targetWeightedPerFte = plain(g.targetWeightedPerFte());
      form.groups.add(group);
    }
    form.withBlankGroup();
    return form;
  }

  /** Offers one blank group at the end for adding a group (when there is none already). */
  public PolicyForm withBlankGroup() {
    if (groups.stream().noneMatch(g -> !g.existing() && g.blank())) {
      Group blank = new Group();
      groups.add(blank);
    }
    return this;
  }

  // --- To the policy document ---------------------------------------------------------------

  /** The document the form writes, and where each of its groups came from in the form. */
  record Document(String text, List<Integer> formIndexOfGroup) {}

  /**
   * Problems only the form can have (before the policy is read): an order that is not a whole
   * number.
   */
  Map<String, String> formProblems() {
    Map<String, String> problems = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      if (!g.order.isBlank() && !g.order.strip().matches("\\d{1,4}")) {
        problems.put(
            fieldId(i, "order"),
            groupLabel(i) + ": enter the order as a whole number, like 2 (not " + g.order + ")");
      }
    }
    return problems;
  }

  /**
   * The policy as YAML: groups in the order given (their position where none is), without the
   * groups marked for removal and the blank one.
   */
  Document document() {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      if (!g.remove && !(g.blank() && !g.existing())) {
        kept.add(i);
      }
    }
    kept.sort(Comparator.comparingInt((Integer i) -> orderOf(i)).thenComparingInt(i -> i));
    StringBuilder y = new StringBuilder();
    y.append("# The council's allocation policy, written by Safeload's policy form.\n");
    y.append("id: ").append(scalar(id)).append('\n');
    if (!name.isBlank()) {
      y.append("name: ").append(quoted(name.strip())).append('\n');
    }
    List<String> w = new ArrayList<>();
    for (Map.Entry<String, String> e : weights.entrySet()) {
      if (e.getValue() != null && !e.getValue().isBlank()) {
        w.add(scalar(e.getKey()) + ": " + scalar(e.getValue()));
      }
    }
    if (!w.isEmpty()) {
      y.append("weights: {").append(String.join(", ", w)).append("}\n");
    }
    if (kept.isEmpty()) {
      y.append("groups: []\n");
    } else {
      y.append("groups:\n");
    }
    for (int i : kept) {
      Group g = groups.get(i);
      String groupId = g.existing() ? g.key : slug(g.name);
      y.append("  - id: ").append(scalar(groupId)).append('\n');
      if (!g.name.isBlank()) {
        y.append("    name: ").append(quoted(g.name.strip())).append('\n');
      }
      List<String> when = new ArrayList<>();
      if (!g.roles.isEmpty()) {
        when.add(
            "role: [" + String.join(", ", g.roles.stream().map(PolicyForm::scalar).toList()) + "]");
      }
      if (!g.anyAsye()) {
        when.add("asye: " + scalar(g.asye));
      }
      if (!g.minPqeYears.isBlank()) {
        when.add("minPqeYears: " + scalar(g.minPqeYears));
      }
      if (!when.isEmpty()) {
        y.append("    when: {").append(String.join(", ", when)).append("}\n");
      }
      field(y, "maxCases", g.maxCases);
      field(y, "maxCasesPerFte", g.maxCasesPerFte);
      field(y, "maxWeightedPerFte", g.maxWeightedPerFte);
      if (!g.excludeCaseTypes.isEmpty()) {
        y.append("    excludeCaseTypes: [")
            .append(String.join(", ", g.excludeCaseTypes.stream().map(PolicyForm::scalar).toList()))
            .append("]\n");
      }
      field(y, "targetCasesPerFte", g.targetCasesPerFte);
      field(y, "targetWeightedPerFte", g.targetWeightedPerFte);
    }
    if (!teamTarget.isBlank()) {
      y.append("team:\n  targetCasesPerFte: ").append(scalar(teamTarget)).append('\n');
    }
    return new Document(y.toString(), List.copyOf(kept));
  }

  private int orderOf(int i) {
    String o = groups.get(i).order.strip();
    return o.matches("\\d{1,4}") ? Integer.parseInt(o) : i + 1;
  }

  private static void field(StringBuilder y, String key, String value) {
    if (value != null && !value.isBlank()) {
      y.append("    ").append(key).append(": ").append(scalar(value)).append('\n');
    }
  }

  private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d+)?|[a-z][a-z0-9-]*");

  /** Words YAML reads as something other than the text itself. */
  private static final java.util.Set<String> YAML_WORDS =
      java.util.Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n");

  /**
   * A value as typed: plain when it is a whole or decimal number or a code like {@code cp},
   * otherwise double-quoted (so "null" stays the text null, and nothing typed changes the
   * document's shape).
   */
  static String scalar(String value) {
    String v = value == null ? "" : value.strip();
    return PLAIN.matcher(v).matches() && !YAML_WORDS.contains(v) ? v : quoted(v);
  }

  /** A double-quoted YAML string: nothing typed can end it or add a field. */
  static String quoted(String value) {
    return org.safeload.yaml.YamlText.quoted(value);
  }

  /** A group id from its name: "Senior social worker" → "senior-social-worker". */
  static String slug(String name) {
    String s =
        name.strip().toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.length() > 64 ? s.substring(0, 64).replaceAll("-+$", "") : s;
  }

  // --- Problems back to the form ------------------------------------------------------------

  private static final Pattern GROUP_FIELD =
      Pattern.compile("groups\\[(\\d+)](?:\\.(when\\.)?([A-Za-z]+))?");

  private static final Map<String, String> GROUP_LABELS =
      Map.ofEntries(
          Map.entry("id", "name"),
          Map.entry("name", "name"),
          Map.entry("role", "roles it applies to"),
          Map.entry("asye", "ASYE"),
          Map.entry("minPqeYears", "minimum years since qualifying"),
          Map.entry("maxCases", "most cases whatever the FTE"),
          Map.entry("maxCasesPerFte", "cap on cases per FTE"),
          Map.entry("maxWeightedPerFte", "cap on weighted load per FTE"),
          Map.entry("excludeCaseTypes", "case types they may not hold"),
          Map.entry("targetCasesPerFte", "target cases per FTE"),
          Map.entry("targetWeightedPerFte", "target weighted load per FTE"));

  /**
   * The policy's problems (as the core reports them, by field of the document) as the form's
   * errors: the id of the field to fix, and a message naming it.
   */
  Map<String, String> errors(Document document, List<FieldProblem> problems) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem p : problems) {
      String field = p.field() == null ? "" : p.field();
      String id;
      String label;
      Matcher m = GROUP_FIELD.matcher(field);
      if (field.equals("id")) {
        id = "id";
        label = "Policy id";
      } else if (field.equals("name")) {
        id = "name";
        label = "Policy name";
      } else if (field.startsWith("weights.")) {
        String code = field.substring("weights.".length());
        id = "weights-" + code;
        label = "Weight of " + CaseType.fromCode(code).map(CaseType::label).orElse(code) + " cases";
      } else if (field.startsWith("team")) {
        id = "teamTarget";
        label = "Team target";
      } else if (m.matches()) {
        int yamlIndex = Integer.parseInt(m.group(1));
        int formIndex =
            yamlIndex < document.formIndexOfGroup().size()
                ? document.formIndexOfGroup().get(yamlIndex)
                : 0;
        String key = m.group(3) == null ? "name" : m.group(3);
        String formKey =
            switch (key) {
              case "id" -> "name";
              case "role" -> "roles";
              default -> GROUP_LABELS.containsKey(key) ? key : "name";
            };
        id = fieldId(formIndex, formKey);
        label = groupLabel(formIndex) + ": " + GROUP_LABELS.getOrDefault(key, "group");
      } else if (field.equals("groups")) {
        id = groups.isEmpty() ? "name" : fieldId(0, "name");
        label = "Groups of workers";
      } else {
        id = "id";
        label = "The policy";
      }
      String message = p.message();
      String text =
          !message.isEmpty() && Character.isUpperCase(message.charAt(0))
              ? message
              : label + " " + message;
      errors.merge(id, text, (a, b) -> a + "; " + b);
    }
    return errors;
  }

  /** The id of a group's field in the page: {@code groups-0-maxCasesPerFte}. */
  static String fieldId(int group, String key) {
    return "groups-" + group + "-" + key;
  }

  /** A group's name for messages: its name, or "The new group". */
  String groupLabel(int i) {
    Group g = i < groups.size() ? groups.get(i) : null;
    if (g == null || g.name.isBlank()) {
      return g != null && g.existing() ? g.key : "The new group";
    }
    return g.name.strip();
  }

  // --- For the page -------------------------------------------------------------------------

  /** The case types, in order, for the weights and the exclusions. */
  public List<CaseType> getCaseTypes() {
    return Arrays.asList(CaseType.values());
  }

  /** The roles a group can apply to. */
  public List<Role> getCaseHoldingRoles() {
    return EnumSet.allOf(Role.class).stream().filter(Role::caseHolding).toList();
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = nz(id);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = nz(name);
  }

  public Map<String, String> getWeights() {
    return weights;
  }

  public void setWeights(Map<String, String> weights) {
    this.weights = weights == null ? new LinkedHashMap<>() : new LinkedHashMap<>(weights);
  }

  public String getTeamTarget() {
    return teamTarget;
  }

  public void setTeamTarget(String teamTarget) {
    this.teamTarget = nz(teamTarget);
  }

  public List<Group> getGroups() {
    return groups;
  }

  public void setGroups(List<Group> groups) {
    this.groups = groups == null ? new ArrayList<>() : new ArrayList<>(groups);
  }
}
