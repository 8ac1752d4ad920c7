package org.safeload.app;

import org.safeload.app.cli.SafeloadCommand;

/** {@code java -jar safeload.jar [command] [options]}: with no command, {@code serve}. */
public final class SafeloadMain {

  private SafeloadMain() {}

  public static void main(String[] args) {
    int code = SafeloadCommand.run(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
