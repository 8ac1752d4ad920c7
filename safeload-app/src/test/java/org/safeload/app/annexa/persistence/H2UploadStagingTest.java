package org.safeload.app.annexa.persistence;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The staging of uploaded workbooks on H2 (the contract in {@link UploadStagingContract}). */
class H2UploadStagingTest extends UploadStagingContract {

  private final DataSource dataSource =
      new DriverManagerDataSource(
          "jdbc:h2:mem:annex-a-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

  @Override
  DataSource dataSource() {
    return dataSource;
  }
}
