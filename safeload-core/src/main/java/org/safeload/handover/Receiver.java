package org.safeload.handover;

import java.util.Objects;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.Load;

/**
 * A worker who may receive cases, with the caseload they already hold (and keep).
 *
 * @param current the cases they hold now and are not being handed over, and their weighted sum
 */
public record Receiver(CaseHolder holder, Load current) {

  public Receiver {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(current, "current");
    if (current.cases() < 0 || current.weighted().signum() < 0) {
      throw new IllegalArgumentException("a current caseload cannot be negative");
    }
  }

  public String id() {
    return holder.id();
  }
}
