package org.safeload.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.safeload.app.SafeloadApplication;
import org.safeload.app.access.SystemAccess;
import org.safeload.app.decision.DecisionReportService;
import org.safeload.app.decision.DecisionReportService.Format;
import org.safeload.app.decision.Decisions;
import org.safeload.app.platform.NotFoundException;
import org.safeload.app.platform.Show;
import org.safeload.money.ReportType;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Writes a contract's decision report (award, extension or exit; docs/decisions.md) as a Word
 * document or a PDF: a recorded decision's from its frozen figures, or a draft from the figures as
 * of a date. Exit codes: 0 written; 1 no such contract or decision, or the file cannot be written;
 * 2 a bad option (nothing is read from the database).
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a contract's award, extension or exit report as a Word document (.docx) or a PDF"
          + " (.pdf), chosen by the --out file's extension. With --decision, the report of a"
          + " recorded decision, from the figures frozen with it (the same report every time);"
          + " without, a draft from the figures as of --as-of (default today). Database options as"
          + " for serve (--spring.datasource.url=...)."
    })
public class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--contract",
      required = true,
      paramLabel = "ID",
      description = "The contract's id.")
  String contract;

  @Option(
      names = "--type",
      required = true,
      paramLabel = "award|extension|exit",
      description = "The report to write.")
  String type;

  @Option(
      names = "--decision",
      paramLabel = "N",
      description = "The decision's number on the contract (1 for its first).")
  String decision;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "For a draft: the date of its figures, like 2026-11-24 (default today).")
  String asOf;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The file to write: FILE.docx or FILE.pdf (replaced if it exists).")
  Path out;

  @Unmatched List<String> springArguments = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<String> problems = new ArrayList<>();
    ReportType reportType = ReportType.fromCode(type).orElse(null);
    if (reportType == null) {
      problems.add("--type must be one of: " + ReportType.codes() + " (not " + type + ")");
    }
    Integer number = null;
    if (decision != null) {
      try {
        number = Integer.valueOf(decision.strip());
      } catch (NumberFormatException e) {
        number = 0;
      }
      if (number < 1) {
        problems.add("--decision must be a decision's number, 1 or more (not " + decision + ")");
      }
    }
    LocalDate date = null;
    if (asOf != null) {
      if (decision != null) {
        problems.add("--as-of is for a draft: a decision's report uses the figures frozen with it");
      }
      try {
        date = LocalDate.parse(asOf.strip());
      } catch (DateTimeParseException e) {
        problems.add("--as-of must be a date like 2026-11-24 (not " + asOf + ")");
      }
    }
    Format format = format(out);
    if (format == null) {
      problems.add("--out must end in .docx or .pdf (not " + out.getFileName() + ")");
    }
    if (!problems.isEmpty()) {
      problems.forEach(err::println);
      return 2;
    }
    Path target = out.toAbsolutePath();
    if (!Files.isDirectory(target.getParent())) {
      err.println("Cannot write " + out + ": the folder " + target.getParent() + " does not exist");
      return 1;
    }
    List<String> args = new ArrayList<>(springArguments);
    args.add("--spring.main.banner-mode=off");
    args.add("--logging.level.root=warn");
    byte[] file;
    String title;
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SafeloadApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .run(args.toArray(String[]::new))) {
      DecisionReportService reports = context.getBean(DecisionReportService.class);
      Integer n = number;
      LocalDate d = date != null ? date : context.getBean(Decisions.class).today();
      file = SystemAccess.call(() -> reports.file(contract, reportType, n, d, format));
      title = n == null ? "draft, figures as of " + Show.inWords(d) : "decision " + n;
    } catch (NotFoundException e) {
      err.println(e.getMessage());
      return 1;
    }
    try {
      write(target, file);
    } catch (IOException e) {
      err.println("Cannot write " + out + ": " + e.getMessage());
      return 1;
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(
        "Wrote "
            + out
            + ": the "
            + reportType.label().toLowerCase(Locale.UK)
            + " for "
            + contract
            + " ("
            + title
            + ")");
    o.flush();
    return 0;
  }

  /** The format the file's extension asks for, or {@code null}. */
  static Format format(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : Format.of(name.substring(dot + 1)).orElse(null);
  }

  /**
   * Writes the bytes to a file beside the target and moves it into place, so a reader never sees
   * half a report and a failed run leaves any earlier file as it was.
   */
  static void write(Path target, byte[] bytes) throws IOException {
    // Not createTempFile: its file is for its owner only, and a report is for whoever may read
    // the folder, as any file written there would be.
    Path temp =
        target.resolveSibling(
            "." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
    try {
      Files.write(temp, bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
