package org.safeload.app.cli;

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
