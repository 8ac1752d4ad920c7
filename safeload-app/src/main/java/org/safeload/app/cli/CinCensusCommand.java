package org.safeload.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.safeload.extract.CinCensus;
import org.safeload.extract.ExtractOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Reads a children in need census return into Safeload's case activity (docs/annex-a.md, "Children
 * in need census").
 */
@Command(
    name = "cin-census",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a children in need census return (the Department's XML, checked against its 2024"
          + " schema) and writes DIR/events.csv, children.csv, workers.csv, teams.csv (empty: the"
          + " census names none), rules.yaml (the statutory rules it can measure) and mapping.md"
          + " (docs/annex-a.md). Then: safeload kpi --events DIR/events.csv --rules"
          + " DIR/rules.yaml --as-of DATE.",
      "Exit codes: 0 written, 2 bad input (every problem listed; only mapping.md is written)."
    })
public class CinCensusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.xml", description = "The census return.")
  Path file;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write.")
  Path out;

  @Option(
      names = "--extract-date",
      paramLabel = "DATE",
      description = "The date the return was taken (default: its ReferenceDate, else its latest).")
  LocalDate extractDate;

  @Option(
      names = "--skip-invalid",
      description =
          "Write the readable episodes and report the rest, rather than refuse the file (a file"
              + " that breaks the schema is refused all the same).")
  boolean skipInvalid;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println(file + ": no such file");
      return 2;
    }
    return ExtractOutput.write(
        CinCensus.read(file, new ExtractOptions(extractDate, skipInvalid)),
        out,
        spec.commandLine().getOut(),
        err);
  }
}
