package org.safeload.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.safeload.app.SafeloadApplication;
import org.safeload.app.access.SystemAccess;
import org.safeload.app.money.ContractService;
import org.safeload.app.platform.NotFoundException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** Exports a stored contract as an OCDS release package (JSON). */
@Command(
    name = "ocds",
    mixinStandardHelpOptions = true,
    description = {
      "Export a contract from the database as an Open Contracting Data Standard 1.1 release"
          + " package (JSON). Database options as for serve (--spring.datasource.url=...)."
    })
public class OcdsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--contract",
      required = true,
      paramLabel = "ID",
      description = "The contract's id.")
  String contract;

  @Unmatched List<String> springArguments = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>(springArguments);
    args.add("--spring.main.banner-mode=off");
    args.add("--logging.level.root=warn");
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SafeloadApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .run(args.toArray(String[]::new))) {
      Map<String, Object> release =
          SystemAccess.call(() -> context.getBean(ContractService.class).ocds(contract));
      spec.commandLine().getOut().println(EvaluateCommand.json().writeValueAsString(release));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (NotFoundException e) {
      spec.commandLine().getErr().println("No contract " + contract);
      return 1;
    }
  }
}
