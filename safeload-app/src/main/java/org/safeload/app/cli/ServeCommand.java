package org.safeload.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.safeload.app.SafeloadApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Starts the web app. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the web app (the default command).",
      "Any Spring Boot option may follow, e.g. --server.port=8081 or"
          + " --spring.datasource.url=jdbc:postgresql://localhost:5432/safeload."
    })
public class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--demo",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "true|false",
      description =
          "Load the demo council (Northbridge Council) into an empty database (default true;"
              + " also SAFELOAD_DEMO_ENABLED).")
  Boolean demo;

  @Unmatched List<String> springArguments = new ArrayList<>();

  @Override
  public Integer call() {
    SafeloadApplication.start(springArguments().toArray(String[]::new));
    return 0;
  }

  List<String> springArguments() {
    List<String> args = new ArrayList<>(springArguments);
    if (demo != null) {
      args.add("--safeload.demo.enabled=" + demo);
    }
    return args;
  }
}
