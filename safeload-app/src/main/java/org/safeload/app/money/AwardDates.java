package org.safeload.app.money;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The date a contract was awarded, where an award decision records it: the procurement regime in
 * force is the one on that date. The decisions module provides it; without one, a contract's start
 * stands for its award date.
 */
public interface AwardDates {

  Optional<LocalDate> awardDate(String contractCode);
}
