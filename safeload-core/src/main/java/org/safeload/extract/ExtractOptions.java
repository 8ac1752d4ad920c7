package org.safeload.extract;

import java.time.LocalDate;

/**
 * How to read a return.
 *
 * @param extractDate the date the return was taken; null: the latest date it holds
 * @param skipInvalid read the readable rows and report the rest, rather than refuse the file
 */
public record ExtractOptions(LocalDate extractDate, boolean skipInvalid) {

  public static final ExtractOptions DEFAULTS = new ExtractOptions(null, false);
}
