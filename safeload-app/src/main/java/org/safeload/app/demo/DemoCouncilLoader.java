package org.safeload.app.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.access.AccessRole;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.caseactivity.CaseActivity;
import org.safeload.app.decision.Decisions;
import org.safeload.app.money.ContractService;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.RecruitmentService;
import org.safeload.app.organisation.SicknessService;
import org.safeload.app.organisation.TeamInput;
import org.safeload.app.organisation.WorkforceService;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.demo.DemoActivity;
import org.safeload.demo.DemoCouncil;
import org.safeload.demo.DemoCouncil.DemoService;
import org.safeload.demo.DemoCouncil.DemoTeam;
import org.safeload.demo.DemoCouncil.DemoWorker;
import org.safeload.organisation.Service;
import org.safeload.organisation.Team;
import org.safeload.organisation.Worker;
import org.safeload.timeliness.ChildCsv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start with an empty database, creates the council: Northbridge Council (the demo) when
 * {@code safeload.demo.enabled} is true, otherwise an empty council named by {@code
 * safeload.council.name}. It goes through the same services as a person would, as the system.
 */
@Component
@Order(1)
public class DemoCouncilLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoCouncilLoader.class);

  private final OrganisationService organisation;
  private final WorkforceService workforce;
  private final org.safeload.app.organisation.VettingService vettings;
  private final ContractService contracts;
  private final Decisions decisions;
  private final SicknessService sickness;
  private final RecruitmentService recruitment;
  private final CaseActivity caseActivity;
  private final WorkingCalendar calendar;
  private final TransactionTemplate transaction;
  private final boolean demo;
  private final String councilName;

  DemoCouncilLoader(
      OrganisationService organisation,
      WorkforceService workforce,
      org.safeload.app.organisation.VettingService vettings,
      ContractService contracts,
      Decisions decisions,
      SicknessService sickness,
      RecruitmentService recruitment,
      CaseActivity caseActivity,
      WorkingCalendar calendar,
      TransactionTemplate transaction,
      @Value("${safeload.demo.enabled:true}") boolean demo,
      @Value("${safeload.council.name:Your council}") String councilName) {
    this.organisation = organisation;
    this.workforce = workforce;
    this.vettings = vettings;
    this.contracts = contracts;
    this.decisions = decisions;
    this.sickness = sickness;
    this.recruitment = recruitment;
    this.caseActivity = caseActivity;
    this.calendar = calendar;
    this.transaction = transaction;
    this.demo = demo;
    this.councilName = councilName;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!organisation.empty()) {
      return;
    }
    asSystem(
        () ->
            transaction.executeWithoutResult(
                status -> {
                  if (demo) {
                    load();
                  } else {
                    organisation.ensureCouncil(councilName);
                  }
                }));
  }

  /** Loads Northbridge Council. */
  void load() {
    organisation.ensureCouncil(DemoCouncil.COUNCIL_NAME);
    organisation.setCouncilRegion(DemoCouncil.REGION);
    Map<String, Long> teamIds = new HashMap<>();
    Map<String, Long> providerIds = new HashMap<>();
    for (DemoService demoService : DemoCouncil.services()) {
      Service service = organisation.createService(demoService.name(), demoService.description());
      for (DemoTeam demoTeam : demoService.teams()) {
        Long providerId = null;
        if (demoTeam.provider() != null) {
          providerId =
              providerIds.computeIfAbsent(
                  demoTeam.provider(), name -> organisation.createProvider(name).id());
        }
        Team team =
            organisation.createTeam(
                new TeamInput(service.id(), demoTeam.name(), demoTeam.kind().code(), providerId));
        teamIds.put(team.name(), team.id());
        Map<String, String> budget = new HashMap<>();
        demoTeam
            .establishment()
            .forEach((role, fte) -> budget.put(role.code(), fte.toPlainString()));
        organisation.setEstablishment(team.id(), budget);
      }
    }
    List<DemoWorker> workers = DemoCouncil.workers();
    List<DemoActivity.Placed> placed = new ArrayList<>();
    List<Long> workerIds = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      DemoWorker w = workers.get(i);
      long firstTeam = teamIds.get(w.previousTeam() != null ? w.previousTeam() : w.team());
      Worker worker = workforce.create(w.details(), firstTeam);
      vettings.store(worker.id(), DemoCouncil.vetting(w, i));
      if (w.previousTeam() != null) {
        workforce.move(worker.id(), teamIds.get(w.team()), w.movedOn());
      }
      placed.add(new DemoActivity.Placed(String.valueOf(worker.id()), w));
      workerIds.add(worker.id());
    }
    for (DemoCouncil.DemoAbsence absence : DemoCouncil.sickness()) {
      sickness.record(workerIds.get(absence.worker()), absence.fields());
    }
    for (DemoCouncil.DemoCandidate candidate : DemoCouncil.candidates()) {
      Map<String, String> fields = candidate.candidate().fields();
      fields.put("teamId", String.valueOf(teamIds.get(candidate.team())));
      recruitment.addCandidate(fields);
    }
    for (org.safeload.workforce.SupplierPlacement placement : DemoCouncil.placements()) {
      recruitment.addPlacement(placement.fields());
    }
    contracts.create(DemoCouncil.contractDocument());
    long started = System.nanoTime();
    int events = activity(teamIds, placed);
    // The contract's decisions, after the activity: their frozen figures hold the caseloads.
    String contract = DemoCouncil.contractCode();
    decisions.record(contract, DemoCouncil.awardDecision());
    decisions.record(contract, DemoCouncil.extensionDecision());
    log.info(
        "Loaded the demo council: {} teams, {} workers, {} events (activity in {} ms)",
        teamIds.size(),
        workers.size(),
        events,
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Six months of realistic case activity (25 May to 24 November 2026) on the demo's teams and
   * workers ({@link DemoActivity}), imported as any event file would be.
   */
  private int activity(Map<String, Long> teamIds, List<DemoActivity.Placed> workers) {
    Map<String, String> teams = new HashMap<>();
    teamIds.forEach((name, id) -> teams.put(name, String.valueOf(id)));
    DemoActivity.Activity activity = DemoActivity.generate(calendar, workers, teams);
    caseActivity.storeChildren(
        activity.children().stream()
            .map(c -> new ChildCsv.Child(c.id(), c.dateOfBirth(), c.familyGroup()))
            .toList());
    caseActivity.importEvents(
        new java.io.ByteArrayInputStream(
            activity.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return activity.events();
  }

  static void asSystem(Runnable work) {
    var previous = SecurityContextHolder.getContext();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            AuditLog.SYSTEM,
            null,
            List.of(new SimpleGrantedAuthority(AccessRole.ADMIN.authority()))));
    SecurityContextHolder.setContext(context);
    try {
      work.run();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
