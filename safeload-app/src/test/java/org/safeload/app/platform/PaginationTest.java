package org.safeload.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every paged list's pagination: 50 a page, GOV.UK links with gaps, a page out of range. */
class PaginationTest {

  private static final List<Integer> ROWS = IntStream.rangeClosed(1, 405).boxed().toList();

  private static String href(int n) {
    return "/workers?page=" + n;
  }

  private static String links(Pagination p) {
    return String.join(
        " ",
        p.items().stream()
            .map(i -> i.gap() ? "…" : i.current() ? "[" + i.number() + "]" : "" + i.number())
            .toList());
  }

  @Test
  void theMiddleOfALongListShowsTheNeighboursAndBothEndsWithGaps() {
    // 405 rows, 50 a page: 9 pages (the last has 5); page 5 shows rows 201 to 250.
    Pagination p = Pagination.of(5, 50, 405, PaginationTest::href);
    assertThat(p.pages()).isEqualTo(9);
    assertThat(p.first()).isEqualTo(201);
    assertThat(p.last()).isEqualTo(250);
    assertThat(links(p)).isEqualTo("1 … 4 [5] 6 … 9");
    assertThat(p.previous()).isEqualTo("/workers?page=4");
    assertThat(p.next()).isEqualTo("/workers?page=6");
    assertThat(p.items().get(1).itemClass())
        .isEqualTo("govuk-pagination__item govuk-pagination__item--ellipses");
    assertThat(p.items().get(3).itemClass())
        .isEqualTo("govuk-pagination__item govuk-pagination__item--current");
  }

  @Test
  void theFirstAndLastPagesHaveNoLinkBeyondThem() {
    Pagination first = Pagination.of(1, 50, 405, PaginationTest::href);
    assertThat(first.previous()).isNull();
    assertThat(links(first)).isEqualTo("[1] 2 … 9");
    Pagination last = Pagination.of(9, 50, 405, PaginationTest::href);
    assertThat(last.next()).isNull();
    assertThat(last.first()).isEqualTo(401);
    assertThat(last.last()).isEqualTo(405);
    assertThat(links(last)).isEqualTo("1 … 8 [9]");
    assertThat(links(Pagination.of(2, 50, 405, PaginationTest::href))).isEqualTo("1 [2] 3 … 9");
  }

  @Test
  void aPageThatIsNotThereShowsTheNearestOne() {
    assertThat(Pagination.of(99, 50, 405, PaginationTest::href).page()).isEqualTo(9);
    assertThat(Pagination.of(0, 50, 405, PaginationTest::href).page()).isEqualTo(1);
    assertThat(Pagination.page("two")).isEqualTo(1);
    assertThat(Pagination.page(null)).isEqualTo(1);
    assertThat(Pagination.page(" 7 ")).isEqualTo(7);
    assertThat(Pagination.page("99999999999")).isEqualTo(1);
  }

  @Test
  void aShortListIsOnePageWithoutPaginationAndAnEmptyOneShowsNothing() {
    Pagination p = Pagination.of(1, 50, 45, PaginationTest::href);
    assertThat(p.several()).isFalse();
    assertThat(p.first()).isEqualTo(1);
    assertThat(p.last()).isEqualTo(45);
    Pagination none = Pagination.of(1, 50, 0, PaginationTest::href);
    assertThat(none.first()).isZero();
    assertThat(none.last()).isZero();
    assertThat(none.several()).isFalse();
  }

  @Test
  void aListInMemoryIsCutToThePageAskedFor() {
    Pagination.Paged<Integer> middle = Pagination.Paged.of(ROWS, 5, n -> "/q?page=" + n);
    assertThat(middle.rows()).hasSize(50).startsWith(201).endsWith(250);
    assertThat(middle.total()).isEqualTo(405);
    Pagination.Paged<Integer> last = Pagination.Paged.of(ROWS, 9, n -> "/q?page=" + n);
    assertThat(last.rows()).containsExactly(401, 402, 403, 404, 405);
    assertThat(Pagination.Paged.of(List.<Integer>of(), 1, n -> "/q").rows()).isEmpty();
  }
}
