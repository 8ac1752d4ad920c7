package org.safeload.bench.http;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the API's JSON answers and writes small request bodies. JSON as the app writes it (Jackson
 * never escapes {@code /}) is YAML's flow style, so SnakeYAML, already on the classpath through the
 * core, reads it: no JSON library is added for a few fields.
 */
public final class Json {

  private Json() {}

  public static Object read(String json) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return new Yaml(new SafeConstructor(options)).load(json);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(String json) {
    if (read(json) instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new BenchFailure("Expected a JSON object, got: " + abbreviate(json));
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> objects(String json) {
    if (read(json) instanceof List<?> list) {
      return (List<Map<String, Object>>) list;
    }
    throw new BenchFailure("Expected a JSON array, got: " + abbreviate(json));
  }

  public static long number(Map<String, Object> object, String field) {
    if (object.get(field) instanceof Number n) {
      return n.longValue();
    }
    throw new BenchFailure("Expected a number in \"" + field + "\" of " + object);
  }

  /** A JSON object of string fields; a null value is written as null. */
  public static String of(Object... namesAndValues) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (i > 0) {
        b.append(',');
      }
      b.append(quote(String.valueOf(namesAndValues[i]))).append(':');
      Object v = namesAndValues[i + 1];
      b.append(v == null ? "null" : v instanceof Number ? v.toString() : quote(v.toString()));
    }
    return b.append('}').toString();
  }

  public static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  public static String abbreviate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500) + "…";
  }
}
