package org.safeload.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkerStatusTest {

  private static WorkerDetails worker(String start, String end) {
    return new WorkerDetails(
        "Ada",
        Role.BUSINESS_SUPPORT,
        EmploymentType.PERMANENT,
        BigDecimal.ONE,
        LocalDate.parse(start),
        end == null ? null : LocalDate.parse(end),
        null,
        null,
        null);
  }

  @Test
  void aWorkerIsCurrentFromTheirFirstDayToTheirLastWorkingDay() {
    WorkerDetails leaving = worker("2024-01-08", "2026-06-30");
    assertThat(WorkerStatus.of(leaving, LocalDate.of(2024, 1, 7)))
        .isEqualTo(WorkerStatus.FUTURE_STARTER);
    assertThat(WorkerStatus.of(leaving, LocalDate.of(2024, 1, 8))).isEqualTo(WorkerStatus.CURRENT);
    assertThat(WorkerStatus.of(leaving, LocalDate.of(2026, 6, 30))).isEqualTo(WorkerStatus.CURRENT);
    assertThat(WorkerStatus.of(leaving, LocalDate.of(2026, 7, 1))).isEqualTo(WorkerStatus.LEAVER);
    assertThat(WorkerStatus.of(worker("2024-01-08", null), LocalDate.of(2040, 1, 1)))
        .isEqualTo(WorkerStatus.CURRENT);
  }

  @Test
  void theTeamDateIsTheStartOfAFutureStarterAndTheLastDayOfALeaver() {
    LocalDate today = LocalDate.of(2026, 11, 24);
    assertThat(WorkerStatus.teamDate(worker("2026-12-01", null), today))
        .isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(WorkerStatus.teamDate(worker("2024-01-08", "2026-06-30"), today))
        .isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(WorkerStatus.teamDate(worker("2024-01-08", "2026-12-31"), today)).isEqualTo(today);
  }

  @Test
  void statusesHaveCodesForTheAddressBarAndWordsForPages() {
    assertThat(WorkerStatus.fromCode("future-starter")).contains(WorkerStatus.FUTURE_STARTER);
    assertThat(WorkerStatus.fromCode("left")).isEmpty();
    assertThat(WorkerStatus.LEAVER.label()).isEqualTo("Leaver");
  }
}
