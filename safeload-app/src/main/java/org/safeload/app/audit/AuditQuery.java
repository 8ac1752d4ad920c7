package org.safeload.app.audit;

import java.time.LocalDate;

/**
 * What the audit trail is filtered by (each {@code null} for any) and which page to show.
 *
 * @param actor the username of who acted
 * @param from the first day (London time), inclusive
 * @param to the last day (London time), inclusive
 * @param search words found in the record's reference or the details, any case
 * @param page the page, from 1
 */
public record AuditQuery(
    String actor, String action, LocalDate from, LocalDate to, String search, int page) {

  /** The longest search accepted, in characters. */
  public static final int MAX_SEARCH = 100;

  public static final int PAGE_SIZE = 50;
}
