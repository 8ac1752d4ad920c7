package org.safeload.app.timeliness.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One page of the overdue and due-soon list, and the GOV.UK pagination around it: 50 rows a page,
 * "Showing 51 to 100 of 405", the first, last and neighbouring page numbers with gaps between, and
 * previous and next links. Each link is made by the caller, so it keeps the list's filters.
 *
 * @param rows the rows on this page
 * @param page this page's number, from 1
 * @param pages how many pages there are (at least 1)
 * @param total how many rows the whole list has
 * @param from the number of this page's first row (0 when the list is empty)
 * @param to the number of this page's last row
 * @param links the page numbers to show, in order, with {@code null} for a gap
 */
public record KpiItemsPage<T>(
    List<T> rows,
    int page,
    int pages,
    int total,
    int from,
    int to,
    List<Link> links,
    String previous,
    String next) {

  public static final int SIZE = 50;

  /** A page number and where it leads; a gap ("…") when {@code number} is 0. */
  public record Link(int number, String href, boolean current) {
    public boolean gap() {
      return number == 0;
    }

    /** The GOV.UK classes of its list item (written here: templates read "__" specially). */
    public String itemClass() {
      return "govuk-pagination__item"
          + (gap()
              ? " govuk-pagination__item--ellipses"
              : current ? " govuk-pagination__item--current" : "");
    }
  }

  /**
   * The page asked for (a number past the end shows the last page, one before the start the first).
   *
   * @param href the link to a page by its number
   */
  public static <T> KpiItemsPage<T> of(List<T> all, int asked, IntFunction<String> href) {
    int total = all.size();
    int pages = Math.max(1, (total + SIZE - 1) / SIZE);
    int page = Math.min(Math.max(asked, 1), pages);
    int fromIndex = (page - 1) * SIZE;
    int toIndex = Math.min(fromIndex + SIZE, total);
    List<Link> links = new ArrayList<>();
    if (pages > 1) {
      int last = 0;
      for (int n = 1; n <= pages; n++) {
        if (n == 1 || n == pages || Math.abs(n - page) <= 1) {
          if (last != 0 && n - last > 1) {
            links.add(new Link(0, null, false));
          }
          links.add(new Link(n, href.apply(n), n == page));
          last = n;
        }
      }
    }
    return new KpiItemsPage<>(
        List.copyOf(all.subList(fromIndex, toIndex)),
        page,
        pages,
        total,
        total == 0 ? 0 : fromIndex + 1,
        toIndex,
        List.copyOf(links),
        page > 1 ? href.apply(page - 1) : null,
        page < pages ? href.apply(page + 1) : null);
  }

  /** Whether the list needs page links at all. */
  public boolean paged() {
    return pages > 1;
  }
}
