package org.safeload.app.organisation.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safeload.app.platform.DateParts;

/**
 * The supplier placement form's boxes; read by {@link
 * org.safeload.workforce.SupplierPlacement#read}, as the API's fields are.
 */
public class PlacementForm {
  private String supplier = "";
  private String brokeredFrom = "";
  private String role = "";
  private DateParts requested = new DateParts();
  private DateParts filled = new DateParts();

  /** The form filled from recorded fields (ISO dates become three boxes). */
  static PlacementForm of(Map<String, String> fields) {
    PlacementForm form = new PlacementForm();
    form.supplier = fields.getOrDefault("supplier", "");
    form.brokeredFrom = fields.getOrDefault("brokeredFrom", "");
    form.role = fields.getOrDefault("role", "");
    form.requested = parts(fields.get("requested"));
    form.filled = parts(fields.get("filled"));
    return form;
  }

  /** The boxes as the fields {@link org.safeload.workforce.SupplierPlacement#FIELDS} names. */
  Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("supplier", supplier);
    f.put("brokeredFrom", brokeredFrom);
    f.put("role", role);
    f.put("requested", requested.toIso());
    f.put("filled", filled.toIso());
    return f;
  }

  private static DateParts parts(String iso) {
    return iso == null || iso.isEmpty() ? new DateParts() : DateParts.of(LocalDate.parse(iso));
  }

  public String getSupplier() {
    return supplier;
  }

  public void setSupplier(String value) {
    this.supplier = value == null ? "" : value;
  }

  public String getBrokeredFrom() {
    return brokeredFrom;
  }

  public void setBrokeredFrom(String value) {
    this.brokeredFrom = value == null ? "" : value;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String value) {
    this.role = value == null ? "" : value;
  }

  public DateParts getRequested() {
    return requested;
  }

  public void setRequested(DateParts value) {
    this.requested = value == null ? new DateParts() : value;
  }

  public DateParts getFilled() {
    return filled;
  }

  public void setFilled(DateParts value) {
    this.filled = value == null ? new DateParts() : value;
  }
}
