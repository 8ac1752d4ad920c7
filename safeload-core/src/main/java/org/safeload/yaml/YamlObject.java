package org.safeload.yaml;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A mapping in a YAML (or JSON) document, read field by field. Every problem is recorded with its
 * line and its path (like {@code contracts[0].roster[1].rate.per}) and reading goes on, so that one
 * pass reports them all.
 */
public final class YamlObject {

  private final Map<String, Node> fields = new LinkedHashMap<>();
  private final String path;
  private final int line;
  private final List<FieldProblem> problems;

  private YamlObject(MappingNode node, String path, List<FieldProblem> problems) {
    this.path = path;
    this.line = line(node);
    this.problems = problems;
    for (NodeTuple tuple : node.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        if (fields.put(key.getValue(), tuple.getValueNode()) != null) {
          problem(key, join(key.getValue()), "appears twice");
        }
      } else {
        problem(tuple.getKeyNode(), path, "keys must be plain names");
      }
    }
  }

  /** The largest document read: a contract, rule set or policy is a few kilobytes. */
  public static final int MAX_DOCUMENT = 2_000_000;

  /**
   * A whole document's top-level mapping (YAML, or JSON, which is YAML), with its problems recorded
   * as it is read. The one place documents are parsed: a document larger than {@link #MAX_DOCUMENT}
   * characters, or one whose aliases would expand it beyond reason (the "billion laughs"), is
   * refused as a problem, never an error.
   *
   * @throws DocumentException when the text is too large, not YAML, empty, or not a mapping
   */
  public static YamlObject document(String text, List<FieldProblem> problems) {
    if (text.length() > MAX_DOCUMENT) {
      throw new DocumentException(
          List.of(
              new FieldProblem(
                  0,
                  "(document)",
                  "is larger than "
                      + MAX_DOCUMENT
                      + " characters (a rule set, policy or contract is a few thousand)")));
    }
    Node node;
    try {
      org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
      options.setAllowDuplicateKeys(true); // reported by YamlObject, with the line
      options.setMaxAliasesForCollections(20);
      options.setCodePointLimit(MAX_DOCUMENT * 2);
      node = new org.yaml.snakeyaml.Yaml(options).compose(new java.io.StringReader(text));
    } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new DocumentException(
          List.of(
              new FieldProblem(
                  line, "(document)", "is not valid YAML or JSON: " + e.getProblem())));
    } catch (RuntimeException e) {
      throw new DocumentException(
          List.of(
              new FieldProblem(0, "(document)", "is not valid YAML or JSON: " + e.getMessage())));
    }
    if (node == null) {
      throw new DocumentException(List.of(new FieldProblem(1, "(document)", "is empty")));
    }
    return of(node, "", problems).orElseThrow(() -> new DocumentException(problems));
  }

  /** The mapping at a node, or empty (with a problem) when the node is not a mapping. */
  public static Optional<YamlObject> of(Node node, String path, List<FieldProblem> problems) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new YamlObject(mapping, path, problems));
    }
    problems.add(
        new FieldProblem(
            line(node),
            path.isEmpty() ? "(document)" : path,
            "must be a mapping of names to values"));
    return Optional.empty();
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  private String join(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private void problem(Node node, String where, String message) {
    problems.add(new FieldProblem(line(node), where, message));
  }

  /** Records a problem with a field of this mapping (or the mapping itself, for an empty key). */
  public void problem(String key, String message) {
    Node node = fields.get(key);
    String where = key.isEmpty() ? (path.isEmpty() ? "(document)" : path) : join(key);
    problems.add(new FieldProblem(node == null ? line : line(node), where, message));
  }

  /** Refuses fields other than these (a misspelt field would otherwise be silently ignored). */
  public void allow(String... names) {
    Set<String> allowed = Set.of(names);
    for (Map.Entry<String, Node> e : fields.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        problem(
            e.getValue(),
            join(e.getKey()),
            "unknown field; expected one of: " + String.join(", ", names));
      }
    }
  }

  public boolean has(String key) {
    Node node = fields.get(key);
    return node != null && !(node instanceof ScalarNode s && isNull(s));
  }

  private static boolean isNull(ScalarNode s) {
    return s.getTag().getValue().endsWith(":null")
        || s.getValue().isEmpty()
        || s.getValue().equals("~");
  }

  private Optional<String> scalar(String key, boolean required) {
    Node node = fields.get(key);
    if (node == null || (node instanceof ScalarNode s && isNull(s))) {
      if (required) {
        problems.add(new FieldProblem(node == null ? line : line(node), join(key), "is required"));
      }
      return Optional.empty();
    }
    if (node instanceof ScalarNode s) {
      return Optional.of(s.getValue().strip());
    }
    problem(node, join(key), "must be a single value");
    return Optional.empty();
  }

  /** The longest text a document holds in one value (a justification, a reason). */
  public static final int MAX_TEXT = 2000;

  /** The longest name (of a rule set, a policy, a group, a provider, an invoice's reference). */
  public static final int MAX_NAME = 200;

  /** A text value, at most {@link #MAX_TEXT} characters. */
  public String text(String key, boolean required) {
    return limited(key, required, MAX_TEXT);
  }

  /**
   * An amount paid or payable: pounds and pence, never a fraction of a penny (a stored figure must
   * be one a ledger can hold).
   */
  public BigDecimal pounds(String key, boolean required) {
    BigDecimal amount = money(key, required);
    if (amount != null && amount.stripTrailingZeros().scale() > 2) {
      problem(
          key,
          "must be in pounds and pence, with no more than 2 decimal places (not "
              + amount.toPlainString()
              + ")");
      return null;
    }
    return amount;
  }

  /** The longest passage of prose a document holds in one value (a report's background). */
  public static final int MAX_PROSE = 20000;

  /** A passage of prose, at most {@link #MAX_PROSE} characters. */
  public String prose(String key, boolean required) {
    return limited(key, required, MAX_PROSE);
  }

  /** A yes or no: true, false, yes or no. */
  public Boolean yesNo(String key, boolean required) {
    String value = scalar(key, required).orElse(null);
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes" -> Boolean.TRUE;
      case "false", "no" -> Boolean.FALSE;
      default -> {
        problem(key, "must be true or false (not " + value + ")");
        yield null;
      }
    };
  }

  /** A name, at most {@link #MAX_NAME} characters. */
  public String name(String key, boolean required) {
    return limited(key, required, MAX_NAME);
  }

  /** An identifier, by the one rule for ids ({@link org.safeload.document.Ids}). */
  public String id(String key, boolean required) {
    String value = scalar(key, required).orElse(null);
    if (value != null && !org.safeload.document.Ids.valid(value)) {
      problem(key, org.safeload.document.Ids.problem(value).orElseThrow());
      return null;
    }
    return value;
  }

  private String limited(String key, boolean required, int max) {
    String value = scalar(key, required).orElse(null);
    if (value != null && value.length() > max) {
      problem(key, "must be at most " + max + " characters (it has " + value.length() + ")");
      return null;
    }
    return value;
  }

  public BigDecimal money(String key, boolean required) {
    return scalar(key, required)
        .flatMap(
            value -> {
              try {
                BigDecimal amount = new BigDecimal(value);
                if (amount.signum() < 0) {
                  problem(key, "must not be negative (not " + value + ")");
                  return Optional.empty();
                }
                return Optional.of(amount);
              } catch (NumberFormatException e) {
                problem(key, "must be an amount in pounds, like 1250.50 (not " + value + ")");
                return Optional.empty();
              }
            })
        .orElse(null);
  }

  /** A number that is not money (a weight, a cap per FTE): not negative. */
  public BigDecimal number(String key, boolean required) {
    return scalar(key, required)
        .flatMap(
            value -> {
              try {
                BigDecimal number = new BigDecimal(value);
                if (number.signum() < 0) {
                  problem(key, "must not be negative (not " + value + ")");
                  return Optional.empty();
                }
                return Optional.of(number);
              } catch (NumberFormatException e) {
                problem(key, "must be a number, like 1.5 (not " + value + ")");
                return Optional.empty();
              }
            })
        .orElse(null);
  }

  public Integer count(String key, boolean required, int min) {
    return scalar(key, required)
        .flatMap(
            value -> {
              try {
                int n = Integer.parseInt(value);
                if (n < min) {
                  problem(key, "must be at least " + min + " (not " + value + ")");
                  return Optional.empty();
                }
                return Optional.of(n);
              } catch (NumberFormatException e) {
                problem(key, "must be a whole number (not " + value + ")");
                return Optional.empty();
              }
            })
        .orElse(null);
  }

  public LocalDate date(String key, boolean required) {
    return scalar(key, required)
        .flatMap(
            value -> {
              try {
                return Optional.of(LocalDate.parse(value));
              } catch (DateTimeParseException e) {
                problem(key, "must be a date like 2025-01-31 (not " + value + ")");
                return Optional.empty();
              }
            })
        .orElse(null);
  }

  public YearMonth month(String key, boolean required) {
    return scalar(key, required)
        .flatMap(
            value -> {
              try {
                return Optional.of(YearMonth.parse(value));
              } catch (DateTimeParseException e) {
                problem(key, "must be a month like 2025-01 (not " + value + ")");
                return Optional.empty();
              }
            })
        .orElse(null);
  }

  public <T> T code(
      String key, boolean required, Function<String, Optional<T>> fromCode, String codes) {
    return scalar(key, required)
        .flatMap(
            value -> {
              Optional<T> found = fromCode.apply(value);
              if (found.isEmpty()) {
                problem(key, "must be one of: " + codes + " (not " + value + ")");
              }
              return found;
            })
        .orElse(null);
  }

  public Optional<YamlObject> object(String key, boolean required) {
    Node node = fields.get(key);
    if (node == null || (node instanceof ScalarNode s && isNull(s))) {
      if (required) {
        problems.add(new FieldProblem(line, join(key), "is required"));
      }
      return Optional.empty();
    }
    return of(node, join(key), problems);
  }

  /** The mappings in a list field (an absent field is an empty list). */
  public List<YamlObject> list(String key) {
    Node node = fields.get(key);
    List<YamlObject> items = new ArrayList<>();
    if (node == null || (node instanceof ScalarNode s && isNull(s))) {
      return items;
    }
    if (!(node instanceof SequenceNode sequence)) {
      problem(node, join(key), "must be a list");
      return items;
    }
    List<Node> values = sequence.getValue();
    for (int i = 0; i < values.size(); i++) {
      of(values.get(i), join(key) + "[" + i + "]", problems).ifPresent(items::add);
    }
    return items;
  }

  /** A value or a list of values, as text (an absent field is an empty list). */
  public List<String> texts(String key) {
    Node node = fields.get(key);
    List<String> values = new ArrayList<>();
    if (node == null || (node instanceof ScalarNode s && isNull(s))) {
      return values;
    }
    if (node instanceof ScalarNode s) {
      values.add(s.getValue().strip());
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        if (item instanceof ScalarNode s) {
          values.add(s.getValue().strip());
        } else {
          problem(item, join(key), "must be a list of values");
        }
      }
    } else {
      problem(node, join(key), "must be a value or a list of values");
    }
    return values;
  }

  /** The names in this mapping, for maps keyed by data (a team's composition by role). */
  public Set<String> names() {
    return fields.keySet();
  }
}
