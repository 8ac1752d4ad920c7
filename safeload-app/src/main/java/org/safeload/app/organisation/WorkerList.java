package org.safeload.app.organisation;

import java.util.List;

/**
 * One page of the workers list.
 *
 * @param page the page shown, from 1 (the last page if a later one was asked for)
 * @param total how many workers match the filters in all
 */
public record WorkerList(List<WorkerView> workers, int page, int pageSize, int total) {}
