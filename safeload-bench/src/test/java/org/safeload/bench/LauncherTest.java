package org.safeload.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.timeliness.EventGenerator;

/**
 * The {@code ./safeload} launcher runs the engine's commands from the jar extracted beside it, with
 * a class-data archive made by the first run: they must answer exactly as {@code java -jar
 * safeload.jar} does, and a rebuilt jar must be extracted again. (The app module is packaged before
 * this module's tests run.)
 */
class LauncherTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path JAR = ROOT.resolve("safeload-app/target/safeload.jar");
  private static final Path QUICK = ROOT.resolve("safeload-app/target/quick");

  @TempDir static Path files;
  private static Path events;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void anEventFile() throws IOException {
    assertThat(JAR).as("the app's jar (./mvnw package builds it)").exists();
    events = files.resolve("events.csv");
    StringBuilder csv = new StringBuilder();
    new EventGenerator(WorkingCalendar.englandAndWales(), 3, 60, 4, LocalDate.of(2025, 4, 1))
        .writeCsv(csv);
    Files.writeString(events, csv);
  }

  @Test
  void theEnginesCommandsAnswerAsTheJarDoesFromTheExtractedJar() throws Exception {
    deleteQuick();
    List<String> kpi =
        List.of(
            "kpi", "--events", events.toString(), "--rules", "contract", "--as-of", "2025-07-31");
    Run first = launcher(kpi);
    Run jar = jar(kpi);
    assertThat(jar.exit()).as(jar.err()).isZero();
    assertThat(jar.out()).contains("\"supervision-4w\"");
    assertThat(first).isEqualTo(jar);
    assertThat(QUICK.resolve("safeload.jar")).exists();
    assertThat(QUICK.resolve("safeload.jsa")).as("the class-data archive").exists();
    // Again, from the archive.
    assertThat(launcher(kpi)).isEqualTo(jar);

    List<String> calendar =
        List.of("calendar", "--from", "2026-12-20", "--to", "2027-01-05", "--format", "table");
    Run quick = launcher(calendar);
    assertThat(quick.out()).contains("9 working days", "Boxing Day");
    assertThat(quick).isEqualTo(jar(calendar));
  }

  @Test
  void aJarNewerThanTheExtractedOneIsExtractedAgain() throws Exception {
    List<String> help = List.of("kpi", "--help");
    launcher(help);
    Path extracted = QUICK.resolve("safeload.jar");
    FileTime old = FileTime.fromMillis(Files.getLastModifiedTime(JAR).toMillis() - 60_000);
    Files.setLastModifiedTime(extracted, old);
    Run again = launcher(help);
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("--events");
    assertThat(Files.getLastModifiedTime(extracted)).isGreaterThan(old);
    assertThat(Files.getLastModifiedTime(extracted)).isGreaterThanOrEqualTo(lastModified(JAR));
  }

  @Test
  void serveStartsFromTheExtractedJarAndItsArchiveIsWrittenOnceThenUsed() throws Exception {
    Path jsa = QUICK.resolve("serve.jsa");
    Files.deleteIfExists(jsa);
    String database =
        "--spring.datasource.url=jdbc:h2:file:"
            + files.resolve("serve-db")
            + ";MODE=Regular;TRACE_LEVEL_FILE=0";

    serveUntilHealthy(database);
    assertThat(jsa).as("written when the first start stopped").exists();
    FileTime written = lastModified(jsa);
    // The case activity is kept beside the embedded database when the app stops (ADR 0022),
    // though H2 closes itself as the JVM stops.
    assertThat(files.resolve("serve-db.live-log")).as("the kept case activity").exists();

    serveUntilHealthy(database);
    // An archive the JVM could not use would have been written again when it stopped.
    assertThat(lastModified(jsa)).as("used as it was").isEqualTo(written);
    assertThat(Files.readString(files.resolve("serve.log")))
        .contains("events taken up from the copy kept when the app last stopped");
  }

  /** Starts {@code ./safeload serve}, waits for its health to answer, and stops it (SIGTERM). */
  private static void serveUntilHealthy(String database) throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
            ROOT.resolve("safeload").toString(),
            "serve",
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--safeload.demo.enabled=false",
            database);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("JAVA_OPTS");
    builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_"));
    builder.redirectErrorStream(true);
    builder.redirectOutput(files.resolve("serve.log").toFile());
    Process app = builder.start();
    try {
      var client = java.net.http.HttpClient.newHttpClient();
      var health =
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health"))
              .build();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      int status = 0;
      while (status != 200 && System.nanoTime() < deadline && app.isAlive()) {
        try {
          status =
              client
                  .send(health, java.net.http.HttpResponse.BodyHandlers.discarding())
                  .statusCode();
        } catch (java.io.IOException notYet) {
          Thread.sleep(250);
        }
      }
      assertThat(status).as(Files.readString(files.resolve("serve.log"))).isEqualTo(200);
      // The case activity is loaded on a thread of its own: it is kept at the stop once loaded.
      while (!Files.readString(files.resolve("serve.log")).contains("Case activity loaded")
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    } finally {
      app.destroy(); // the launcher execs java: SIGTERM reaches the app, which stops in order
      assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("stopped").isTrue();
    }
  }

  private static FileTime lastModified(Path file) throws IOException {
    return Files.getLastModifiedTime(file);
  }

  private static void deleteQuick() throws IOException {
    if (Files.exists(QUICK)) {
      try (var walk = Files.walk(QUICK)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static Run launcher(List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("safeload").toString());
    command.addAll(args);
    return run(command);
  }

  private static Run jar(List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(args);
    return run(command);
  }

  private static Run run(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("JAVA_OPTS");
    builder.redirectOutput(files.resolve("out").toFile());
    builder.redirectError(files.resolve("err").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(files.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(files.resolve("err"), StandardCharsets.UTF_8));
  }
}
