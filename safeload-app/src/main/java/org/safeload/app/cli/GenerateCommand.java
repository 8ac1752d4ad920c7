package org.safeload.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.organisation.WorkerCsv;
import org.safeload.timeliness.EventGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a synthetic, deterministic case log with its teams, workers and children. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Write a realistic synthetic event log (events.csv) with teams.csv, workers.csv (worker import format), worker-ids.csv and children.csv.")
public class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--children", required = true, paramLabel = "N")
  int children;

  @Option(names = "--months", required = true, paramLabel = "M")
  int months;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
  long seed;

  @Option(names = "--start", defaultValue = "2022-04-01", paramLabel = "DATE")
  LocalDate start;

  @Option(names = "--out", required = true, paramLabel = "DIR")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (children < 1 || months < 1) {
      spec.commandLine().getErr().println("--children and --months must be at least 1");
      return 2;
    }
    Files.createDirectories(out);
    EventGenerator generator =
        new EventGenerator(WorkingCalendar.englandAndWales(), seed, children, months, start);
    long[] count = new long[1];
    try (BufferedWriter w =
        Files.newBufferedWriter(out.resolve("events.csv"), StandardCharsets.UTF_8)) {
      count[0] = generator.writeCsv(w);
    }
    try (BufferedWriter w =
        Files.newBufferedWriter(out.resolve("teams.csv"), StandardCharsets.UTF_8)) {
      w.write("team_id,name,kind,provider\n");
      for (EventGenerator.Team t : EventGenerator.TEAMS) {
        w.write(t.id() + "," + t.name() + "," + t.kind() + "," + t.provider() + "\n");
      }
    }
    // Workers in the worker import format (POST /api/v1/workers/import), and how the event file's
    // worker ids map to them (for kpi --workers).
    try (BufferedWriter w =
            Files.newBufferedWriter(out.resolve("workers.csv"), StandardCharsets.UTF_8);
        BufferedWriter ids =
            Files.newBufferedWriter(out.resolve("worker-ids.csv"), StandardCharsets.UTF_8)) {
      w.write(String.join(",", WorkerCsv.HEADER) + "\n");
      ids.write("worker_id,swe_registration,end_date\n");
      for (EventGenerator.Worker worker : generator.workers()) {
        int n = Integer.parseInt(worker.id().substring(1));
        String team =
            EventGenerator.TEAMS.stream()
                .filter(t -> t.id().equals(worker.teamId()))
                .findFirst()
                .orElseThrow()
                .name();
        String swe = "SW" + (900000 + n);
        boolean managed = team.startsWith("Brightpath");
        w.write(
            worker.name()
                + ",social-worker,"
                + (managed ? "managed-service" : "permanent")
                + ",1,"
                + start.minusDays(30L + n % 400)
                + ",,"
                + start.minusYears(2 + n % 15).withDayOfYear(182)
                + ",,"
                + swe
                + ","
                + team
                + "\n");
        ids.write(worker.id() + "," + swe + ",\n");
      }
    }
    try (BufferedWriter w =
        Files.newBufferedWriter(out.resolve("children.csv"), StandardCharsets.UTF_8)) {
      w.write("child_id,date_of_birth,family_group\n");
      for (EventGenerator.Child c : generator.children()) {
        w.write(c.id() + "," + c.dateOfBirth() + "," + c.familyGroup() + "\n");
      }
    }
    spec.commandLine()
        .getOut()
        .printf(
            "Wrote %d events for %d children over %d months to %s%n",
            count[0], children, months, out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
