package org.safeload.app.platform;

import java.util.List;

/**
 * One page of a list the API answers: the rows, the page asked for, its size, and how many rows and
 * pages the whole list has, so a client can walk it without ever receiving it whole.
 */
public record ApiPage<T>(List<T> items, int page, int size, int total, int pages) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  /**
   * The page asked for (1 when none), of {@code size} rows (50 when none, at most 500); a page past
   * the end is empty.
   *
   * @throws InvalidInputException naming {@code page} or {@code size} when out of range
   */
  public static <T> ApiPage<T> of(List<T> all, Integer page, Integer size) {
    int p = page == null ? 1 : page;
    int s = size == null ? DEFAULT_SIZE : size;
    if (p < 1) {
      throw new InvalidInputException("page", "page must be 1 or more");
    }
    if (s < 1 || s > MAX_SIZE) {
      throw new InvalidInputException("size", "size must be from 1 to " + MAX_SIZE);
    }
    int total = all.size();
    int from = (int) Math.min((long) (p - 1) * s, total);
    int to = Math.min(from + s, total);
    return new ApiPage<>(
        List.copyOf(all.subList(from, to)), p, s, total, Math.max(1, (total + s - 1) / s));
  }
}
