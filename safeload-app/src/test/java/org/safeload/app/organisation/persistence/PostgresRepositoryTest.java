package org.safeload.app.organisation.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The migrations and repositories on PostgreSQL (the production database), at 127.0.0.1:5432,
 * database {@code test} (override with SAFELOAD_TEST_POSTGRES_URL), in a schema of its own that is
 * dropped afterwards.
 */
class PostgresRepositoryTest extends RepositoryContract {

  static final String URL =
      System.getenv()
          .getOrDefault("SAFELOAD_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER =
      System.getenv().getOrDefault("SAFELOAD_TEST_POSTGRES_USER", "postgres");
  static final String SCHEMA =
      "safeload_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.schemas", () -> SCHEMA);
    registry.add("spring.flyway.create-schemas", () -> "true");
  }

  @AfterAll
  static void dropSchema() throws Exception {
    try (Connection c = DriverManager.getConnection(URL, USER, "")) {
      c.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
    }
  }
}
