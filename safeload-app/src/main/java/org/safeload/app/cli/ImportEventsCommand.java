package org.safeload.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.safeload.app.SafeloadApplication;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.timeliness.TimelinessService;
import org.safeload.organisation.FieldProblem;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** Imports a case activity file into the database: every row or none. */
@Command(
    name = "import-events",
    mixinStandardHelpOptions = true,
    description = {
      "Import case activity (docs/timeliness.md) into the database: every row or none; importing"
          + " the same file again changes nothing. Database options as for serve."
    })
public class ImportEventsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--events", required = true, paramLabel = "FILE.csv")
  Path events;

  @Unmatched List<String> springArguments = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    String csv = Files.readString(events, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(springArguments);
    args.add("--logging.level.root=warn");
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SafeloadApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .run(args.toArray(String[]::new))) {
      TimelinessService.ImportResult result =
          SystemAccess.call(() -> context.getBean(TimelinessService.class).importCsv(csv));
      spec.commandLine()
          .getOut()
          .printf("Imported %d events (%d already there)%n", result.created(), result.unchanged());
      spec.commandLine().getOut().flush();
      return 0;
    } catch (InvalidInputException e) {
      for (FieldProblem p : e.problems()) {
        spec.commandLine()
            .getErr()
            .println(events + ": line " + p.line() + ", " + p.field() + ": " + p.message());
      }
      return 1;
    }
  }
}
