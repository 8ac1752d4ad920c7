package org.safeload.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Role;

/**
 * Supplier placements: DOMAIN.md's corporate agency, which supplied 17 social workers in six
 * months, 7 directly and 10 brokered from 7 other agencies, with times to fill chosen by hand.
 */
class PlacementsTest {

  private static final LocalDate ASKED = LocalDate.of(2022, 1, 4);

  private static SupplierPlacement placement(String supplier, String from, Integer days) {
    return new SupplierPlacement(
        supplier, from, Role.SOCIAL_WORKER, ASKED, days == null ? null : ASKED.plusDays(days));
  }

  /**
   * Directly: 7, 10, 14, 14, 21, 28, 35 days (129). Brokered: 12 and 18 from agency 1, 20 and 25
   * from 2, 30 from 3 and from 4, 40, 42, 45 from 1, 5 and 6, 60 from 7: 322. All 17 sorted: 7, 10,
   * 12, 14, 14, 18, 20, 21, <b>25</b>, 28, 30, 30, 35, 40, 42, 45, 60: median 25; mean 451 / 17 =
   * 26.53 → 26.5. One request is still open. A neutral vendor filled two directly in 10 and 15
   * days: median and mean 12.5. Everything: 19 filled, median the 10th of 7, 10, 10, 12, 14, 14,
   * 15, 18, 20, 21, … = 21; mean 476 / 19 = 25.05 → 25.1.
   */
  @Test
  void seventeenPlacedSevenDirectlyTenBrokeredFromSevenAgencies() {
    List<SupplierPlacement> placements = new ArrayList<>();
    for (int days : new int[] {7, 10, 14, 14, 21, 28, 35}) {
      placements.add(placement("Corporate Agency", null, days));
    }
    String[] from = {"A1", "A1", "A2", "A2", "A3", "A4", "a1", "A5", "A6", "A7"};
    int[] days = {12, 18, 20, 25, 30, 30, 40, 42, 45, 60};
    for (int i = 0; i < from.length; i++) {
      placements.add(placement("Corporate Agency", from[i], days[i]));
    }
    placements.add(placement("corporate agency", null, null));
    placements.add(placement("Neutral Vendor", null, 10));
    placements.add(placement("Neutral Vendor", null, 15));

    Placements.Summary summary = Placements.summary(placements);
    assertThat(summary.bySupplier())
        .extracting(Placements.Supplier::supplier)
        .containsExactly("Corporate Agency", "Neutral Vendor");
    Placements.Figures corporate = summary.bySupplier().get(0).figures();
    assertThat(corporate.requested()).isEqualTo(18);
    assertThat(corporate.filled()).isEqualTo(17);
    assertThat(corporate.open()).isEqualTo(1);
    assertThat(corporate.direct()).isEqualTo(7);
    assertThat(corporate.brokered()).isEqualTo(10);
    assertThat(corporate.brokeredFrom()).isEqualTo(7);
    assertThat(corporate.medianDaysToFill()).isEqualByComparingTo("25");
    assertThat(corporate.meanDaysToFill()).isEqualByComparingTo("26.5");
    Placements.Figures vendor = summary.bySupplier().get(1).figures();
    assertThat(vendor.medianDaysToFill()).isEqualByComparingTo("12.5");
    assertThat(vendor.meanDaysToFill()).isEqualByComparingTo("12.5");
    Placements.Figures all = summary.all();
    assertThat(all.requested()).isEqualTo(20);
    assertThat(all.filled()).isEqualTo(19);
    assertThat(all.direct()).isEqualTo(9);
    assertThat(all.medianDaysToFill()).isEqualByComparingTo("21");
    assertThat(all.meanDaysToFill()).isEqualByComparingTo("25.1");
  }

  @Test
  void nothingFilledHasNoTimeToFill() {
    Placements.Figures open = Placements.figures(List.of(placement("S", null, null)));
    assertThat(open.medianDaysToFill()).isNull();
    assertThat(open.meanDaysToFill()).isNull();
  }

  @Test
  void readsAPlacementAndNamesEachProblem() {
    SupplierPlacement.Read read =
        SupplierPlacement.read(
            Map.of(
                "supplier", "Corporate Agency",
                "brokeredFrom", "Northern Social Care",
                "role", "social-worker",
                "requested", "2022-01-04",
                "filled", "2022-02-01"));
    assertThat(read.problems()).isEmpty();
    assertThat(read.placement().daysToFill()).isEqualTo(28);
    assertThat(SupplierPlacement.read(read.placement().fields()).placement())
        .isEqualTo(read.placement());
    assertThat(
            SupplierPlacement.read(
                    Map.of(
                        "supplier", "Corporate Agency",
                        "brokeredFrom", "corporate agency",
                        "role", "chef",
                        "requested", "2022-02-30",
                        "filled", "2022-01-01"))
                .problems())
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("role", "Select the role"),
            org.assertj.core.groups.Tuple.tuple("requested", "Request date must be a real date"),
            org.assertj.core.groups.Tuple.tuple(
                "brokeredFrom",
                "Leave this empty when the supplier placed the worker directly, or name the other"
                    + " agency"));
    assertThat(
            SupplierPlacement.read(
                    Map.of(
                        "supplier",
                        "S",
                        "role",
                        "social-worker",
                        "requested",
                        "2022-02-01",
                        "filled",
                        "2022-01-01"))
                .problems())
        .extracting(FieldProblem::message)
        .containsExactly("The date filled must be on or after the request date");
  }
}
