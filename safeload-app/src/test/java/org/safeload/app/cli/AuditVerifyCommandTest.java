package org.safeload.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * {@code safeload audit verify}: exit 0 and the number of entries for an intact trail; exit 1 and
 * each problem named when a row was changed in the database; and nothing checks with another key.
 */
class AuditVerifyCommandTest {

  private static final String URL = "jdbc:h2:mem:audit-verify-cli;DB_CLOSE_DELAY=-1";
  private static final String KEY = "--safeload.audit.key=a-key-for-the-command-line-test-only";

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void verifyFindsAChangedEntryAndNeedsTheSameKey() throws Exception {
    // A council's first start writes (and, as the app stops, seals) its trail: the demo's entries.
    String[] council = {
      "--spring.datasource.url=" + URL, KEY, "--safeload.admin.password=cli-test-password"
    };
    CommandRun start =
        run("import-events", "--children", "/dev/null", council[0], council[1], council[2]);
    long entries;
    long id;
    try (Connection c = DriverManager.getConnection(URL, "sa", "");
        ResultSet rs =
            c.createStatement()
                .executeQuery("select count(*), max(id) from audit_event where seq is not null")) {
      rs.next();
      entries = rs.getLong(1);
      id = rs.getLong(2);
    }
    assertThat(entries).as(start.err()).isPositive();

    CommandRun intact = run("audit", "verify", "--spring.datasource.url=" + URL, KEY);
    assertThat(intact.code()).as(intact.err()).isZero();
    assertThat(intact.out())
        .startsWith("The audit trail is intact: " + entries + " entries checked in the chain");

    try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
      c.createStatement().executeUpdate("update audit_event set action = 'read' where id = " + id);
    }
    CommandRun broken = run("audit", "verify", "--spring.datasource.url=" + URL, KEY);
    assertThat(broken.code()).isEqualTo(1);
    assertThat(broken.err())
        .startsWith("The audit trail is NOT intact: 1 problem")
        .contains("Entry " + id + " (place " + entries + "): its values were changed");

    CommandRun otherKey =
        run(
            "audit",
            "verify",
            "--spring.datasource.url=" + URL,
            "--safeload.audit.key=some-other-key-of-at-least-32-characters");
    assertThat(otherKey.code()).isEqualTo(1);
    assertThat(otherKey.err())
        .startsWith("The audit trail is NOT intact: " + entries + " problems");
  }
}
