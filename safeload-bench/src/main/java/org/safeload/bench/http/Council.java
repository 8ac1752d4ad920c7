package org.safeload.bench.http;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Puts a generated council ({@code safeload generate}: teams.csv, workers.csv, worker-ids.csv,
 * children.csv, events.csv) into an empty app through its API, as a council would: a service, the
 * providers and teams, the workers import, the children import, then the case activity import,
 * timed, twice (the second must change nothing). The event file names the generator's team and
 * worker ids (T1, W1); the app's event files use the app's ids, so the file is rewritten with them
 * first (not timed). Its oversight notes are written by each team's manager ({@code M} and the
 * team's id: MT1), whom the generator's workers file does not have and the app refuses an event
 * file naming: they are added to the workers import as team managers.
 */
public final class Council {

  private static final String CSV = "text/csv; charset=UTF-8";
  private static final CSVFormat READ =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  /**
   * What the import did and how long its parts took.
   *
   * @param cases every case in the event file, in the order they first appear (a worker's
   *     supervision names none)
   */
  public record Imported(
      Map<String, Long> teamIds,
      int workers,
      int children,
      double childrenSeconds,
      int events,
      double eventsSeconds,
      int secondCreated,
      int secondUnchanged,
      double secondSeconds,
      List<String> cases) {

    public double eventsPerSecond() {
      return events / eventsSeconds;
    }

    /** The second import's seconds per 100,000 rows. */
    public double secondPer100k() {
      return secondSeconds / (secondCreated + secondUnchanged) * 100_000;
    }
  }

  private Council() {}

  /**
   * Imports the council in {@code dir} through {@code api} (an administrator's token).
   *
   * @param work where the rewritten event file goes
   */
  public static Imported load(AppClient api, Path dir, Path work) throws IOException {
    long service =
        Json.number(
            Json.object(
                api.apiPost(
                    "/api/v1/services",
                    Json.of(
                        "name", "Children's social care", "description", "Safeload benchmark"))),
            "id");
    Map<String, Long> providers = new HashMap<>();
    Map<String, Long> teams = new LinkedHashMap<>();
    for (CSVRecord t : records(dir.resolve("teams.csv"))) {
      String provider = t.get("provider").strip();
      Long providerId = null;
      if (!provider.isEmpty()) {
        providerId =
            providers.computeIfAbsent(
                provider,
                p ->
                    Json.number(
                        Json.object(api.apiPost("/api/v1/providers", Json.of("name", p))), "id"));
      }
      long id =
          Json.number(
              Json.object(
                  api.apiPost(
                      "/api/v1/teams",
                      Json.of(
                          "serviceId",
                          service,
                          "name",
                          t.get("name"),
                          "kind",
                          t.get("kind"),
                          "providerId",
                          providerId))),
              "id");
      teams.put(t.get("team_id"), id);
    }
    Path workersFile = work.resolve("workers-and-managers.csv");
    Map<String, String> managers = withManagers(dir, workersFile);
    api.api("POST", "/api/v1/workers/import", CSV, HttpRequest.BodyPublishers.ofFile(workersFile));
    Map<String, Long> bySwe = new HashMap<>();
    for (Map<String, Object> w : Json.objects(api.apiGet("/api/v1/workers"))) {
      if (w.get("sweRegistration") != null) {
        bySwe.put(w.get("sweRegistration").toString(), Json.number(w, "id"));
      }
    }
    Map<String, String> swes = new LinkedHashMap<>(managers);
    for (CSVRecord w : records(dir.resolve("worker-ids.csv"))) {
      swes.put(w.get("worker_id"), w.get("swe_registration"));
    }
    Map<String, String> workers = new HashMap<>();
    swes.forEach(
        (worker, swe) -> {
          Long id = bySwe.get(swe);
          if (id == null) {
            throw new BenchFailure("Worker " + worker + " (" + swe + ") not imported");
          }
          workers.put(worker, String.valueOf(id));
        });
    Path events = work.resolve("events-app-ids.csv");
    Set<String> cases = new LinkedHashSet<>();
    int rows = rewrite(dir.resolve("events.csv"), events, teams, workers, cases);

    long t0 = System.nanoTime();
    Map<String, Object> children =
        Json.object(
            api.api(
                "POST",
                "/api/v1/children/import",
                CSV,
                HttpRequest.BodyPublishers.ofFile(dir.resolve("children.csv"))));
    double childrenSeconds = seconds(t0);

    t0 = System.nanoTime();
    Map<String, Object> first = importEvents(api, events);
    double firstSeconds = seconds(t0);
    if (Json.number(first, "created") != rows) {
      throw new BenchFailure("The events import created " + first + " of " + rows + " rows");
    }
    t0 = System.nanoTime();
    Map<String, Object> second = importEvents(api, events);
    double secondSeconds = seconds(t0);
    return new Imported(
        Map.copyOf(teams),
        bySwe.size(),
        (int) Json.number(children, "created"),
        childrenSeconds,
        rows,
        firstSeconds,
        (int) Json.number(second, "created"),
        (int) Json.number(second, "unchanged"),
        secondSeconds,
        List.copyOf(cases));
  }

  private static Map<String, Object> importEvents(AppClient api, Path events) throws IOException {
    return Json.object(
        api.api(
            "POST", "/api/v1/case-events/import", CSV, HttpRequest.BodyPublishers.ofFile(events)));
  }

  /**
   * Writes the generator's workers file with a team manager for each team ({@code Team manager 1}
   * in its first team, registration {@code SW800001}, in post since the earliest worker, qualified
   * on 1 July five years before).
   *
   * @return each manager's id in the event file ({@code MT1}) and registration
   */
  static Map<String, String> withManagers(Path dir, Path to) throws IOException {
    Files.copy(dir.resolve("workers.csv"), to);
    LocalDate since =
        records(dir.resolve("workers.csv")).stream()
            .map(w -> LocalDate.parse(w.get("start_date")))
            .min(LocalDate::compareTo)
            .orElseThrow(() -> new BenchFailure("No workers in " + dir.resolve("workers.csv")));
    Map<String, String> managers = new LinkedHashMap<>();
    StringBuilder rows = new StringBuilder();
    int n = 0;
    for (CSVRecord t : records(dir.resolve("teams.csv"))) {
      n++;
      String swe = String.format("SW8%05d", n);
      managers.put("M" + t.get("team_id"), swe);
      rows.append(
          String.join(
              ",",
              "Team manager " + n,
              "team-manager",
              t.get("provider").isBlank() ? "permanent" : "managed-service",
              "1",
              since.toString(),
              "",
              LocalDate.of(since.getYear() - 5, 7, 1).toString(),
              "",
              swe,
              quoted(t.get("name"))));
      rows.append('\n');
    }
    Files.writeString(to, rows, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return managers;
  }

  private static String quoted(String field) {
    return field.contains(",") || field.contains("\"")
        ? "\"" + field.replace("\"", "\"\"") + "\""
        : field;
  }

  /**
   * Writes the event file with the app's team and worker ids.
   *
   * @param cases gets the file's cases (not the blank one of a supervision)
   * @return the number of events
   */
  static int rewrite(
      Path from, Path to, Map<String, Long> teams, Map<String, String> workers, Set<String> cases)
      throws IOException {
    int rows = 0;
    try (Reader in = Files.newBufferedReader(from, StandardCharsets.UTF_8);
        CSVParser parser = READ.parse(in);
        Writer out = Files.newBufferedWriter(to, StandardCharsets.UTF_8);
        CSVPrinter printer =
            CSVFormat.RFC4180
                .builder()
                .setRecordSeparator('\n')
                .setHeader(parser.getHeaderNames().toArray(String[]::new))
                .get()
                .print(out)) {
      List<String> header = parser.getHeaderNames();
      int team = header.indexOf("team_id");
      int worker = header.indexOf("worker_id");
      int caseId = header.indexOf("case_id");
      for (CSVRecord r : parser) {
        List<String> values = new ArrayList<>(r.toList());
        if (!values.get(caseId).isEmpty()) {
          cases.add(values.get(caseId)); // a worker's supervision has no case
        }
        values.set(team, appId(values.get(team), teams, "team", r));
        values.set(worker, appId(values.get(worker), workers, "worker", r));
        printer.printRecord(values);
        rows++;
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return rows;
  }

  /** The app's id for a generator's id (blank stays blank). */
  private static String appId(String id, Map<String, ?> ids, String what, CSVRecord r) {
    if (id.isEmpty()) {
      return id;
    }
    Object app = ids.get(id);
    if (app == null) {
      throw new BenchFailure("Line " + r.getRecordNumber() + ": unknown " + what + " " + id);
    }
    return app.toString();
  }

  private static List<CSVRecord> records(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return READ.parse(in).getRecords();
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
