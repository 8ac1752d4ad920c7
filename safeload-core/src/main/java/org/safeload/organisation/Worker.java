package org.safeload.organisation;

/** A worker known to the council, with their details. Their team is in their assignments. */
public record Worker(long id, WorkerDetails details) {

  public String name() {
    return details.name();
  }

  public Role role() {
    return details.role();
  }
}
