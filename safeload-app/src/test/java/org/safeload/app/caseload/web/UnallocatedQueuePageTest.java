package org.safeload.app.caseload.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The unallocated queue in pages of 50, with GOV.UK pagination. */
class UnallocatedQueuePageTest {

  private static final List<Integer> QUEUE = IntStream.rangeClosed(1, 405).boxed().toList();

  private static String links(UnallocatedQueuePage<?> p) {
    return String.join(
        " ",
        p.links().stream()
            .map(l -> l.ellipsis() ? "…" : l.current() ? "[" + l.number() + "]" : "" + l.number())
            .toList());
  }

  @Test
  void theFirstPageHoldsTheOldestFifty() {
    UnallocatedQueuePage<Integer> p =
        UnallocatedQueuePage.of(QUEUE, null, "/caseloads/unallocated");
    // 405 cases: 8 pages of 50 and one of 5
    assertThat(p.pages()).isEqualTo(9);
    assertThat(p.items()).hasSize(50).startsWith(1).endsWith(50);
    assertThat(p.first()).isEqualTo(1);
    assertThat(p.last()).isEqualTo(50);
    assertThat(p.total()).isEqualTo(405);
    assertThat(p.hasPrevious()).isFalse();
    assertThat(p.hasNext()).isTrue();
    assertThat(links(p)).isEqualTo("[1] 2 … 9");
    assertThat(p.url(2)).isEqualTo("/caseloads/unallocated?page=2");
  }

  @Test
  void aMiddlePageShowsItsNeighboursAndBothEnds() {
    UnallocatedQueuePage<Integer> p =
        UnallocatedQueuePage.of(QUEUE, "5", "/caseloads/unallocated?on=24/11/2026");
    assertThat(p.items()).startsWith(201).endsWith(250);
    assertThat(p.first()).isEqualTo(201);
    assertThat(p.last()).isEqualTo(250);
    assertThat(links(p)).isEqualTo("1 … 4 [5] 6 … 9");
    assertThat(p.url(6)).isEqualTo("/caseloads/unallocated?on=24/11/2026&page=6");
  }

  @Test
  void theLastPageHoldsWhatIsLeft() {
    UnallocatedQueuePage<Integer> p = UnallocatedQueuePage.of(QUEUE, "9", "/q");
    assertThat(p.items()).containsExactly(401, 402, 403, 404, 405);
    assertThat(p.first()).isEqualTo(401);
    assertThat(p.last()).isEqualTo(405);
    assertThat(p.hasNext()).isFalse();
    assertThat(links(p)).isEqualTo("1 … 8 [9]");
    assertThat(UnallocatedQueuePage.of(QUEUE, "2", "/q").links())
        .extracting(UnallocatedQueuePage.Link::number)
        .containsExactly(1, 2, 3, 0, 9);
  }

  @Test
  void aPageThatIsNotThereShowsTheNearestOne() {
    assertThat(UnallocatedQueuePage.of(QUEUE, "99", "/q").number()).isEqualTo(9);
    assertThat(UnallocatedQueuePage.of(QUEUE, "0", "/q").number()).isEqualTo(1);
    assertThat(UnallocatedQueuePage.of(QUEUE, "two", "/q").number()).isEqualTo(1);
  }

  @Test
  void aShortQueueIsOnePageAndAnEmptyOneShowsNothing() {
    UnallocatedQueuePage<Integer> p = UnallocatedQueuePage.of(QUEUE.subList(0, 50), null, "/q");
    assertThat(p.pages()).isEqualTo(1);
    assertThat(links(p)).isEqualTo("[1]");
    UnallocatedQueuePage<Integer> none = UnallocatedQueuePage.of(List.of(), null, "/q");
    assertThat(none.pages()).isEqualTo(1);
    assertThat(none.first()).isZero();
    assertThat(none.last()).isZero();
    assertThat(none.items()).isEmpty();
  }
}
