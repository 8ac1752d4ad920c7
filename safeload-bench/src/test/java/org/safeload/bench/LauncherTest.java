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
