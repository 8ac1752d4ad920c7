package org.safeload.app.organisation;

import org.safeload.organisation.Team;
import org.safeload.workforce.Staffing;

/** A team in a list: its service, its provider (managed teams) and its staffing today. */
public record TeamSummary(Team team, String serviceName, String providerName, Staffing staffing) {}
