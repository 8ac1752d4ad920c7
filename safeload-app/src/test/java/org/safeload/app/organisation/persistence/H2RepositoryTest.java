package org.safeload.app.organisation.persistence;

import org.springframework.test.context.TestPropertySource;

/** The migrations and repositories on the embedded H2 database (the zero set-up default). */
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:repository-test;DB_CLOSE_DELAY=-1",
      "spring.datasource.username=sa",
      "spring.datasource.password="
    })
class H2RepositoryTest extends RepositoryContract {}
