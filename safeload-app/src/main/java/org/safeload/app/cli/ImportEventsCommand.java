package org.safeload.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.safeload.app.SafeloadApplication;
import org.safeload.app.access.SystemAccess;
import org.safeload.app.caseactivity.CaseActivity;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
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
      "Import case activity and children (docs/timeliness.md) into the database: each file every"
          + " row or none; importing the same file again changes nothing. Database options as for"
          + " serve."
    })
public class ImportEventsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--events", paramLabel = "FILE.csv", description = "Case activity")
  Path events;

  @Option(
      names = "--children",
      paramLabel = "FILE.csv",
      description = "Children (child_id,date_of_birth,family_group): siblings share a family group")
  Path children;

  @Unmatched List<String> springArguments = new ArrayList<>();

  /** The file being imported, for messages. */
  private Path current;

  @Override
  public Integer call() throws IOException {
    if (events == null && children == null) {
      spec.commandLine().getErr().println("Give --events FILE.csv, --children FILE.csv, or both");
      return 2;
    }
    List<String> args = new ArrayList<>(springArguments);
    args.add("--logging.level.root=warn");
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SafeloadApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .run(args.toArray(String[]::new))) {
      CaseActivity service = context.getBean(CaseActivity.class);
      if (children != null) {
        current = children;
        CaseActivity.ChildrenImport done;
        try (var in = Files.newBufferedReader(children, StandardCharsets.UTF_8)) {
          done = SystemAccess.call(() -> service.importChildren(in));
        }
        spec.commandLine()
            .getOut()
            .printf(
                "Imported children: %d added, %d updated, %d unchanged%n",
                done.created(), done.updated(), done.unchanged());
      }
      if (events != null) {
        current = events;
        CaseActivity.ImportResult result;
        try (var in = Files.newInputStream(events)) {
          result = SystemAccess.call(() -> service.importEvents(in));
        }
        spec.commandLine()
            .getOut()
            .printf(
                "Imported %d events (%d already there)%n", result.created(), result.unchanged());
      }
      spec.commandLine().getOut().flush();
      return 0;
    } catch (InvalidInputException e) {
      for (FieldProblem p : e.problems()) {
        spec.commandLine().getErr().println(current + ": " + DocumentException.describe(p));
      }
      return 1;
    }
  }
}
