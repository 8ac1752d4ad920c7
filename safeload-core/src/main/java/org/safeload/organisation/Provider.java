package org.safeload.organisation;

/** A company that supplies managed teams (or agency workers) to the council. */
public record Provider(long id, String name) {}
