package org.safeload.workforce;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Role;

/**
 * A request to a supplier (an agency, a neutral vendor) for a worker, and whether and when it was
 * filled (docs/workforce.md, "Supplier placements").
 *
 * @param supplier the supplier the council asked (the one it has the contract with)
 * @param brokeredFrom the other agency the supplier sourced the worker from, or null when it placed
 *     one of its own (directly)
 * @param requested the day the council asked for the worker
 * @param filled the worker's first day, or null while the request is open
 */
public record SupplierPlacement(
    String supplier, String brokeredFrom, Role role, LocalDate requested, LocalDate filled) {

  public SupplierPlacement {
    Objects.requireNonNull(supplier, "supplier");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(requested, "requested");
  }

  /** The fields, in the order the form shows them (the API's JSON keys). */
  public static final List<String> FIELDS =
      List.of("supplier", "brokeredFrom", "role", "requested", "filled");

  /** The placement, or the problems (never both). */
  public record Read(SupplierPlacement placement, List<FieldProblem> problems) {}

  /**
   * Reads a placement from its fields (dates ISO): the supplier, role and request date are needed;
   * the filled date, when given, is on or after the request; the agency it was brokered from is
   * another than the supplier.
   */
  public static Read read(Map<String, String> fields) {
    FieldReader r = new FieldReader(fields);
    String supplier = r.requiredText("supplier", "Enter the supplier");
    String from = r.text("brokeredFrom");
    Role role = r.code("role", Role::fromCode, "Select the role");
    LocalDate requested =
        r.requiredDate("requested", "Request date", "Enter the date the worker was requested");
    LocalDate filled = r.date("filled", "Date filled");
    if (requested != null && filled != null && filled.isBefore(requested)) {
      r.problem("filled", "The date filled must be on or after the request date");
    }
    if (supplier != null && from != null && supplier.equalsIgnoreCase(from)) {
      r.problem(
          "brokeredFrom",
          "Leave this empty when the supplier placed the worker directly, or name the other agency");
    }
    if (!r.problems.isEmpty()) {
      return new Read(null, List.copyOf(r.problems));
    }
    return new Read(new SupplierPlacement(supplier, from, role, requested, filled), List.of());
  }

  /** The placement as fields (ISO dates, empty for none), as {@link #read} takes them. */
  public Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("supplier", supplier);
    f.put("brokeredFrom", brokeredFrom == null ? "" : brokeredFrom);
    f.put("role", role.code());
    f.put("requested", requested.toString());
    f.put("filled", filled == null ? "" : filled.toString());
    return f;
  }

  public boolean open() {
    return filled == null;
  }

  public boolean direct() {
    return brokeredFrom == null;
  }

  /** Calendar days from the request to the worker's first day, or null while open. */
  public Long daysToFill() {
    return filled == null ? null : ChronoUnit.DAYS.between(requested, filled);
  }
}
