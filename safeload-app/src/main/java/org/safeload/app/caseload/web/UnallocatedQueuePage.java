package org.safeload.app.caseload.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of the unallocated queue (50 cases a page, oldest first) and its GOV.UK pagination:
 * "Showing 1 to 50 of 405", previous and next, the first, last and nearby page numbers with
 * ellipses between.
 *
 * @param number the page shown, from 1
 * @param pages how many pages there are (at least 1)
 * @param total how many cases in all
 * @param first the position of the first case shown (from 1; 0 when there are none)
 * @param last the position of the last case shown
 * @param path the page's path, with its other query parameters, to which {@code page=N} is added
 */
record UnallocatedQueuePage<T>(
    List<T> items, int number, int pages, int total, int first, int last, String path) {

  static final int SIZE = 50;

  /** A link in the pagination: a page number, or an ellipsis (number 0). */
  record Link(int number, boolean current) {
    public boolean ellipsis() {
      return number == 0;
    }
  }

  /**
   * The page asked for ({@code ?page=N}; the first when absent or not a number, the last when past
   * the end).
   */
  static <T> UnallocatedQueuePage<T> of(List<T> all, String page, String path) {
    int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
    int n = 1;
    if (page != null && page.strip().matches("\\d{1,9}")) {
      n = Math.min(pages, Math.max(1, Integer.parseInt(page.strip())));
    }
    int from = (n - 1) * SIZE;
    int to = Math.min(all.size(), from + SIZE);
    return new UnallocatedQueuePage<>(
        List.copyOf(all.subList(from, to)),
        n,
        pages,
        all.size(),
        all.isEmpty() ? 0 : from + 1,
        to,
        path);
  }

  public boolean hasPrevious() {
    return number > 1;
  }

  public boolean hasNext() {
    return number < pages;
  }

  /** The address of page {@code n}. */
  public String url(int n) {
    return UriComponentsBuilder.fromUriString(path)
        .replaceQueryParam("page", n)
        .build()
        .toUriString();
  }

  /** The first and last pages, the current one and its neighbours, with ellipses for the gaps. */
  public List<Link> links() {
    List<Link> links = new ArrayList<>();
    int previous = 0;
    for (int i = 1; i <= pages; i++) {
      if (i == 1 || i == pages || Math.abs(i - number) <= 1) {
        if (previous != 0 && i - previous > 1) {
          links.add(new Link(0, false));
        }
        links.add(new Link(i, i == number));
        previous = i;
      }
    }
    return links;
  }
}
