package org.safeload.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamHistoryTest {

  private static final LocalDate JOINED = LocalDate.of(2024, 1, 8);

  @Test
  void aMoveClosesTheCurrentTeamTheDayBeforeAndTheOldTeamIsStillKnown() {
    TeamHistory history =
        new TeamHistory(List.of(new Assignment(1, 10, JOINED, null)))
            .moveTo(1, 20, LocalDate.of(2025, 4, 1))
            .moveTo(1, 30, LocalDate.of(2025, 9, 1));

    assertThat(history.teamOn(LocalDate.of(2024, 1, 7))).isEmpty();
    assertThat(history.teamOn(JOINED)).contains(10L);
    assertThat(history.teamOn(LocalDate.of(2025, 3, 31))).contains(10L);
    assertThat(history.teamOn(LocalDate.of(2025, 4, 1))).contains(20L);
    assertThat(history.teamOn(LocalDate.of(2025, 8, 31))).contains(20L);
    assertThat(history.teamOn(LocalDate.of(2030, 1, 1))).contains(30L);
    assertThat(history.assignments())
        .extracting(Assignment::to)
        .containsExactly(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 8, 31), null);
  }

  @Test
  void aMoveMustComeAfterTheCurrentTeamBeganAndGoSomewhereElse() {
    TeamHistory history = new TeamHistory(List.of(new Assignment(1, 10, JOINED, null)));
    assertThatThrownBy(() -> history.moveTo(1, 20, JOINED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after 8 January 2024");
    assertThatThrownBy(() -> history.moveTo(1, 10, LocalDate.of(2025, 1, 1)))
        .hasMessageContaining("already in that team");
  }

  @Test
  void overlappingAssignmentsAreRefused() {
    assertThatThrownBy(
            () ->
                new TeamHistory(
                    List.of(
                        new Assignment(1, 10, JOINED, LocalDate.of(2024, 6, 1)),
                        new Assignment(1, 20, LocalDate.of(2024, 6, 1), null))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
