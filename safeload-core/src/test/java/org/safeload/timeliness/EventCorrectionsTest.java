package org.safeload.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.safeload.document.FieldProblem;

class EventCorrectionsTest {

  private static final String HEADER =
      "event_id,action,reason,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n";

  /** Stored: a visit V1 on case C1 (with a write-up W1 referring to it) and a meeting M1. */
  private static final Function<String, Optional<EventCsv.KnownEvent>> STORED =
      id ->
          switch (id) {
            case "V1" -> Optional.of(new EventCsv.KnownEvent(EventType.VISIT, "C1"));
            case "M1" -> Optional.of(new EventCsv.KnownEvent(EventType.MEETING, "C1"));
            default -> Optional.empty();
          };

  private static EventCorrections.Result read(String rows) {
    return EventCorrections.read(new StringReader(HEADER + rows), STORED);
  }

  @Test
  void aCorrectionCarriesTheNewValuesAndAWithdrawalNone() {
    EventCorrections.Result result =
        read(
            "V1,correct,Visit was on the 4th not the 3rd,2022-05-04T10:15,visit,C1,K1,W7,T1,seen,,\n"
                + "X9,withdraw,Entered twice,,,,,,,,,\n");

    assertThat(result.problems()).isEmpty();
    assertThat(result.corrections())
        .containsExactly(
            new EventCorrections.Correction(
                2, "V1", EventCorrections.Action.CORRECT, "Visit was on the 4th not the 3rd", 0),
            new EventCorrections.Correction(
                3, "X9", EventCorrections.Action.WITHDRAW, "Entered twice", -1));
    EventLog values = result.values().log();
    assertThat(values.size()).isEqualTo(1);
    assertThat(values.eventId(0)).isEqualTo("V1");
    assertThat(values.type(0)).isEqualTo(EventType.VISIT);
    assertThat(values.workers().get(values.workerOf(0))).isEqualTo("W7");
    // 10:15 in London on 4 May 2022 is 09:15 UTC (summer time).
    assertThat(values.at(0))
        .isEqualTo(LocalDateTime.of(2022, 5, 4, 9, 15).toEpochSecond(java.time.ZoneOffset.UTC));
  }

  @Test
  void everyBadRowIsReportedOnItsOwnLineAndNothingIsGiven() {
    EventCorrections.Result result =
        read(
            "V1,mend,,2022-05-04T10:15,visit,C1,K1,W7,T1,seen,,\n"
                + "M1,withdraw,Duplicate,2022-05-04T10:15,,,,,,,,\n"
                + "V1,withdraw,Twice,,,,,,,,,\n"
                + "Q1,correct,Wrong day,2022-13-04T10:15,visit,C1,K1,W7,T1,seen,,\n");

    assertThat(result.corrections()).isEmpty();
    assertThat(result.problems())
        .contains(
            new FieldProblem(2, "action", "Must be correct or withdraw (not \"mend\")"),
            new FieldProblem(2, "reason", "Enter why the event is corrected or withdrawn"),
            new FieldProblem(3, "occurred_at", "Leave empty when the event is withdrawn"),
            new FieldProblem(4, "event_id", "The event V1 is already corrected on line 2"))
        .anySatisfy(
            p -> {
              // The new values are checked by the event file's own rules, on the row's line.
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.field()).isEqualTo("occurred_at");
            });
    assertThat(result.problems()).extracting(FieldProblem::line).isSorted();
  }

  @Test
  void aCorrectedEventMayNotReferToAnEventWithdrawnInTheSameFile() {
    EventCorrections.Result result =
        read(
            "V1,withdraw,Never happened,,,,,,,,,\n"
                + "W1,correct,Write-up date,2022-05-05T09:00,visit-write-up,C1,K1,W7,T1,,V1,\n");

    assertThat(result.problems())
        .containsExactly(new FieldProblem(3, "ref", "No event V1 in the file or stored before"));
  }

  @Test
  void theReasonIsOneLineOfAtMostFiveHundredCharacters() {
    assertThat(read("V1,withdraw," + "a".repeat(500) + ",,,,,,,,,\n").problems()).isEmpty();
    assertThat(read("V1,withdraw," + "a".repeat(501) + ",,,,,,,,,\n").problems())
        .containsExactly(new FieldProblem(2, "reason", "Must be 500 characters or fewer"));
    assertThat(read("V1,withdraw,\"two\nlines\",,,,,,,,,\n").problems())
        .containsExactly(
            new FieldProblem(
                2, "reason", "Must be one line of text, without tabs or control characters"));
  }

  @Test
  void aFormsSingleRowFollowsTheSameRules() {
    Map<String, String> row =
        Map.of("event_id", "V1", "action", "withdraw", "reason", "", "detail", "seen");
    EventCorrections.Result result = EventCorrections.read(List.of(row), List.of(0), STORED);

    assertThat(result.problems())
        .containsExactly(
            new FieldProblem(0, "reason", "Enter why the event is corrected or withdrawn"),
            new FieldProblem(0, "detail", "Leave empty when the event is withdrawn"));
  }

  @Test
  void theDocumentedExampleCorrectsTheDocumentedEvents() throws Exception {
    java.nio.file.Path examples = java.nio.file.Path.of("..", "docs", "examples");
    EventCsv.Result events;
    try (var in = java.nio.file.Files.newBufferedReader(examples.resolve("events.csv"))) {
      events = EventCsv.read(in);
    }
    EventLog log = events.log();
    EventCorrections.Result result;
    try (var in = java.nio.file.Files.newBufferedReader(examples.resolve("corrections.csv"))) {
      result = EventCorrections.read(in, EventCsv.KnownEvent.in(log));
    }

    assertThat(result.problems()).isEmpty();
    assertThat(result.corrections())
        .extracting(EventCorrections.Correction::eventId, EventCorrections.Correction::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("e5", EventCorrections.Action.CORRECT),
            org.assertj.core.groups.Tuple.tuple("e14", EventCorrections.Action.WITHDRAW));
    // The visit kept its id, type and case (its write-up e6 refers to it); 14:00 in June is 13:00
    // UTC.
    EventLog values = result.values().log();
    assertThat(EventCorrections.values(values, 0, null))
        .containsExactly(
            "e5", "2022-06-10T14:00", "visit", "C1", "K1", "W1", "T5", "not-seen", "", "");
    assertThat(values.at(0))
        .isEqualTo(LocalDateTime.of(2022, 6, 10, 13, 0).toEpochSecond(java.time.ZoneOffset.UTC));
  }

  @Test
  void anEventsValuesGoToALineAndBack() {
    EventLog log = new EventLog();
    log.add(
        "D1",
        LocalDateTime.of(2022, 1, 10, 14, 30).toEpochSecond(java.time.ZoneOffset.UTC),
        EventType.DOCUMENT_SUBMITTED,
        "C1",
        "K1",
        "W7",
        null,
        "court, bundle \"final\"",
        -1,
        (int) java.time.LocalDate.of(2022, 1, 12).toEpochDay());

    List<String> values = EventCorrections.values(log, 0, null);
    String line = EventCorrections.line(values);

    // In January London keeps UTC.
    assertThat(values)
        .containsExactly(
            "D1",
            "2022-01-10T14:30",
            "document-submitted",
            "C1",
            "K1",
            "W7",
            "",
            "court, bundle \"final\"",
            "",
            "2022-01-12");
    assertThat(line)
        .isEqualTo(
            "D1,2022-01-10T14:30,document-submitted,C1,K1,W7,,\"court, bundle \"\"final\"\"\",,2022-01-12");
    assertThat(EventCorrections.values(line)).isEqualTo(values);
    assertThatThrownBy(() -> EventCorrections.values("only,three,values"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
