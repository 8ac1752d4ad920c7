package org.safeload.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.safeload.app.SafeloadApplication;
import org.safeload.app.audit.AuditChain;
import org.safeload.app.platform.Show;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** The audit trail from the command line: {@code safeload audit verify}. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {"The audit trail (docs/architecture.md, \"Audit trail\")."},
    subcommands = {AuditCommand.Verify.class})
public class AuditCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Checks the whole chain; exit 0 when intact, 1 when not (each problem named). */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check every entry of the audit trail against its keyed hash and the chain: an entry"
            + " edited, deleted, moved or added in the database is found. Needs the same key as"
            + " the app (SAFELOAD_AUDIT_KEY or the key file) and the database options as for"
            + " serve. Exit 0 when the trail is intact, 1 when it is not."
      })
  static class Verify implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Unmatched List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
      List<String> args = new ArrayList<>(springArguments);
      args.add("--logging.level.root=warn");
      // Reading only: an empty database is not given the demo council.
      args.add("--safeload.demo.enabled=false");
      try (ConfigurableApplicationContext context =
          new SpringApplicationBuilder(SafeloadApplication.class)
              .web(WebApplicationType.NONE)
              .logStartupInfo(false)
              .run(args.toArray(String[]::new))) {
        AuditChain.Check check = context.getBean(AuditChain.class).check();
        return report(check, spec.commandLine().getOut(), spec.commandLine().getErr());
      }
    }
  }

  static int report(AuditChain.Check check, PrintWriter out, PrintWriter err) {
    String end =
        check.lastAt() == null ? "" : ", the last on " + new Show().dateTime(check.lastAt());
    if (check.intact()) {
      out.printf(
          "The audit trail is intact: %d %s checked in the chain%s; %d waiting to be sealed.%n",
          check.sealed(), check.sealed() == 1 ? "entry" : "entries", end, check.waiting());
      out.flush();
      return 0;
    }
    err.printf(
        "The audit trail is NOT intact: %d %s (%d entries in the chain%s).%n",
        check.problemCount(),
        check.problemCount() == 1 ? "problem" : "problems",
        check.sealed(),
        end);
    for (AuditChain.Problem p : check.problems()) {
      err.println(
          (p.id() == 0 ? "The chain" : "Entry " + p.id())
              + (p.seq() == null ? " (not in the chain)" : " (place " + p.seq() + ")")
              + ": "
              + p.what());
    }
    if (check.problemCount() > check.problems().size()) {
      err.printf("… and %d more%n", check.problemCount() - check.problems().size());
    }
    err.flush();
    return 1;
  }
}
