package org.safeload.app.organisation.persistence;

import org.junit.jupiter.api.AfterAll;
import org.safeload.app.PostgresTestSchema;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The migrations and repositories on PostgreSQL (the production database), at 127.0.0.1:5432,
 * database {@code test} (override with SAFELOAD_TEST_POSTGRES_URL), in a schema of its own that is
 * dropped afterwards.
 */
class PostgresRepositoryTest extends RepositoryContract {

  static final String SCHEMA = PostgresTestSchema.name("safeload_it_");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestSchema.register(registry, SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    PostgresTestSchema.drop(SCHEMA);
  }
}
