package org.safeload.app.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The workers an account can be linked to, and the team each is in (supplied by the organisation
 * module, which the access module may not use directly).
 */
public interface WorkerDirectory {

  /** A worker to link an account to: by name, with their team today. */
  record Choice(long id, String name, String teamName) {}

  /** Every current worker, by name. */
  List<Choice> choices();

  boolean exists(long workerId);

  /** The name of a worker, if there is one with the id. */
  Optional<String> name(long workerId);

  /** The team a worker is in today, if any. */
  Optional<Long> teamToday(long workerId);

  /** The teams of a provider. */
  Set<Long> providerTeams(long providerId);
}
