package org.safeload.app.access;

import org.junit.jupiter.api.AfterAll;
import org.safeload.app.PostgresTestSchema;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * API tokens on PostgreSQL (the contract in {@link ApiTokensContract}), in a schema of its own
 * migrated by Flyway and dropped afterwards.
 */
@SafeloadSpringTest
class PostgresApiTokensTest extends ApiTokensContract {

  static final String SCHEMA = PostgresTestSchema.name("safeload_tok_");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestSchema.register(registry, SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    PostgresTestSchema.drop(SCHEMA);
  }
}
