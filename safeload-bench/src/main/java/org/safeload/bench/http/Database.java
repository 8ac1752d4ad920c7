package org.safeload.bench.http;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The empty database the app starts on: a fresh H2 file database in the run's temporary folder, or
 * a schema of its own on PostgreSQL, dropped before (in case an earlier run was killed) and after.
 */
public sealed interface Database {

  /** Checks it can be used and empties it. */
  void prepare();

  /** The app's options to use it. */
  List<String> appArguments();

  /** Removes what the run left. */
  void cleanup();

  String describe();

  static Database h2(Path folder) {
    return new H2(folder);
  }

  static Database postgres(String url, String user, String schema) {
    if (!schema.matches("[a-z_][a-z0-9_]*")) {
      throw new BenchFailure("A schema name is lower-case letters, digits and _: " + schema);
    }
    return new Postgres(url, user, schema);
  }

  /** H2 in a file under the run's temporary folder (deleted with it). */
  record H2(Path folder) implements Database {

    @Override
    public void prepare() {}

    @Override
    public List<String> appArguments() {
      return List.of(
          "--spring.datasource.url=jdbc:h2:file:"
              + folder.resolve("safeload")
              + ";MODE=Regular;TRACE_LEVEL_FILE=0");
    }

    @Override
    public void cleanup() {}

    @Override
    public String describe() {
      return "H2 (a new file database)";
    }
  }

  /** A schema on PostgreSQL that Flyway creates and migrates; trust auth (no password). */
  record Postgres(String url, String user, String schema) implements Database {

    @Override
    public void prepare() {
      execute("drop schema if exists " + schema + " cascade");
    }

    @Override
    public List<String> appArguments() {
      return List.of(
          "--spring.datasource.url="
              + url
              + (url.contains("?") ? "&" : "?")
              + "currentSchema="
              + schema,
          "--spring.datasource.username=" + user,
          "--spring.datasource.password=",
          "--spring.flyway.schemas=" + schema,
          "--spring.flyway.create-schemas=true");
    }

    @Override
    public void cleanup() {
      try {
        execute("drop schema if exists " + schema + " cascade");
      } catch (BenchFailure e) {
        System.err.println("Could not drop the schema " + schema + ": " + e.getMessage());
      }
    }

    @Override
    public String describe() {
      return "PostgreSQL " + url + " (schema " + schema + ")";
    }

    private void execute(String sql) {
      Properties p = new Properties();
      p.setProperty("user", user);
      p.setProperty("password", "");
      p.setProperty("connectTimeout", "5");
      try (Connection c = DriverManager.getConnection(url, p);
          Statement s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new BenchFailure(
            "PostgreSQL is not reachable at "
                + url
                + " as "
                + user
                + " ("
                + e.getMessage()
                + "). Start it, or give --pg-url and --pg-user.",
            e);
      }
    }
  }
}
