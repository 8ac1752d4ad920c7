package org.safeload.app.organisation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safeload.app.audit.AuditNames;
import org.safeload.app.organisation.persistence.ProviderRepository;
import org.safeload.app.organisation.persistence.ServiceRepository;
import org.safeload.app.organisation.persistence.TeamRepository;
import org.safeload.app.organisation.persistence.WorkerRepository;
import org.safeload.organisation.Provider;
import org.safeload.organisation.Service;
import org.safeload.organisation.Team;
import org.safeload.organisation.Worker;
import org.springframework.stereotype.Component;

/**
 * Names the organisation's records in the audit trail (for administrators, who see every record):
 * workers, teams and their establishment, services, providers, recruitment candidates and supplier
 * placements, and the team or worker a handover was planned from.
 */
@Component
class OrganisationAuditNames implements AuditNames {

  private static final Pattern HANDOVER_FROM = Pattern.compile("(team|worker) (\\d+)");

  private final WorkerRepository workers;
  private final TeamRepository teams;
  private final ServiceRepository services;
  private final ProviderRepository providers;
  private final org.safeload.app.organisation.persistence.RecruitmentRepository recruitment;

  OrganisationAuditNames(
      WorkerRepository workers,
      TeamRepository teams,
      ServiceRepository services,
      ProviderRepository providers,
      org.safeload.app.organisation.persistence.RecruitmentRepository recruitment) {
    this.recruitment = recruitment;
    this.workers = workers;
    this.teams = teams;
    this.services = services;
    this.providers = providers;
  }

  @Override
  public Map<String, Named> names(String entityType, Collection<String> ids) {
    Map<String, Named> named = new HashMap<>();
    switch (entityType) {
      case "worker" ->
          each(ids, id -> workers.findById(id).map(w -> worker(w)).orElse(null), named);
      case "team", "establishment" ->
          each(ids, id -> teams.findById(id).map(OrganisationAuditNames::team).orElse(null), named);
      case "service" ->
          each(
              ids,
              id -> services.findById(id).map(OrganisationAuditNames::service).orElse(null),
              named);
      case "provider" ->
          each(
              ids,
              id -> providers.findById(id).map(OrganisationAuditNames::provider).orElse(null),
              named);
      case "candidate" ->
          each(
              ids,
              id ->
                  recruitment
                      .candidate(id)
                      .map(
                          c ->
                              new Named(
                                  c.candidate().name(), "/workforce/recruitment/" + id + "/edit"))
                      .orElse(null),
              named);
      case "placement" ->
          each(
              ids,
              id ->
                  recruitment
                      .placement(id)
                      .map(
                          p ->
                              new Named(
                                  "A placement from " + p.placement().supplier(),
                                  "/workforce/placements/" + id + "/edit"))
                      .orElse(null),
              named);
      case "handover" -> {
        for (String id : ids) {
          Matcher m = HANDOVER_FROM.matcher(id);
          if (m.matches()) {
            long ref = Long.parseLong(m.group(2));
            Named from =
                m.group(1).equals("team")
                    ? teams.findById(ref).map(OrganisationAuditNames::team).orElse(null)
                    : workers.findById(ref).map(OrganisationAuditNames::worker).orElse(null);
            if (from != null) {
              named.put(id, new Named("from " + from.name(), from.path()));
            }
          }
        }
      }
      default -> {
        // not the organisation's
      }
    }
    return named;
  }

  private static void each(
      Collection<String> ids, Function<Long, Named> find, Map<String, Named> named) {
    for (String id : ids) {
      try {
        Named n = find.apply(Long.parseLong(id));
        if (n != null) {
          named.put(id, n);
        }
      } catch (NumberFormatException e) {
        // not one of ours
      }
    }
  }

  private static Named worker(Worker w) {
    return new Named(w.name(), "/workers/" + w.id());
  }

  private static Named team(Team t) {
    return new Named(t.name(), "/teams/" + t.id());
  }

  private static Named service(Service s) {
    return new Named(s.name(), "/services/" + s.id());
  }

  private static Named provider(Provider p) {
    return new Named(p.name(), "/providers");
  }
}
