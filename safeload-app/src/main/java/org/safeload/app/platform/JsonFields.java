package org.safeload.app.platform;

import java.io.InputStream;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body of named text fields, read by the handler itself: for a change to somebody's
 * record, whose it is is checked before the body is read, so another provider's record is "not
 * found" whatever was sent (ADR 0014).
 */
public final class JsonFields {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonFields() {}

  /**
   * The fields, or an invalid-input problem naming {@code what} when the body is not a JSON object
   * of text fields.
   */
  public static Map<String, String> read(InputStream body, String what) {
    try {
      Map<String, String> fields =
          JSON.readValue(body, new TypeReference<Map<String, String>>() {});
      return fields == null ? Map.of() : fields;
    } catch (JacksonException e) {
      throw new InvalidInputException(
          "body", "Send " + what + " as a JSON object of text fields, e.g. {\"name\": \"value\"}");
    }
  }
}
