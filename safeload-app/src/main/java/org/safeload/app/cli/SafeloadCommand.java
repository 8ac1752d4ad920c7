package org.safeload.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one executable and its commands. {@code serve} is the default: options before any command are
 * the web app's (Spring Boot's {@code --server.port=...} and the like).
 */
@Command(
    name = "safeload",
    mixinStandardHelpOptions = true,
    versionProvider = SafeloadCommand.Version.class,
    description = {
      "Safeload: managed social work teams for children's social care.",
      "With no command, runs 'serve'. Spring Boot options (--server.port=8081,"
          + " --spring.datasource.url=...) and environment variables (SPRING_DATASOURCE_URL, ...)"
          + " apply to every command that uses the database."
    },
    subcommands = {
      ServeCommand.class,
      EvaluateCommand.class,
      OcdsCommand.class,
      ReportCommand.class,
      KpiCommand.class,
      CalendarCommand.class,
      GenerateCommand.class,
      ImportEventsCommand.class,
      AnnexACommand.class,
      CinCensusCommand.class,
      HandoverCommand.class,
      AuditCommand.class,
      WorkforceCommand.class,
      CommandLine.HelpCommand.class
    })
public class SafeloadCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static CommandLine commandLine() {
    return new CommandLine(new SafeloadCommand());
  }

  /** Runs the command line and returns its exit code (the web app keeps running after 0). */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(withDefaultCommand(cli, args));
  }

  /**
   * Puts {@code serve} in front of no arguments, or of options that are not the top level's own
   * (Spring Boot's {@code --server.port=...}). A first word that is not a command is left for
   * picocli to refuse (exit 2, naming the nearest command): the server starts only when asked.
   */
  static String[] withDefaultCommand(CommandLine cli, String[] args) {
    if (args.length > 0) {
      String first = args[0];
      if (!first.startsWith("-") || List.of("-h", "--help", "-V", "--version").contains(first)) {
        return args;
      }
    }
    List<String> withServe = new ArrayList<>();
    withServe.add("serve");
    withServe.addAll(List.of(args));
    return withServe.toArray(String[]::new);
  }

  /** The version from the jar's manifest. */
  public static class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = SafeloadCommand.class.getPackage().getImplementationVersion();
      return new String[] {"Safeload " + (version == null ? "(development)" : version)};
    }
  }
}
