package org.safeload.app.organisation.persistence;

import org.springframework.test.context.TestPropertySource;

/** The list queries on the embedded H2 database. */
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:list-queries-test;DB_CLOSE_DELAY=-1",
      "spring.datasource.username=sa",
      "spring.datasource.password="
    })
class H2ListQueriesTest extends ListQueriesContract {}
