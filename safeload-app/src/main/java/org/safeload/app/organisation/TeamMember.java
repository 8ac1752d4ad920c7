package org.safeload.app.organisation;

import org.safeload.organisation.Worker;

/** A worker in a team on a date, with what is derived from their dates. */
public record TeamMember(Worker worker, int pqeYears, boolean inAsye, boolean active) {}
