package org.safeload.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeload.app.PostgresTestSchema;

/**
 * The restore drill of docs/architecture.md ("Backup and restore"), on both databases: a migrated
 * database with data is backed up the documented way, restored into an empty one, and every table
 * holds the same rows, Flyway's history included.
 */
class BackupRestoreDrillTest {

  private static void data(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("insert into council (name) values ('Drill Council')");
      s.execute(
          "insert into service (council_id, name, description) select id, 'Drill service',"
              + " 'Restored – with “quotes” and é' from council where name = 'Drill Council'");
    }
  }

  /** Each table's rows (as text, sorted), by table name. */
  private static Map<String, List<String>> contents(Connection c, String schema) throws Exception {
    Map<String, List<String>> tables = new TreeMap<>();
    List<String> names = new java.util.ArrayList<>();
    try (ResultSet t =
        c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
      while (t.next()) {
        names.add(t.getString("TABLE_NAME"));
      }
    }
    for (String table : names) {
      List<String> rows = new java.util.ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select * from \"" + schema + "\".\"" + table + "\"")) {
        int columns = r.getMetaData().getColumnCount();
        while (r.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            row.append(r.getString(i)).append('|');
          }
          rows.add(row.toString());
        }
      }
      rows.sort(null);
      tables.put(table.toLowerCase(java.util.Locale.ROOT), rows);
    }
    return tables;
  }

  @Test
  void anEmbeddedDatabaseIsRestoredFromItsScript(@TempDir Path dir) throws Exception {
    String source = "jdbc:h2:file:" + dir.resolve("source") + ";MODE=Regular";
    Flyway.configure()
        .dataSource(source, "sa", "")
        .locations("classpath:db/migration")
        .load()
        .migrate();
    Path backup = dir.resolve("backup.sql");
    Map<String, List<String>> before;
    try (Connection c = DriverManager.getConnection(source, "sa", "")) {
      data(c);
      before = contents(c, "PUBLIC");
      c.createStatement().execute("script to '" + backup + "'");
    }
    String target = "jdbc:h2:file:" + dir.resolve("restored") + ";MODE=Regular";
    try (Connection c = DriverManager.getConnection(target, "sa", "")) {
      c.createStatement().execute("runscript from '" + backup + "'");
      assertThat(contents(c, "PUBLIC")).isEqualTo(before).containsKey("flyway_schema_history");
    }
  }

  @Test
  void aPostgresqlSchemaIsRestoredFromPgDump(@TempDir Path dir) throws Exception {
    String schema = PostgresTestSchema.name("drill");
    String database = schema + "_restored";
    Flyway.configure()
        .dataSource(PostgresTestSchema.URL, PostgresTestSchema.USER, "")
        .schemas(schema)
        .createSchemas(true)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    Path backup = dir.resolve("backup.dump");
    try {
      Map<String, List<String>> before;
      try (Connection c =
          DriverManager.getConnection(
              PostgresTestSchema.URL + "?currentSchema=" + schema, PostgresTestSchema.USER, "")) {
        data(c);
        before = contents(c, schema);
      }
      run("pg_dump", "-Fc", "-n", schema, "-f", backup.toString(), "test");
      try (Connection c =
          DriverManager.getConnection(PostgresTestSchema.URL, PostgresTestSchema.USER, "")) {
        c.createStatement().execute("create database " + database);
      }
      run("pg_restore", "--no-owner", "-d", database, backup.toString());
      String restored = PostgresTestSchema.URL.replaceFirst("/test$", "/" + database);
      try (Connection c = DriverManager.getConnection(restored, PostgresTestSchema.USER, "")) {
        assertThat(contents(c, schema)).isEqualTo(before).containsKey("flyway_schema_history");
      }
    } finally {
      try (Connection c =
          DriverManager.getConnection(PostgresTestSchema.URL, PostgresTestSchema.USER, "")) {
        c.createStatement().execute("drop database if exists " + database);
      }
      PostgresTestSchema.drop(schema);
    }
  }

  /** Runs a PostgreSQL client program against the test server; fails with its output. */
  private static void run(String program, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(program);
    command.addAll(List.of("-h", "127.0.0.1", "-p", "5432", "-U", PostgresTestSchema.USER));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(program + ": " + output).isZero();
  }
}
