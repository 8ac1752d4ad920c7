package org.safeload.app.access;

import java.util.Map;

/** The providers a PROVIDER account can belong to (supplied by the organisation module). */
public interface ProviderDirectory {

  /** Provider names by id, in name order. */
  Map<Long, String> providerNames();
}
