package org.safeload.app.timeliness;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * A read-only list whose elements are made as they are read: a dashboard can list tens of thousands
 * of overdue items, of which a page shows 50.
 */
final class LazyList<T> extends AbstractList<T> implements RandomAccess {

  private final int size;
  private final IntFunction<T> make;

  private LazyList(int size, IntFunction<T> make) {
    this.size = size;
    this.make = make;
  }

  /** The list whose element i is {@code make.apply(rows[i])}. */
  static <T> List<T> of(int[] rows, IntFunction<T> make) {
    return new LazyList<>(rows.length, i -> make.apply(rows[i]));
  }

  /** One list, then the other, without copying either. */
  static <T> List<T> concat(List<T> first, List<T> second) {
    int n = first.size();
    return new LazyList<>(n + second.size(), i -> i < n ? first.get(i) : second.get(i - n));
  }

  @Override
  public T get(int index) {
    Objects.checkIndex(index, size);
    return make.apply(index);
  }

  @Override
  public int size() {
    return size;
  }
}
