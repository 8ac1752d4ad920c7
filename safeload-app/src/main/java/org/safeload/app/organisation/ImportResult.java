package org.safeload.app.organisation;

/** What a worker import did: rows that created, changed or left a worker as it was. */
public record ImportResult(int created, int updated, int unchanged)
    implements java.io.Serializable {}
