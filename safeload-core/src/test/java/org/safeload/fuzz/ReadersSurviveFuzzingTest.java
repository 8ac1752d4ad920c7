package org.safeload.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.handover.HandoverCsv;
import org.safeload.money.ScenarioReader;
import org.safeload.organisation.WorkerCsv;
import org.safeload.timeliness.ChildCsv;
import org.safeload.timeliness.EventCorrections;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.KpiRuleSet;

/**
 * Every reader in the core, fed seeded mutations of a valid file (bytes changed, inserted, deleted,
 * repeated and cut; quotes, commas, line ends, NULs, invalid UTF-8, YAML anchors and aliases, huge
 * and negative numbers): each input is either read or refused with problems that name their line
 * and field; nothing else may happen (no other exception, no problem without a message). A failing
 * input is written to {@code target/fuzz-failures} with its seed.
 *
 * <p>The build runs {@value #DEFAULT_INPUTS} inputs per reader; {@code
 * -Dsafeload.fuzz.inputs=1000000} runs a long campaign (docs/testing.md).
 */
class ReadersSurviveFuzzingTest {

  static final int DEFAULT_INPUTS = 2_000;
  private static final int INPUTS = Integer.getInteger("safeload.fuzz.inputs", DEFAULT_INPUTS);
  private static final long SEED = Long.getLong("safeload.fuzz.seed", 20261128L);

  /** Only the reader with this name (a long run of one reader), or every reader if unset. */
  private static final String ONLY = System.getProperty("safeload.fuzz.only", "");

  /** A reader: reads the bytes and returns its problems; throws only what the test refuses. */
  interface Target {
    List<FieldProblem> read(byte[] input) throws Exception;
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static List<FieldProblem> document(Function<String, ?> reader, byte[] input) {
    try {
      reader.apply(text(input));
      return List.of();
    } catch (DocumentException e) {
      assertThat(e.problems()).as("a refused document says why").isNotEmpty();
      return e.problems();
    }
  }

  static Stream<Arguments> readers() throws IOException {
    Path examples = Path.of("..", "docs", "examples");
    return Stream.of(
        Arguments.of(
            "events (bytes)",
            Files.readAllBytes(examples.resolve("events.csv")),
            (Target)
                b ->
                    EventCsv.read((InputStream) new ByteArrayInputStream(b), id -> Optional.empty())
                        .problems()),
        Arguments.of(
            "events (text)",
            Files.readAllBytes(examples.resolve("events.csv")),
            (Target) b -> EventCsv.read(new StringReader(text(b))).problems()),
        Arguments.of(
            "corrections",
            Files.readAllBytes(examples.resolve("corrections.csv")),
            (Target)
                b ->
                    EventCorrections.read(
                            new StringReader(text(b)),
                            id ->
                                Optional.of(
                                    new EventCsv.KnownEvent(
                                        org.safeload.timeliness.EventType.VISIT, "C1")))
                        .problems()),
        Arguments.of(
            "establishment",
            Files.readAllBytes(examples.resolve("workforce-establishment.csv")),
            (Target)
                b ->
                    org.safeload.workforce.EstablishmentCsv.read(new StringReader(text(b)))
                        .problems()),
        Arguments.of(
            "census return",
            resource("/org/safeload/workforce/csww-2022-sample.xml"),
            (Target)
                b -> org.safeload.workforce.CswwXml.read(new ByteArrayInputStream(b)).problems()),
        Arguments.of(
            "register extract",
            ("registration_number,status,conditions,checked_on\nSW 123456,registered,,2025-10-01\n"
                    + "SW9,conditions,\"Supervised, weekly\",2025-10-02\n")
                .getBytes(StandardCharsets.UTF_8),
            (Target)
                b ->
                    org.safeload.workforce.RegisterExtractCsv.read(new StringReader(text(b)))
                        .problems()),
        Arguments.of(
            "workers",
            Files.readAllBytes(examples.resolve("workers.csv")),
            (Target) b -> WorkerCsv.read(text(b)).problems()),
        Arguments.of(
            "children",
            ("child_id,date_of_birth,family_group\nK1,2015-03-01,F1\nK2,2017-11-30,F1\n"
                    + "K3,2020-01-15,\n")
                .getBytes(StandardCharsets.UTF_8),
            (Target) b -> ChildCsv.read(new StringReader(text(b))).problems()),
        Arguments.of(
            "handover workers",
            Files.readAllBytes(examples.resolve("handover-workers.csv")),
            (Target) b -> HandoverCsv.readWorkers(new StringReader(text(b))).problems()),
        Arguments.of(
            "handover cases",
            Files.readAllBytes(examples.resolve("handover-cases.csv")),
            (Target) b -> HandoverCsv.readCases(new StringReader(text(b))).problems()),
        Arguments.of(
            "scenario",
            Files.readAllBytes(examples.resolve("scenario.yaml")),
            (Target) b -> document(ScenarioReader::scenario, b)),
        Arguments.of(
            "projection",
            Files.readAllBytes(examples.resolve("projection.yaml")),
            (Target)
                b ->
                    document(
                        text ->
                            org.safeload.planning.ProjectionReader.read(
                                text, List.of(), java.time.LocalDate.of(2026, 11, 24)),
                        b)),
        Arguments.of(
            "rule set",
            resource("/org/safeload/timeliness/contract.yaml"),
            (Target) b -> document(KpiRuleSet::read, b)),
        Arguments.of(
            "allocation policy",
            resource("/org/safeload/caseload/default.yaml"),
            (Target) b -> document(CaseloadPolicy::read, b)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readers")
  void everyMutatedInputIsReadOrRefusedWithItsProblems(String what, byte[] seed, Target reader)
      throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(ONLY.isEmpty() || ONLY.equals(what));
    long seedOfTarget = SEED ^ what.hashCode();
    System.out.println(
        "ReadersSurviveFuzzingTest " + what + ": seed " + seedOfTarget + ", " + INPUTS + " inputs");
    Random random = new Random(seedOfTarget);
    int refused = 0;
    for (int i = 0; i < INPUTS; i++) {
      byte[] input = Mutations.mutate(seed, random);
      List<FieldProblem> problems;
      try {
        problems = reader.read(input);
      } catch (Throwable t) {
        Path saved = save(what, seedOfTarget, i, input);
        throw new AssertionError(
            what + " input " + i + " (seed " + seedOfTarget + ", saved to " + saved + ") threw", t);
      }
      for (FieldProblem p : problems) {
        if (p == null
            || p.message() == null
            || p.message().isBlank()
            || p.field() == null
            || p.line() < 0) {
          Path saved = save(what, seedOfTarget, i, input);
          throw new AssertionError(
              what + " input " + i + " gave a bad problem " + p + ": " + saved);
        }
      }
      refused += problems.isEmpty() ? 0 : 1;
    }
    // The mutations must mostly break the file: otherwise they test nothing.
    assertThat(refused).as("inputs refused").isGreaterThan(INPUTS / 3);
  }

  private static Path save(String what, long seed, int index, byte[] input) {
    try {
      Path dir = Path.of("target", "fuzz-failures");
      Files.createDirectories(dir);
      Path file = dir.resolve(what.replaceAll("[^a-z]+", "-") + "-" + seed + "-" + index);
      Files.write(file, input);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ReadersSurviveFuzzingTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
