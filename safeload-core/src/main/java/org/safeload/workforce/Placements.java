package org.safeload.workforce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Supplier placements' figures (docs/workforce.md, "Supplier placements"): requested, filled and
 * open; filled directly by the supplier or brokered from other agencies; and the time to fill in
 * calendar days (median and mean of the filled ones, to 1 dp half up, null when none is filled),
 * for all and by supplier.
 */
public final class Placements {

  private Placements() {}

  /**
   * One group's figures.
   *
   * @param brokeredFrom how many different agencies the brokered placements came from
   */
  public record Figures(
      int requested,
      int filled,
      int open,
      int direct,
      int brokered,
      int brokeredFrom,
      BigDecimal medianDaysToFill,
      BigDecimal meanDaysToFill) {}

  /** A supplier's figures. */
  public record Supplier(String supplier, Figures figures) {}

  /** Every placement's figures, and each supplier's, by name (ignoring case, first spelling). */
  public record Summary(Figures all, List<Supplier> bySupplier) {}

  public static Summary summary(Collection<SupplierPlacement> placements) {
    Map<String, List<SupplierPlacement>> bySupplier = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (SupplierPlacement p : placements) {
      bySupplier.computeIfAbsent(p.supplier(), k -> new ArrayList<>()).add(p);
    }
    List<Supplier> suppliers = new ArrayList<>();
    bySupplier.forEach(
        (name, list) -> suppliers.add(new Supplier(list.getFirst().supplier(), figures(list))));
    return new Summary(figures(placements), suppliers);
  }

  public static Figures figures(Collection<SupplierPlacement> placements) {
    int filled = 0;
    int direct = 0;
    int brokered = 0;
    Set<String> agencies = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    List<Long> days = new ArrayList<>();
    for (SupplierPlacement p : placements) {
      if (p.open()) {
        continue;
      }
      filled++;
      days.add(p.daysToFill());
      if (p.direct()) {
        direct++;
      } else {
        brokered++;
        agencies.add(p.brokeredFrom());
      }
    }
    return new Figures(
        placements.size(),
        filled,
        placements.size() - filled,
        direct,
        brokered,
        agencies.size(),
        median(days),
        mean(days));
  }

  /** The middle value (the mean of the two middle ones for an even count), 1 dp; null if none. */
  static BigDecimal median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    BigDecimal middle =
        n % 2 == 1
            ? BigDecimal.valueOf(sorted.get(n / 2))
            : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2))
                .divide(BigDecimal.TWO, 1, RoundingMode.HALF_UP);
    return middle.setScale(1, RoundingMode.HALF_UP);
  }

  static BigDecimal mean(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    long sum = values.stream().mapToLong(Long::longValue).sum();
    return BigDecimal.valueOf(sum)
        .divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
  }
}
