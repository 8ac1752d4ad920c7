package org.safeload.app.organisation.persistence;

import org.junit.jupiter.api.AfterAll;
import org.safeload.app.PostgresTestSchema;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The list queries on PostgreSQL, in a schema of their own that is dropped afterwards. */
class PostgresListQueriesTest extends ListQueriesContract {

  static final String SCHEMA = PostgresTestSchema.name("safeload_lists_");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestSchema.register(registry, SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    PostgresTestSchema.drop(SCHEMA);
  }
}
