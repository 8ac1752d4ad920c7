package org.safeload.organisation;

/** A part of the council's children's social care, e.g. "Child Protection and Court". */
public record Service(long id, String name, String description) {}
