package org.safeload.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in the test's JVM: its exit code, standard output and error. */
record CommandRun(int code, String out, String err) {

  /** Runs {@code safeload} with these arguments, as the launcher would. */
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SafeloadCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CommandRun(code, out.toString(), err.toString());
  }
}
