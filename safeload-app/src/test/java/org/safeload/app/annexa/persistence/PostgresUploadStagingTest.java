package org.safeload.app.annexa.persistence;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.safeload.app.PostgresTestSchema;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The staging of uploaded workbooks on PostgreSQL (the contract in {@link UploadStagingContract}),
 * in a schema of its own migrated by Flyway and dropped afterwards.
 */
class PostgresUploadStagingTest extends UploadStagingContract {

  static final String SCHEMA = PostgresTestSchema.name("safeload_annex_");

  @Override
  DataSource dataSource() {
    try (var c =
        java.sql.DriverManager.getConnection(PostgresTestSchema.URL, PostgresTestSchema.USER, "")) {
      c.createStatement().execute("create schema if not exists " + SCHEMA);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return new DriverManagerDataSource(
        PostgresTestSchema.URL + "?currentSchema=" + SCHEMA, PostgresTestSchema.USER, "");
  }

  @AfterAll
  static void dropSchema() throws Exception {
    PostgresTestSchema.drop(SCHEMA);
  }
}
