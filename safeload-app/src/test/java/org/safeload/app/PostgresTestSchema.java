package org.safeload.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A schema of its own on the test PostgreSQL (127.0.0.1:5432, database {@code test}; override with
 * SAFELOAD_TEST_POSTGRES_URL and SAFELOAD_TEST_POSTGRES_USER), migrated by Flyway and dropped
 * afterwards.
 */
public final class PostgresTestSchema {

  public static final String URL =
      System.getenv()
          .getOrDefault("SAFELOAD_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String USER =
      System.getenv().getOrDefault("SAFELOAD_TEST_POSTGRES_USER", "postgres");

  private PostgresTestSchema() {}

  /** A new schema name with a prefix. */
  public static String name(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Points the datasource and Flyway at the schema. */
  public static void register(DynamicPropertyRegistry registry, String schema) {
    registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + schema);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.schemas", () -> schema);
    registry.add("spring.flyway.create-schemas", () -> "true");
  }

  /**
   * Drops the schema. The app may still be writing to it (its audit writer seals entries within a
   * second of a change): a deadlock with it is tried again.
   */
  public static void drop(String schema) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = DriverManager.getConnection(URL, USER, "")) {
        c.createStatement().execute("drop schema if exists " + schema + " cascade");
        return;
      } catch (java.sql.SQLException e) {
        if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }
}
