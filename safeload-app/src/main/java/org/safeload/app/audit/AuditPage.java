package org.safeload.app.audit;

import java.util.List;

/**
 * One page of the audit trail, newest first.
 *
 * @param page the page shown, from 1 (the last page if a later one was asked for)
 * @param total how many entries match the filters in all
 */
public record AuditPage(List<AuditEntry> entries, int page, int pageSize, int total) {}
