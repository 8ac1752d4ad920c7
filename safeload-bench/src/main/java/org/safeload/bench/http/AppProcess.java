package org.safeload.bench.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The app as a separate process, started the way {@code ./safeload} starts it ({@code java
 * --enable-native-access=ALL-UNNAMED -jar safeload.jar}), with the same JDK as the benchmark, a
 * heap limit, a GC log, and its output in a file. Also runs the app's {@code generate} command.
 */
public final class AppProcess implements AutoCloseable {

  private final Process process;
  private final long startedAt;
  private final int port;
  private final Path log;
  private final GcLog gc;
  private Duration upAfter;

  private AppProcess(Process process, long startedAt, int port, Path log, GcLog gc) {
    this.process = process;
    this.startedAt = startedAt;
    this.port = port;
    this.log = log;
    this.gc = gc;
  }

  /** The java that runs this benchmark (so Java 21 or newer), to run the app with. */
  public static String java() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * The app jar: the one given, else {@code safeload-app/target/safeload.jar} from the current
   * folder or beside this benchmark's jar ({@code safeload-bench/target/}).
   */
  public static Path findJar(String given) {
    if (given != null) {
      Path p = Path.of(given);
      if (!Files.isRegularFile(p)) {
        throw new BenchFailure("No app jar at " + p.toAbsolutePath());
      }
      return p;
    }
    List<Path> candidates = new ArrayList<>();
    candidates.add(Path.of("safeload-app", "target", "safeload.jar"));
    try {
      Path self =
          Path.of(AppProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (self.getParent() != null && self.getParent().getParent() != null) {
        candidates.add(
            self.getParent().getParent().resolveSibling("safeload-app/target/safeload.jar"));
      }
    } catch (Exception e) {
      // Only the current folder then.
    }
    return candidates.stream()
        .filter(Files::isRegularFile)
        .findFirst()
        .orElseThrow(
            () ->
                new BenchFailure(
                    "The app jar is missing (looked for "
                        + candidates.getFirst().toAbsolutePath()
                        + "). Build it: ./mvnw -q -B -DskipTests install, or give --app-jar."));
  }

  /** A port nobody listens on now. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new BenchFailure("No free port: " + e.getMessage(), e);
    }
  }

  /** Fails with a clear message when something listens on the port. */
  public static void checkPortFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
    } catch (IOException e) {
      throw new BenchFailure(
          "Port "
              + port
              + " is busy: give another with --port, or leave --port out for a free one");
    }
  }

  /**
   * Extracts the app jar into {@code dir} as {@code java -Djarmode=tools -jar safeload.jar extract}
   * does (Spring Boot's layout for deployment: the app jar and its libraries side by side).
   *
   * @return the extracted app jar, to start with {@code -jar}
   */
  public static Path extract(Path jar, Path dir) throws IOException, InterruptedException {
    List<String> command =
        List.of(
            java(),
            "-Djarmode=tools",
            "-jar",
            jar.toString(),
            "extract",
            "--destination",
            dir.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new BenchFailure("Could not extract " + jar + ":\n" + output);
    }
    return dir.resolve(jar.getFileName());
  }

  /**
   * The JVM options of an app started as deployed: a class-data archive in {@code dir}, written
   * when the first start stops and used by every later one ({@code ./safeload serve} does the
   * same).
   */
  public static List<String> archive(Path dir) {
    return List.of(
        "-XX:+AutoCreateSharedArchive",
        "-XX:SharedArchiveFile=" + dir.resolve("serve.jsa"),
        "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off");
  }

  /**
   * Runs {@code safeload generate} into {@code out}.
   *
   * @return what it printed
   */
  public static String generate(
      Path jar, int children, int months, long seed, java.time.LocalDate start, Path out)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            java(),
            "--enable-native-access=ALL-UNNAMED",
            "-jar",
            jar.toString(),
            "generate",
            "--children",
            String.valueOf(children),
            "--months",
            String.valueOf(months),
            "--seed",
            String.valueOf(seed),
            "--start",
            start.toString(),
            "--out",
            out.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new BenchFailure("safeload generate failed:\n" + output);
    }
    return output;
  }

  /**
   * Starts {@code safeload serve} on 127.0.0.1.
   *
   * @param heap the {@code -Xmx} value, e.g. {@code 1g}
   * @param appArguments Spring Boot options (database, clock, …)
   * @param env extra environment (the first administrator's password)
   * @param folder where the app's output and GC log go
   * @param name tells this start from another in the same folder
   */
  public static AppProcess start(
      Path jar,
      String heap,
      int port,
      List<String> appArguments,
      Map<String, String> env,
      Path folder,
      String name)
      throws IOException {
    return start(jar, heap, List.of(), port, appArguments, env, folder, name);
  }

  /**
   * As {@link #start(Path, String, int, List, Map, Path, String)}, with options for the JVM (e.g.
   * {@code -XX:TieredStopAtLevel=1} for a test that starts the app more than it runs it).
   */
  public static AppProcess start(
      Path jar,
      String heap,
      List<String> jvmOptions,
      int port,
      List<String> appArguments,
      Map<String, String> env,
      Path folder,
      String name)
      throws IOException {
    Path log = folder.resolve(name + ".log");
    Path gcLog = folder.resolve(name + "-gc.log");
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Xmx" + heap);
    command.add("-Xlog:gc:file=" + gcLog);
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("serve");
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.addAll(appArguments);
    ProcessBuilder b =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    b.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("SAFELOAD_"));
    b.environment().putAll(env);
    long startedAt = System.nanoTime();
    return new AppProcess(b.start(), startedAt, port, log, new GcLog(gcLog));
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public long pid() {
    return process.pid();
  }

  public GcLog gc() {
    return gc;
  }

  public Path log() {
    return log;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** The time since the process started. */
  public Duration age() {
    return Duration.ofNanos(System.nanoTime() - startedAt);
  }

  /** The time from starting the process to its first answer ({@link #waitUntilUp}). */
  public Duration upAfter() {
    if (upAfter == null) {
      throw new IllegalStateException("not up yet");
    }
    return upAfter;
  }

  /**
   * Waits for the first successful answer of the health check.
   *
   * @return the time from starting the process to that answer
   */
  public Duration waitUntilUp(Duration limit) throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = startedAt + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String tail = logTail(40);
        if (tail.contains("already in use")) {
          throw new BenchFailure(
              "Port "
                  + port
                  + " is busy: the app could not listen on it. Give another with --port.");
        }
        throw new BenchFailure(
            "The app stopped while starting (exit " + process.exitValue() + "):\n" + tail);
      }
      try {
        if (http.send(health, BodyHandlers.discarding()).statusCode() == 200) {
          upAfter = Duration.ofNanos(System.nanoTime() - startedAt);
          return upAfter;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(50);
    }
    throw new BenchFailure(
        "The app did not answer within " + limit.toSeconds() + " s:\n" + logTail(40));
  }

  /** The process's peak resident memory (VmHWM), in bytes, if the system tells it. */
  public Optional<Long> peakRss() {
    return status("VmHWM:");
  }

  /** The process's resident memory now (VmRSS), in bytes, if the system tells it. */
  public Optional<Long> rss() {
    return status("VmRSS:");
  }

  /** A figure in kB from {@code /proc/<pid>/status}, in bytes. */
  private Optional<Long> status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid() + "", "status"))) {
        if (line.startsWith(field)) {
          return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or the process has gone.
    }
    return Optional.empty();
  }

  /**
   * Asks the app for a full collection ({@code jcmd <pid> GC.run}, from the same JDK), which its GC
   * log shows as {@code Pause Full (Diagnostic Command)}: what is still used after it is the live
   * data. Starts a JVM for a second or so, so it is for now and then, not for sampling.
   *
   * @return what went wrong, or null when the collection ran
   */
  public String collectGarbage(Duration limit) throws InterruptedException {
    Path jcmd = Path.of(java()).resolveSibling("jcmd");
    if (!Files.isExecutable(jcmd)) {
      return "no jcmd beside " + java();
    }
    try {
      Process p =
          new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return "jcmd GC.run took over " + limit.toSeconds() + " s";
      }
      return p.exitValue() == 0 ? null : "jcmd GC.run ended with " + p.exitValue();
    } catch (IOException e) {
      return "jcmd: " + e.getMessage();
    }
  }

  /** How many lines of the app's output contain this text (e.g. {@code " ERROR "}). */
  public long linesWith(String text) {
    try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.contains(text)).count();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  /** The first lines of the app's output that contain this text, at most {@code max}. */
  public List<String> linesWith(String text, int max) {
    try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.contains(text)).limit(max).toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of();
    }
  }

  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /**
   * Kills the app as {@code kill -9} does (SIGKILL: no shutdown hook, nothing flushed) and waits
   * for the process to end.
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new BenchFailure("The app (pid " + pid() + ") did not end after SIGKILL");
    }
  }

  /** Stops the app: a polite stop first, then a forced one. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
