package org.safeload.app.caseactivity;

import org.junit.jupiter.api.AfterAll;
import org.safeload.app.PostgresTestSchema;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Corrections on PostgreSQL (the contract in {@link EventCorrectionsContract}), in a schema of its
 * own dropped afterwards.
 */
@SafeloadSpringTest
class PostgresEventCorrectionsTest extends EventCorrectionsContract {

  static final String SCHEMA = PostgresTestSchema.name("safeload_cor_");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestSchema.register(registry, SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    PostgresTestSchema.drop(SCHEMA);
  }
}
