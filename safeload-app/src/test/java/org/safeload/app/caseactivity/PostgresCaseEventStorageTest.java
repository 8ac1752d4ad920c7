package org.safeload.app.caseactivity;

import org.junit.jupiter.api.AfterAll;
import org.safeload.app.PostgresTestSchema;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Case events stored on PostgreSQL with COPY (the contract in {@link CaseEventStorageContract}), in
 * a schema of its own dropped afterwards.
 */
@SafeloadSpringTest
class PostgresCaseEventStorageTest extends CaseEventStorageContract {

  static final String SCHEMA = PostgresTestSchema.name("safeload_ev_");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestSchema.register(registry, SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    PostgresTestSchema.drop(SCHEMA);
  }
}
