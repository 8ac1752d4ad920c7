package org.safeload.app.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The GOV.UK pagination of the audit trail: "Showing 51 to 100 of 405", previous and next, and the
 * page numbers around the current one with ellipses for the gaps. (The same shape as the workers
 * list's, which lives in another module.)
 */
public record AuditPagination(
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

  public static AuditPagination of(int page, int size, int total, IntFunction<String> href) {
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
    return new AuditPagination(
        page,
        pages,
        total,
        first,
        last,
        page > 1 ? href.apply(page - 1) : null,
        page < pages ? href.apply(page + 1) : null,
        items);
  }

  public boolean several() {
    return pages > 1;
  }
}
