package org.safeload.app.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkersPaginationTest {

  private static String href(int n) {
    return "/workers?page=" + n;
  }

  @Test
  void theMiddleOfALongListShowsTheNeighboursAndBothEndsWithEllipses() {
    // 405 workers, 50 a page: 9 pages (the last has 5); page 5 shows rows 201 to 250.
    WorkersPagination p = WorkersPagination.of(5, 50, 405, WorkersPaginationTest::href);
    assertThat(p.pages()).isEqualTo(9);
    assertThat(p.first()).isEqualTo(201);
    assertThat(p.last()).isEqualTo(250);
    assertThat(p.items())
        .extracting(
            i ->
                i.number() == null ? "…" : (i.current() ? "[" + i.number() + "]" : "" + i.number()))
        .containsExactly("1", "…", "4", "[5]", "6", "…", "9");
    assertThat(p.previous()).isEqualTo("/workers?page=4");
    assertThat(p.next()).isEqualTo("/workers?page=6");
  }

  @Test
  void theFirstAndLastPagesHaveNoLinkBeyondThem() {
    WorkersPagination first = WorkersPagination.of(1, 50, 405, WorkersPaginationTest::href);
    assertThat(first.previous()).isNull();
    assertThat(first.items())
        .extracting(i -> i.number() == null ? 0 : i.number())
        .containsExactly(1, 2, 0, 9);
    WorkersPagination last = WorkersPagination.of(9, 50, 405, WorkersPaginationTest::href);
    assertThat(last.next()).isNull();
    assertThat(last.first()).isEqualTo(401);
    assertThat(last.last()).isEqualTo(405);
    assertThat(last.items())
        .extracting(i -> i.number() == null ? 0 : i.number())
        .containsExactly(1, 0, 8, 9);
  }

  @Test
  void aShortListIsOnePageWithoutPagination() {
    WorkersPagination p = WorkersPagination.of(1, 50, 45, WorkersPaginationTest::href);
    assertThat(p.several()).isFalse();
    assertThat(p.first()).isEqualTo(1);
    assertThat(p.last()).isEqualTo(45);
    WorkersPagination none = WorkersPagination.of(1, 50, 0, WorkersPaginationTest::href);
    assertThat(none.first()).isZero();
    assertThat(none.last()).isZero();
    assertThat(none.several()).isFalse();
  }
}
