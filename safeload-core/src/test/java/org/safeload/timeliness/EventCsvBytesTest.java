package org.safeload.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.document.FieldProblem;
import org.safeload.document.Ids;

/**
 * The byte reader against the reader it replaced ({@link LegacyEventCsv}, Commons CSV): the same
 * log, the same dictionaries in the same order, and the same problems on the same lines, whether
 * the file comes as a Reader, a stream, or a path read in many small runs on several threads.
 */
class EventCsvBytesTest {

  private static final String HEADER = String.join(",", EventCsv.HEADER) + "\n";
  private static final Function<String, Optional<EventCsv.KnownEvent>> NONE =
      id -> Optional.empty();

  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 8);
  }

  // -----------------------------------------------------------------------------------------------
  // Generated files, written in many ways

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aGeneratedFileReadsAsBefore(long seed) throws IOException {
    System.out.println("EventCsvBytesTest generated seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    List<String[]> rows = generated(seed, 40 + random.nextInt(60));
    if (random.nextBoolean()) {
      // Exported by time rather than by case.
      rows.sort((a, b) -> a[1].compareTo(b[1]));
    }
    String csv = written(rows, random, true);
    assertSameEverywhere(csv, "seed " + seed, NONE);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aFileWithMistakesHasTheSameProblemsOnTheSameLines(long seed) throws IOException {
    System.out.println("EventCsvBytesTest mistakes seed " + seed);
    SplittableRandom random = new SplittableRandom(seed * 7919 + 1);
    int refused = 0;
    int notCsv = 0;
    for (int round = 0; round < 12; round++) {
      List<String[]> rows = generated(seed * 100 + round, 6 + random.nextInt(10));
      for (int m = random.nextInt(-2, 5); m > 0; m--) {
        mistake(rows, random);
      }
      String csv = written(rows, random, random.nextInt(3) == 0);
      for (int m = random.nextInt(-3, 3); m > 0; m--) {
        csv = typo(csv, random);
      }
      EventCsv.Result result = assertSameEverywhere(csv, "seed " + seed + " round " + round, NONE);
      refused += result.log() == null ? 1 : 0;
      notCsv +=
          result.problems().stream().anyMatch(p -> p.message().contains("not valid CSV")) ? 1 : 0;
    }
    System.out.println("  12 files, " + refused + " refused, " + notCsv + " not valid CSV");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void refsToStoredEventsAreCheckedAsBeforeAndKept(long seed) throws IOException {
    System.out.println("EventCsvBytesTest stored refs seed " + seed);
    SplittableRandom random = new SplittableRandom(seed * 31 + 5);
    List<String[]> rows = generated(seed, 30);
    // Cut the file in two: the first part is "stored", the second refers to it.
    int cut = rows.size() / 2;
    Map<String, EventCsv.KnownEvent> stored = new java.util.HashMap<>();
    for (String[] r : rows.subList(0, cut)) {
      stored.put(r[0], new EventCsv.KnownEvent(EventType.fromCode(r[2]).orElseThrow(), r[3]));
    }
    List<String[]> second = new ArrayList<>(rows.subList(cut, rows.size()));
    if (random.nextBoolean() && !second.isEmpty()) {
      // A ref to a stored event of another type or case.
      String[] r = second.get(random.nextInt(second.size())).clone();
      r[0] = "X" + r[0];
      r[2] = "visit-write-up";
      r[7] = "";
      r[8] = rows.get(random.nextInt(cut))[0];
      second.add(r);
    }
    Function<String, Optional<EventCsv.KnownEvent>> known =
        id -> Optional.ofNullable(stored.get(id));
    String csv = written(second, random, false);
    assertSameEverywhere(csv, "seed " + seed, known);
    EventCsv.Result result = EventCsv.read(new StringReader(csv), known);
    if (result.problems().isEmpty()) {
      EventLog log = result.log();
      for (int row = 0; row < log.size(); row++) {
        String[] r = second.get(row);
        assertThat(result.eventId(row)).isEqualTo(r[0]);
        assertThat(result.refId(row)).isEqualTo(r[8].isEmpty() ? null : r[8]);
        assertThat(result.externalRefs().containsKey(row))
            .isEqualTo(stored.containsKey(r[8]) && log.columns().ref()[row] < 0);
      }
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Runs and their boundaries

  @Test
  void quotedLineBreaksAcrossRunsAreReadAgainInOrder() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 40; i++) {
      String detail = i % 3 == 0 ? "\"seen\"" : "seen";
      csv.append("v")
          .append(i)
          .append(",2024-03-01T09:00,visit,C")
          .append(i % 4)
          .append(",K")
          .append(i % 4)
          .append(",W1,T1,")
          .append(detail)
          .append(",,\n");
      // A note-like value with line breaks, quoted, in the ref of a visit: the row is refused, and
      // its lines must be counted.
      if (i % 7 == 0) {
        csv.append("bad")
            .append(i)
            .append(",2024-03-01T09:00,visit,C1,K1,W1,T1,seen,\"line one\r\nline two\nthree\",\n");
      }
      if (i % 5 == 0) {
        csv.append("\r\n   \n");
      }
    }
    assertSameEverywhere(csv.toString(), "quoted line breaks", NONE);
    EventCsv.Result runs = readPath(csv.toString(), 16, 3);
    assertThat(runs.problems()).extracting(FieldProblem::field).contains("ref");
  }

  @Test
  void everyWayOfEndingALineIsOneLine() throws IOException {
    String csv =
        HEADER.replace("\n", "\r\n")
            + "v1,2024-03-01T09:00,visit,C1,K1,W1,T1,seen,,\r"
            + "v2,2024-03-01T09:00,visit,C1,K1,W1,T1,maybe,,\r\n"
            + "\r\n"
            + "\r"
            + "v3,2024-03-01T09:00,visit,C1,K1,W1,T1,never,,\n"
            + "\n"
            + "v4,2024-03-01T09:00,visit,C1,K1,W1,T1,perhaps,,";
    for (int runBytes = 1; runBytes < 40; runBytes++) {
      EventCsv.Result result = readPath(csv, runBytes, 2);
      assertThat(result.problems())
          .as("runs of %d bytes", runBytes)
          .extracting(p -> p.line() + " " + p.field())
          .containsExactly("3 detail", "6 detail", "8 detail");
    }
    assertSameEverywhere(csv, "line ends", NONE);
  }

  @Test
  void aBomBlankLinesSpacesAndQuotesAreReadAsBefore() throws IOException {
    String csv =
        "\uFEFF"
            + HEADER
            + "\n"
            + "  v1 , 2024-03-01T09:00 ,\"visit\", C1,K1 ,W1,T1,\" seen \",,\n"
            + "   \n"
            + "w1,2024-03-02T09:00:30,visit-write-up,C1,K1,W1,T1,, \"v1\" ,\n"
            + "\"d1\",2024-03-02T09:00,document-submitted,C1,K1,W1,T1,\"a \"\"quoted\"\" name\",,"
            + " 2024-03-09\n"
            + "m1,2024-03-02T09:00,meeting,C1,K1,W1,T1,\u3000icpc\u2003,,\n";
    EventCsv.Result result = assertSameEverywhere(csv, "bom", NONE);
    assertThat(result.problems()).isEmpty();
    EventLog log = result.log();
    assertThat(log.size()).isEqualTo(4);
    assertThat(result.eventId(0)).isEqualTo("v1");
    assertThat(log.details().get(log.detailOf(2))).isEqualTo("a \"quoted\" name");
    assertThat(log.details().get(log.detailOf(3))).isEqualTo("icpc");
    assertThat(result.refId(1)).isEqualTo("v1");
    assertThat(log.at(1) - log.at(0)).isEqualTo(86_400 + 30);
  }

  @Test
  void aBrokenQuoteStopsTheFileAtItsLine() throws IOException {
    String good = "v%d,2024-03-01T09:00,visit,C1,K1,W1,T1,seen,,\n";
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 20; i++) {
      csv.append(good.formatted(i));
    }
    csv.append("v21,2024-03-01T09:00,visit,C1,K1,W1,T1,\"seen\"x,,\n");
    for (int i = 22; i <= 30; i++) {
      csv.append(good.formatted(i));
    }
    for (int runBytes : new int[] {7, 64, 1 << 20}) {
      EventCsv.Result result = readPath(csv.toString(), runBytes, 2);
      assertThat(result.problems()).hasSize(1);
      FieldProblem p = result.problems().getFirst();
      assertThat(p.line()).isEqualTo(22);
      assertThat(p.field()).isEqualTo("detail");
      assertThat(p.message()).startsWith("The file is not valid CSV: ");
    }
    String unclosed =
        HEADER + good.formatted(1) + "v2,2024-03-01T09:00,visit,C1,K1,W1,T1,\"seen,,\n";
    for (int runBytes : new int[] {5, 1 << 20}) {
      assertThat(readPath(unclosed, runBytes, 2).problems())
          .extracting(p -> p.line() + " " + p.field())
          .containsExactly("3 detail");
    }
  }

  @Test
  void idsOutsideTheRuleAndDueDatesOutsideTheCalendarAreProblemsOfTheirRow() throws IOException {
    String longId = "C" + "1".repeat(64);
    String csv =
        HEADER
            + "E1,2024-03-01T09:00,document-submitted,C1,K1,W1,T1,,,2045-01-01\n"
            + "E2,2024-03-01T09:00,referral,C/1,K1,,T1,,,\n"
            + "E3,2024-03-01T09:00,referral,C2,K\u0000,,T1,,,\n"
            + "E4,2024-03-01T09:00,referral,"
            + longId
            + ",K1,,T 1,,,\n"
            + "E5,2024-03-01T09:00,referral,C5,K5,,T1,,,\n";
    for (int runBytes : new int[] {7, 1 << 20}) {
      Path path = dir.resolve("ids.csv");
      Files.writeString(path, csv, StandardCharsets.UTF_8);
      EventCsv.Result result = EventCsv.read(path, NONE, runBytes, 2);
      assertThat(result.log()).isNull();
      assertThat(result.problems())
          .extracting(p -> p.line() + " " + p.field() + ": " + p.message())
          .containsExactly(
              "2 due_date: Must be between 2000 and 2040 (not 2045-01-01)",
              "3 case_id: Must be " + Ids.RULE + " (not \"C/1\")",
              "4 child_id: Must be " + Ids.RULE + " (not \"K?\")",
              "5 case_id: Must be " + Ids.RULE + " (not \"" + longId + "\")",
              "5 team_id: Must be " + Ids.RULE + " (not \"T 1\")");
    }
  }

  @Test
  void bytesThatAreNotUtf8AreAProblemOnTheirLine() throws IOException {
    byte[] bad = {(byte) 0xC3, (byte) 0x28};
    byte[] head =
        (HEADER + "v1,2024-03-01T09:00,visit,C1,K1,W1,T1,seen,,\n\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] row1 = "v2,2024-03-01T09:00,visit,C1,K1,W1,T1,se".getBytes(StandardCharsets.UTF_8);
    byte[] rest =
        ("en,,\nv3,2024-03-01T09:00,visit,C1,K1,W1,T1,not-seen,,\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] file = concat(head, row1, bad, rest);
    for (int runBytes : new int[] {3, 11, 1 << 20}) {
      Path path = dir.resolve("bad-utf8.csv");
      Files.write(path, file);
      EventCsv.Result result = EventCsv.read(path, NONE, runBytes, 3);
      assertThat(result.log()).isNull();
      assertThat(result.problems())
          .extracting(p -> p.line() + " " + p.field())
          .containsExactly("4 detail");
      assertThat(result.problems().getFirst().message()).contains("UTF-8");
    }
    EventCsv.Result stream = EventCsv.read(new ByteArrayInputStream(file), NONE);
    assertThat(stream.problems()).extracting(FieldProblem::line).containsExactly(4);
    // A lone continuation byte, an overlong form and a surrogate are not UTF-8 either.
    for (byte[] b :
        List.of(
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82})) {
      byte[] f =
          concat(
              head,
              "v2,2024-03-01T09:00,visit,C1,K1,W".getBytes(StandardCharsets.UTF_8),
              b,
              ",T1,seen,,\n".getBytes(StandardCharsets.UTF_8));
      assertThat(EventCsv.read(new ByteArrayInputStream(f), NONE).problems())
          .as(Arrays.toString(b))
          .extracting(p -> p.line() + " " + p.field())
          .containsExactly("4 worker_id");
    }
  }

  @Test
  void anEmptyFileAndABadHeaderAreReportedAsBefore() throws IOException {
    for (String csv :
        List.of(
            "",
            "\uFEFF",
            "   ",
            "\n" + HEADER,
            "event_id,occurred_at\n",
            HEADER.replace("ref", "ref,ref"),
            HEADER.replace("type", "kind"),
            HEADER.replace("type", "\"type\""),
            "\uFEFF\"event_id\"" + HEADER.substring(8),
            HEADER)) {
      assertSameEverywhere(csv, "header " + csv, NONE);
    }
  }

  @Test
  void datesAreReadExactlyAsJavaReadsThem() throws IOException {
    List<String> times =
        List.of(
            "2024-03-01T09:00",
            "2024-03-01t09:00",
            "2024-03-01T09:00:59",
            "2024-03-01T09:00:60",
            "2024-03-01T24:00",
            "2024-02-29T09:00",
            "2023-02-29T09:00",
            "2024-04-31T09:00",
            "2024-03-31T01:30",
            "2024-10-27T01:30",
            "2024-03-01T09:00:00.5",
            "2024-3-01T09:00",
            "+2024-03-01T09:00",
            "2040-12-31T23:59",
            "2041-01-01T00:00",
            "2000-01-01T00:00",
            "2024-13-01T09:00",
            "2024-00-01T09:00",
            "2024-03-00T09:00",
            "2024-03-01 09:00",
            "2024-03-01T9:00",
            "");
    List<String> dates =
        List.of("2024-03-09", "2024-02-30", "2023-02-29", "2024-3-9", "09/03/2024", "2024-03-09x");
    StringBuilder csv = new StringBuilder(HEADER);
    int i = 0;
    for (String t : times) {
      csv.append("e").append(i++).append(',').append(t).append(",visit,C1,K1,W1,T1,seen,,\n");
    }
    for (String d : dates) {
      csv.append("e")
          .append(i++)
          .append(",2024-03-01T09:00,document-submitted,C1,K1,W1,T1,,,")
          .append(d)
          .append('\n');
    }
    assertSameEverywhere(csv.toString(), "dates", NONE);
    // Good dates give the same instants as java.time, the clock changes included.
    StringBuilder ok = new StringBuilder(HEADER);
    SplittableRandom random = new SplittableRandom(3);
    List<String> values = new ArrayList<>();
    for (int k = 0; k < 2000; k++) {
      String t =
          LocalDate.of(2000, 1, 1)
              .plusDays(random.nextInt(41 * 365))
              .atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60))
              .toString();
      values.add(t);
      ok.append("e").append(k).append(',').append(t).append(",visit,C1,K1,W1,T1,seen,,\n");
    }
    EventLog log = readPath(ok.toString(), 1000, 2).log();
    for (int k = 0; k < values.size(); k++) {
      java.time.LocalDateTime t = java.time.LocalDateTime.parse(values.get(k));
      assertThat(log.at(k)).as(values.get(k)).isEqualTo(London.epochSecond(t));
      assertThat(log.day(k)).isEqualTo((int) t.toLocalDate().toEpochDay());
    }
  }

  @Test
  void warmingUpTheImportPathChangesNothingAReadGives() throws IOException {
    byte[] file = EventCsv.trainingFile();
    EventCsv.Result before = EventCsv.read(new ByteArrayInputStream(file), NONE);
    EventCsv.warmUp();
    EventCsv.warmUp();
    EventCsv.Result after = EventCsv.read(new ByteArrayInputStream(file), NONE);
    assertThat(after.log().size()).isEqualTo(before.log().size()).isEqualTo(80);
    for (int row = 0; row < 80; row++) {
      assertThat(after.eventId(row)).isEqualTo(before.eventId(row));
      assertThat(after.refId(row)).isEqualTo(before.refId(row));
      assertThat(after.log().at(row)).isEqualTo(before.log().at(row));
    }
  }

  @Test
  void theTrainingFileIsGoodAndHasEveryKindOfRow() throws IOException {
    EventCsv.Result result = EventCsv.read(new ByteArrayInputStream(EventCsv.trainingFile()), NONE);
    assertThat(result.problems()).isEmpty();
    EventLog log = result.log();
    java.util.Set<EventType> types = java.util.EnumSet.noneOf(EventType.class);
    int longest = 0;
    int refs = 0;
    for (int row = 0; row < log.size(); row++) {
      types.add(log.type(row));
      longest = Math.max(longest, result.eventId(row).length());
      refs += result.refId(row) != null ? 1 : 0;
    }
    assertThat(types).containsExactlyInAnyOrder(EventType.values());
    assertThat(longest).isGreaterThan(16);
    assertThat(refs).isGreaterThan(5);
  }

  @Test
  void dictionariesInternSlicesWithoutStringsAndAgreeWithStrings() {
    EventLog.Dictionary d = new EventLog.Dictionary();
    byte[] text = "xxC1yyK\u00e9zz".getBytes(StandardCharsets.UTF_8);
    assertThat(d.intern(text, 2, 2)).isEqualTo(0);
    assertThat(d.intern("C1")).isEqualTo(0);
    assertThat(d.intern("K\u00e9")).isEqualTo(1);
    assertThat(d.find(text, 6, 3)).isEqualTo(1);
    assertThat(d.intern(text, 0, 0)).isEqualTo(-1);
    assertThat(d.intern("\uD800")).isNotEqualTo(d.intern("?"));
    assertThat(d.get(2)).isEqualTo("\uD800");
    for (int i = 0; i < 5000; i++) {
      assertThat(d.intern("id-" + i)).isEqualTo(i + 4);
    }
    for (int i = 0; i < 5000; i++) {
      byte[] b = ("id-" + i).getBytes(StandardCharsets.UTF_8);
      assertThat(d.find(b, 0, b.length)).isEqualTo(i + 4);
      assertThat(d.get(i + 4)).isEqualTo("id-" + i);
    }
    assertThat(d.find("nope")).isEqualTo(-1);
    assertThat(d.size()).isEqualTo(5004);
  }

  // -----------------------------------------------------------------------------------------------
  // Helpers

  /** Reads csv every way and checks each against the old reader; answers the Reader's result. */
  private EventCsv.Result assertSameEverywhere(
      String csv, String what, Function<String, Optional<EventCsv.KnownEvent>> known)
      throws IOException {
    LegacyEventCsv.Result old;
    try {
      old = LegacyEventCsv.read(new StringReader(csv), known);
    } catch (RuntimeException e) {
      // The old reader failed on some dates before 2000 (an index out of bounds): nothing to
      // compare with.
      return EventCsv.read(new StringReader(csv), known);
    }
    EventCsv.Result reader = EventCsv.read(new StringReader(csv), known);
    List<EventCsv.Result> all = new ArrayList<>();
    all.add(reader);
    all.add(EventCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), known));
    all.add(EventCsv.read(new TrickleStream(csv.getBytes(StandardCharsets.UTF_8)), known));
    // Runs as small as a byte for small files; a few hundred runs for the larger ones.
    int least = csv.length() / 300;
    for (int runBytes : new int[] {1, 2, 5, 13, 64, 1 << 20}) {
      int bytes = Math.max(runBytes, least + runBytes);
      all.add(readPath(csv, bytes, runBytes % 2 == 0 ? 2 : 3, known));
    }
    for (int k = 0; k < all.size(); k++) {
      EventCsv.Result now = all.get(k);
      String as = what + " (way " + k + ")\n" + csv;
      assertSameProblems(old.problems(), now.problems(), as);
      if (old.log() == null) {
        assertThat(now.log()).as(as).isNull();
      } else {
        assertSameLog(old.log(), now.log(), as);
      }
    }
    return reader;
  }

  private EventCsv.Result readPath(String csv, int runBytes, int threads) throws IOException {
    return readPath(csv, runBytes, threads, NONE);
  }

  private EventCsv.Result readPath(
      String csv, int runBytes, int threads, Function<String, Optional<EventCsv.KnownEvent>> known)
      throws IOException {
    Path file = Files.createTempFile(dir, "events", ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return EventCsv.read(file, known, runBytes, threads);
  }

  private static void assertSameProblems(
      List<FieldProblem> expected, List<FieldProblem> actual, String as) {
    // The old reader put a CSV syntax error on line 0 in Commons CSV's words; the new one names
    // the line and the field in its own.
    List<FieldProblem> oldRest =
        expected.stream()
            .filter(p -> !p.message().startsWith("The file is not valid CSV"))
            .toList();
    List<FieldProblem> newRest =
        actual.stream().filter(p -> !p.message().startsWith("The file is not valid CSV")).toList();
    assertThat(newRest).as(as).containsExactlyElementsOf(oldRest);
    assertThat(actual.size() - newRest.size()).as(as).isEqualTo(expected.size() - oldRest.size());
  }

  private static void assertSameLog(EventLog expected, EventLog actual, String as) {
    assertThat(actual).as(as).isNotNull();
    assertThat(actual.size()).as(as).isEqualTo(expected.size());
    EventLog.Columns e = expected.columns();
    EventLog.Columns a = actual.columns();
    int n = expected.size();
    assertThat(Arrays.copyOf(a.at(), n)).as(as).isEqualTo(Arrays.copyOf(e.at(), n));
    assertThat(Arrays.copyOf(a.day(), n)).as(as).isEqualTo(Arrays.copyOf(e.day(), n));
    assertThat(Arrays.copyOf(a.type(), n)).as(as).isEqualTo(Arrays.copyOf(e.type(), n));
    assertThat(Arrays.copyOf(a.caseOf(), n)).as(as).isEqualTo(Arrays.copyOf(e.caseOf(), n));
    assertThat(Arrays.copyOf(a.workerOf(), n)).as(as).isEqualTo(Arrays.copyOf(e.workerOf(), n));
    assertThat(Arrays.copyOf(a.teamOf(), n)).as(as).isEqualTo(Arrays.copyOf(e.teamOf(), n));
    assertThat(Arrays.copyOf(a.detail(), n)).as(as).isEqualTo(Arrays.copyOf(e.detail(), n));
    assertThat(Arrays.copyOf(a.ref(), n)).as(as).isEqualTo(Arrays.copyOf(e.ref(), n));
    assertThat(Arrays.copyOf(a.due(), n)).as(as).isEqualTo(Arrays.copyOf(e.due(), n));
    for (int row = 0; row < n; row++) {
      assertThat(actual.childOf(row)).as(as).isEqualTo(expected.childOf(row));
    }
    assertSameValues(expected.eventIds(), actual.eventIds(), as);
    assertSameValues(expected.cases(), actual.cases(), as);
    assertSameValues(expected.children(), actual.children(), as);
    assertSameValues(expected.workers(), actual.workers(), as);
    assertSameValues(expected.teams(), actual.teams(), as);
    assertSameValues(expected.details(), actual.details(), as);
  }

  private static void assertSameValues(
      EventLog.Dictionary expected, EventLog.Dictionary actual, String as) {
    assertThat(actual.size()).as(as).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as(as).isEqualTo(expected.get(i));
    }
  }

  /** A generated log's rows as the file's values. */
  private static List<String[]> generated(long seed, int children) {
    List<String[]> rows = new ArrayList<>();
    new EventGenerator(
            WorkingCalendar.englandAndWales(), seed, children, 3, LocalDate.of(2024, 1, 1))
        .generate(
            (id, at, type, caseId, child, worker, team, detail, ref, due) ->
                rows.add(
                    new String[] {
                      id,
                      at.toString(),
                      type.code(),
                      caseId,
                      child,
                      worker,
                      team,
                      detail,
                      ref,
                      due == null ? "" : due.toString()
                    }));
    return rows;
  }

  /** The rows as a file: with or without a BOM, CRLF, spaces, quotes and blank lines. */
  private static String written(List<String[]> rows, SplittableRandom random, boolean fancy) {
    String end = fancy && random.nextBoolean() ? "\r\n" : "\n";
    StringBuilder csv = new StringBuilder();
    if (fancy && random.nextInt(4) == 0) {
      csv.append('\uFEFF');
    }
    csv.append(String.join(",", EventCsv.HEADER)).append(end);
    for (String[] row : rows) {
      if (fancy && random.nextInt(20) == 0) {
        csv.append(random.nextBoolean() ? "" : "  \t").append(end);
      }
      for (int k = 0; k < row.length; k++) {
        if (k > 0) {
          csv.append(',');
        }
        String v = row[k] == null ? "" : row[k];
        int how = fancy ? random.nextInt(12) : 0;
        switch (how) {
          case 1 -> csv.append('"').append(v.replace("\"", "\"\"")).append('"');
          case 2 -> csv.append(' ').append(v).append("  ");
          case 3 -> csv.append(" \"").append(v.replace("\"", "\"\"")).append("\" ");
          default -> csv.append(v);
        }
      }
      csv.append(end);
    }
    if (fancy && random.nextBoolean()) {
      csv.setLength(csv.length() - end.length()); // no line end after the last row
    }
    return csv.toString();
  }

  /** One mistake a person (or a spreadsheet) makes in a row. */
  private static void mistake(List<String[]> rows, SplittableRandom random) {
    if (rows.isEmpty()) {
      return;
    }
    int i = random.nextInt(rows.size());
    String[] row = rows.get(i);
    switch (random.nextInt(14)) {
      case 0 -> rows.add(random.nextInt(rows.size() + 1), row.clone()); // a repeated id
      case 1 -> row[1] = "01/03/2024 09:00";
      case 2 -> row[1] = "1999-12-31T23:30";
      case 3 -> row[2] = random.nextBoolean() ? "phone-call" : "";
      case 4 -> row[random.nextInt(3, 8)] = "";
      case 5 -> row[7] = random.nextBoolean() ? "maybe" : "h\u00f4me, \"visit\"";
      case 6 -> row[8] = "E" + random.nextInt(1000);
      case 7 -> row[9] = random.nextBoolean() ? "soon" : "2024-02-30";
      case 8 -> row[0] = "";
      case 9 -> rows.set(i, Arrays.copyOf(row, random.nextInt(1, 12)));
      case 10 -> row[3] = row[3] + "\nsecond line";
      case 11 -> row[8] = rows.get(random.nextInt(rows.size()))[0];
      case 12 -> rows.remove(i);
      default -> row[random.nextInt(row.length)] = " \u3000" + row[random.nextInt(row.length)];
    }
  }

  /** A character put in, or taken out, anywhere after the header. */
  private static String typo(String csv, SplittableRandom random) {
    int from = csv.indexOf('\n') + 1;
    if (from >= csv.length()) {
      return csv;
    }
    int at = random.nextInt(from, csv.length());
    if (random.nextInt(3) == 0) {
      // A quote at the start of a value: opens a quoted value, closed by the next quote if any.
      int comma = csv.indexOf(',', at);
      return comma < 0 ? csv : csv.substring(0, comma + 1) + '"' + csv.substring(comma + 1);
    }
    String chars = ",\"\n\r x9-";
    return random.nextBoolean()
        ? csv.substring(0, at) + chars.charAt(random.nextInt(chars.length())) + csv.substring(at)
        : csv.substring(0, at) + csv.substring(at + 1);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  /** A stream that gives a few bytes at a time, as a slow network would. */
  private static final class TrickleStream extends InputStream {
    private final byte[] bytes;
    private int at;

    TrickleStream(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] to, int offset, int length) {
      if (at >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(length, 3), bytes.length - at);
      System.arraycopy(bytes, at, to, offset, n);
      at += n;
      return n;
    }
  }
}
