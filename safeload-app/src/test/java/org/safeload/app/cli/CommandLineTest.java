package org.safeload.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineTest {

  private static String run(int expectedCode, String... args) {
    CommandRun run = CommandRun.of(args);
    assertThat(run.code()).as(run.err()).isEqualTo(expectedCode);
    return run.out() + run.err();
  }

  @Test
  void helpListsTheCommands() {
    String help = run(0, "--help");
    assertThat(help).contains("serve").contains("Start the web app").contains("--server.port");
  }

  @Test
  void serveHelpDocumentsTheDemoOption() {
    assertThat(run(0, "serve", "--help")).contains("--demo").contains("Northbridge");
  }

  @Test
  void serveIsTheDefaultAndSpringOptionsPassThrough() {
    var cli = SafeloadCommand.commandLine();
    assertThat(SafeloadCommand.withDefaultCommand(cli, new String[] {"--server.port=9090"}))
        .containsExactly("serve", "--server.port=9090");
    assertThat(SafeloadCommand.withDefaultCommand(cli, new String[] {})).containsExactly("serve");
    assertThat(SafeloadCommand.withDefaultCommand(cli, new String[] {"serve", "--demo=false"}))
        .containsExactly("serve", "--demo=false");

    ServeCommand serve = new ServeCommand();
    new picocli.CommandLine(serve)
        .parseArgs("--demo=false", "--server.port=9090", "--spring.datasource.url=jdbc:h2:mem:x");
    assertThat(serve.springArguments())
        .containsExactly(
            "--server.port=9090",
            "--spring.datasource.url=jdbc:h2:mem:x",
            "--safeload.demo.enabled=false");
    ServeCommand plain = new ServeCommand();
    new picocli.CommandLine(plain).parseArgs("--server.port=9090");
    assertThat(plain.springArguments()).containsExactly("--server.port=9090");
  }

  @Test
  void anUnknownOptionOfAnotherCommandIsRefused() {
    assertThat(run(2, "help", "nosuchcommand")).containsIgnoringCase("unknown");
  }

  @Test
  void anUnknownCommandIsRefusedWithTheNearestOneAndStartsNoServer() {
    var cli = SafeloadCommand.commandLine();
    assertThat(SafeloadCommand.withDefaultCommand(cli, new String[] {"kpii", "--as-of=2025-01-01"}))
        .containsExactly("kpii", "--as-of=2025-01-01");
    String answer = run(2, "kpii", "--as-of", "2025-01-01");
    assertThat(answer).contains("kpii").contains("Did you mean").contains("kpi");
    assertThat(run(2, "generat")).contains("generate");
  }
}
