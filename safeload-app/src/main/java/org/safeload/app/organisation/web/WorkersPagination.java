package org.safeload.app.organisation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The GOV.UK pagination of a list: "Showing 51 to 100 of 405", previous and next links, and the
 * page numbers around the current one with ellipses for the gaps (1 … 4 5 6 … 9).
 *
 * @param first the number of the first row shown (0 when there are none)
 * @param last the number of the last row shown
 * @param items the page links, an item without a number being an ellipsis
 */
public record WorkersPagination(
    int page,
    int pages,
    int total,
    int first,
    int last,
    String previous,
    String next,
    List<Item> items) {

  /** A page link, or an ellipsis when {@code number} is null. */
  public record Item(Integer number, String href, boolean current) {}

  /**
   * @param page the page shown, from 1
   * @param href the address of a page, with the list's filters
   */
  public static WorkersPagination of(int page, int size, int total, IntFunction<String> href) {
    int pages = Math.max(1, (total + size - 1) / size);
    int first = total == 0 ? 0 : (page - 1) * size + 1;
    int last = Math.min(total, page * size);
    List<Item> items = new ArrayList<>();
    Integer previousShown = null;
    for (int n = 1; n <= pages; n++) {
      if (n == 1 || n == pages || Math.abs(n - page) <= 1) {
        if (previousShown != null && n - previousShown > 1) {
          items.add(new Item(null, null, false));
        }
        items.add(new Item(n, href.apply(n), n == page));
        previousShown = n;
      }
    }
    return new WorkersPagination(
        page,
        pages,
        total,
        first,
        last,
        page > 1 ? href.apply(page - 1) : null,
        page < pages ? href.apply(page + 1) : null,
        items);
  }

  /** Whether there is more than one page (otherwise no pagination is shown). */
  public boolean several() {
    return pages > 1;
  }
}
