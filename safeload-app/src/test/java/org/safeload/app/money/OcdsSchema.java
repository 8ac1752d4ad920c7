package org.safeload.app.money;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.regex.JoniRegularExpressionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test helper that validates a JSON document against the Open Contracting Data Standard (OCDS)
 * 1.1.5 release-package schema (JSON Schema draft 4).
 *
 * <p>The schemas ship with the tests ({@code src/test/resources/ocds}, Apache-2.0, licence beside
 * them) and are read from the classpath, so a clean clone needs nothing outside it. Both schema
 * documents are handed to the validator in memory under their {@code id} URLs, so the package
 * schema's {@code $ref} to the release schema resolves locally; the validator's remote fetching
 * stays off, so nothing is ever read from the network.
 *
 * <p>Needs, in test scope, {@code com.networknt:json-schema-validator} 3.x (built on Jackson 3,
 * {@code tools.jackson}) and {@code org.jruby.joni:joni}: the release schema has an ECMA-262 {@code
 * pattern} ({@code Quantity.value}) that {@code java.util.regex} cannot compile.
 */
public final class OcdsSchema {

  /** The {@code id} of the OCDS 1.1.5 release-package schema. */
  static final String PACKAGE_ID =
      "https://standard.open-contracting.org/schema/1__1__5/release-package-schema.json";

  /** The {@code id} of the OCDS 1.1.5 release schema, referenced from the package schema. */
  static final String RELEASE_ID =
      "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";

  private static final String PACKAGE_FILE = "/ocds/ocds-1.1.5-release-package-schema.json";
  private static final String RELEASE_FILE = "/ocds/ocds-1.1.5-release-schema.json";

  private static Schema schema;

  private OcdsSchema() {}

  /**
   * Validates a release package.
   *
   * @param releasePackageJson the JSON text of an OCDS release package
   * @return one human-readable message per violation, each starting with the failing location (for
   *     example {@code /releases/0: required property 'ocid' not found}); empty when valid
   * @throws IllegalStateException if the schemas are not on the classpath
   * @throws tools.jackson.core.JacksonException if the text is not JSON
   */
  public static List<String> errors(String releasePackageJson) {
    List<String> messages = new ArrayList<>();
    for (var error : schema().validate(releasePackageJson, InputFormat.JSON)) {
      String at = error.getInstanceLocation().toString();
      messages.add((at.isEmpty() ? "/" : at) + ": " + error.getMessage());
    }
    return messages;
  }

  private static synchronized Schema schema() {
    if (schema == null) {
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_4,
              builder ->
                  builder
                      .schemaRegistryConfig(
                          SchemaRegistryConfig.builder()
                              .regularExpressionFactory(JoniRegularExpressionFactory.getInstance())
                              .build())
                      .schemas(
                          Map.of(
                              PACKAGE_ID, read(PACKAGE_FILE),
                              RELEASE_ID, read(RELEASE_FILE))));
      schema = registry.getSchema(SchemaLocation.of(PACKAGE_ID));
    }
    return schema;
  }

  private static String read(String resource) {
    try (var in = OcdsSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "OCDS schema " + resource + " is not on the test classpath");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
