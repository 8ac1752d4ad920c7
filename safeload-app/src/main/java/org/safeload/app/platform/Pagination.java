package org.safeload.app.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The GOV.UK pagination of a list, for every paged list: "Showing 51 to 100 of 405", previous and
 * next links, and the first, last and neighbouring page numbers with a gap ("…") between. Links are
 * made by the caller, so they keep the list's filters. Drawn with {@code fragments :: showing(p,
 * one, many)} and {@code fragments :: pagination(p)}.
 *
 * @param page the page shown, from 1
 * @param pages how many pages there are (at least 1)
 * @param total how many rows the whole list has
 * @param first the position of the first row shown (from 1; 0 when the list is empty)
 * @param last the position of the last row shown
 * @param items the page links, a gap where {@code number} is null
 */
public record Pagination(
    int page,
    int pages,
    int total,
    int first,
    int last,
    String previous,
    String next,
    List<Link> items) {

  /** Rows a page, unless a list says otherwise. */
  public static final int SIZE = 50;

  /** A page link, or a gap when {@code number} is null. */
  public record Link(Integer number, String href, boolean current) {
    public boolean gap() {
      return number == null;
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
   * The pagination for the page asked for: a page past the end shows the last, one before the start
   * the first.
   *
   * @param href the address of a page by its number, with the list's filters
   */
  public static Pagination of(int asked, int size, int total, IntFunction<String> href) {
    int pages = pages(size, total);
    int page = within(asked, size, total);
    int first = total == 0 ? 0 : (page - 1) * size + 1;
    int last = Math.min(total, page * size);
    List<Link> items = new ArrayList<>();
    int shown = 0;
    for (int n = 1; n <= pages; n++) {
      if (n == 1 || n == pages || Math.abs(n - page) <= 1) {
        if (shown != 0 && n - shown > 1) {
          items.add(new Link(null, null, false));
        }
        items.add(new Link(n, href.apply(n), n == page));
        shown = n;
      }
    }
    return new Pagination(
        page,
        pages,
        total,
        first,
        last,
        page > 1 ? href.apply(page - 1) : null,
        page < pages ? href.apply(page + 1) : null,
        List.copyOf(items));
  }

  /** How many pages {@code total} rows make, {@code size} a page (at least 1). */
  public static int pages(int size, int total) {
    return Math.max(1, (total + size - 1) / size);
  }

  /**
   * The page to show for the one asked for: a page past the end is the last, one before the start
   * the first. For lists paged in the database, before asking it for the rows.
   */
  public static int within(int asked, int size, int total) {
    return Math.min(Math.max(asked, 1), pages(size, total));
  }

  /** The page number in a {@code ?page=} parameter: 1 when absent or not a number. */
  public static int page(String text) {
    if (text == null || !text.strip().matches("\\d{1,9}")) {
      return 1;
    }
    return Integer.parseInt(text.strip());
  }

  /**
   * The address of a page of a filtered list: the path, the filters that are set, and the page
   * number when it is not the first.
   */
  public static String href(String path, java.util.Map<String, String> filters, int page) {
    org.springframework.web.util.UriComponentsBuilder uri =
        org.springframework.web.util.UriComponentsBuilder.fromPath(path);
    filters.forEach(
        (name, value) -> {
          if (value != null && !value.isEmpty()) {
            uri.queryParam(name, value);
          }
        });
    if (page > 1) {
      uri.queryParam("page", page);
    }
    return uri.encode().build().toUriString();
  }

  /** Whether there is more than one page (otherwise no pagination is shown). */
  public boolean several() {
    return pages > 1;
  }

  /** A page of a list held in memory, with its pagination. */
  public record Paged<T>(List<T> rows, Pagination pagination) {

    /** The page asked for of the whole list, {@link #SIZE} rows a page. */
    public static <T> Paged<T> of(List<T> all, int asked, IntFunction<String> href) {
      Pagination p = Pagination.of(asked, SIZE, all.size(), href);
      int from = Math.max(0, p.first() - 1);
      return new Paged<>(List.copyOf(all.subList(from, p.last())), p);
    }

    public int total() {
      return pagination.total();
    }
  }
}
