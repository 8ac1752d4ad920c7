package org.safeload.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.safeload.extract.AnnexA;
import org.safeload.extract.ExtractOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** An Ofsted Annex A workbook read as case activity files (docs/annex-a.md). */
@Command(
    name = "annex-a",
    mixinStandardHelpOptions = true,
    description = {
      "Read an Ofsted Annex A workbook (Lists 3 to 8) as case activity: writes DIR/events.csv,"
          + " children.csv, workers.csv, teams.csv, rules.yaml and mapping.md (docs/annex-a.md)."
          + " Exit 0, or 2 listing every row that could not be read."
    })
public class AnnexACommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORKBOOK.xlsx")
  Path workbook;

  @Option(names = "--out", required = true, paramLabel = "DIR")
  Path out;

  @Option(
      names = "--extract-date",
      paramLabel = "DATE",
      description = "The date the workbook was taken (default: the latest date in Lists 3 to 8).")
  LocalDate extractDate;

  @Option(
      names = "--skip-invalid",
      description = "Write the readable rows and report the rest, rather than nothing.")
  boolean skipInvalid;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(workbook)) {
      spec.commandLine().getErr().println(workbook + ": no such file");
      return 2;
    }
    return ExtractOutput.write(
        AnnexA.read(workbook, new ExtractOptions(extractDate, skipInvalid)),
        out,
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
