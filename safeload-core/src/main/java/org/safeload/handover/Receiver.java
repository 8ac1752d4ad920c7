package org.safeload.handover;

import java.time.LocalDate;
import java.util.Objects;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.Load;

/**
 * A worker who may receive cases, with the caseload they already hold (and keep), and, for a dated
 * plan (docs/handover.md, "Dated, staged plans"), when they are in post and in their ASYE.
 *
 * @param current the cases they hold now and are not being handed over, and their weighted sum
 * @param firstDay their first day in post; {@code null}: in post already
 * @param lastDay their last day in post; {@code null}: they stay
 * @param asyeStart the first day of their Assessed and Supported Year in Employment: they are in
 *     their ASYE on the dates {@code asyeStart ≤ d < asyeStart + 12 months}; {@code null}: {@code
 *     holder.asye()} on every date
 */
public record Receiver(
    CaseHolder holder, Load current, LocalDate firstDay, LocalDate lastDay, LocalDate asyeStart) {

  public Receiver {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(current, "current");
    if (current.cases() < 0 || current.weighted().signum() < 0) {
      throw new IllegalArgumentException("a current caseload cannot be negative");
    }
    if (firstDay != null && lastDay != null && lastDay.isBefore(firstDay)) {
      throw new IllegalArgumentException("a last day cannot be before the first day");
    }
  }

  /** A receiver in post on every date, in their ASYE as {@code holder.asye()} says. */
  public Receiver(CaseHolder holder, Load current) {
    this(holder, current, null, null, null);
  }

  public String id() {
    return holder.id();
  }

  /** Whether they have any of the dated fields (first or last day, ASYE start). */
  public boolean dated() {
    return firstDay != null || lastDay != null || asyeStart != null;
  }

  /** Whether they are in post on a date ({@code null}: an undated plan, always). */
  public boolean inPostOn(LocalDate date) {
    return date == null
        || ((firstDay == null || !firstDay.isAfter(date))
            && (lastDay == null || !lastDay.isBefore(date)));
  }

  /** Whether they are in their ASYE on a date ({@code null}: an undated plan). */
  public boolean asyeOn(LocalDate date) {
    if (asyeStart == null || date == null) {
      return holder.asye();
    }
    return !date.isBefore(asyeStart) && date.isBefore(asyeStart.plusMonths(12));
  }

  /** The worker as the allocation rules see them on a date (their ASYE status then). */
  public CaseHolder holderOn(LocalDate date) {
    boolean asye = asyeOn(date);
    if (asye == holder.asye()) {
      return holder;
    }
    return new CaseHolder(
        holder.id(),
        holder.name(),
        holder.team(),
        holder.role(),
        holder.fte(),
        asye,
        holder.pqeYears());
  }
}
