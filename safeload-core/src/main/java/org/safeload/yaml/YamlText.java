package org.safeload.yaml;

/**
 * Writing values typed by a person into YAML text, so that nothing typed can end or add a field.
 */
public final class YamlText {

  private YamlText() {}

  /**
   * A double-quoted YAML scalar: quotes, backslashes and control characters escaped, so the value
   * reads back exactly as typed and cannot end the string or start another field.
   */
  public static String quoted(String value) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
