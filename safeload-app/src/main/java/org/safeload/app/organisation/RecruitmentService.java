package org.safeload.app.organisation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.organisation.persistence.RecruitmentRepository;
import org.safeload.app.organisation.persistence.RecruitmentRepository.CandidateRow;
import org.safeload.app.organisation.persistence.RecruitmentRepository.PlacementRow;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Team;
import org.safeload.workforce.Candidate;
import org.safeload.workforce.CandidateStage;
import org.safeload.workforce.Placements;
import org.safeload.workforce.Recruitment;
import org.safeload.workforce.SupplierPlacement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recruitment pipeline and supplier placements (docs/workforce.md): candidates read and
 * recorded through the pages and the API, their figures worked out by the core's {@link
 * Recruitment} and {@link Placements}. Candidates are personal data about staff: those who manage
 * workers read and record them, and each change is audited naming the fields that changed, never
 * their values.
 */
@Service
@Transactional(readOnly = true)
public class RecruitmentService {

  private final RecruitmentRepository repository;
  private final OrganisationService organisation;
  private final AuditLog audit;
  private final Clock clock;

  RecruitmentService(
      RecruitmentRepository repository,
      OrganisationService organisation,
      AuditLog audit,
      Clock clock) {
    this.repository = repository;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  /** A candidate with their team's name (or null) and the worker they became (or null). */
  public record CandidateLine(long id, Candidate candidate, String teamName, Long workerId) {}

  /** Every candidate (by name) and the pipeline's figures today. */
  public record Pipeline(List<CandidateLine> candidates, Recruitment.Summary summary) {

    /** The candidates at a stage, by name. */
    public List<CandidateLine> at(CandidateStage stage) {
      return candidates.stream().filter(c -> c.candidate().stage() == stage).toList();
    }
  }

  @Requires(Capability.EDIT_WORKERS)
  public Pipeline pipeline() {
    Map<Long, String> teams = teamNames();
    List<CandidateLine> lines = new ArrayList<>();
    for (CandidateRow row : repository.candidates()) {
      lines.add(line(row, teams));
    }
    return new Pipeline(
        lines,
        Recruitment.summary(
            lines.stream().map(CandidateLine::candidate).toList(), organisation.today()));
  }

  @Requires(Capability.EDIT_WORKERS)
  public CandidateLine candidate(long id) {
    return line(candidateRow(id), teamNames());
  }

  /** Adds a candidate from their fields ({@link Candidate#FIELDS}); audited. */
  @Requires(Capability.EDIT_WORKERS)
  @Transactional
  public CandidateLine addCandidate(Map<String, String> fields) {
    Candidate c = readCandidate(fields);
    long id = repository.insertCandidate(c, clock.instant(), AuditLog.actor());
    audit.record(
        "create",
        "candidate",
        id,
        "candidate added: " + c.stage().label().toLowerCase(java.util.Locale.ROOT));
    return candidate(id);
  }

  /** Replaces a candidate's fields; audited with the names of the fields that changed. */
  @Requires(Capability.EDIT_WORKERS)
  @Transactional
  public CandidateLine updateCandidate(long id, Map<String, String> fields) {
    CandidateRow before = candidateRow(id);
    Candidate c = readCandidate(fields);
    repository.updateCandidate(id, c, clock.instant(), AuditLog.actor());
    audit.record("update", "candidate", id, "candidate changed: " + changed(before.candidate(), c));
    return candidate(id);
  }

  /** Marks a candidate started as the worker just made from them; audited. */
  @Requires(Capability.EDIT_WORKERS)
  @Transactional
  public void started(long candidateId, long workerId) {
    candidateRow(candidateId);
    repository.started(candidateId, workerId, clock.instant(), AuditLog.actor());
    audit.record("update", "candidate", candidateId, "candidate started as worker " + workerId);
  }

  /** Every supplier placement (latest request first) and their figures. */
  public record PlacementList(List<PlacementRow> placements, Placements.Summary summary) {}

  @Requires(Capability.EDIT_WORKERS)
  public PlacementList placements() {
    List<PlacementRow> rows = repository.placements();
    return new PlacementList(
        rows, Placements.summary(rows.stream().map(PlacementRow::placement).toList()));
  }

  @Requires(Capability.EDIT_WORKERS)
  public PlacementRow placement(long id) {
    return repository.placement(id).orElseThrow(() -> new NotFoundException("No placement " + id));
  }

  /** Records a request to a supplier from its fields ({@link SupplierPlacement#FIELDS}). */
  @Requires(Capability.EDIT_WORKERS)
  @Transactional
  public PlacementRow addPlacement(Map<String, String> fields) {
    SupplierPlacement p = readPlacement(fields);
    long id = repository.insertPlacement(p, clock.instant(), AuditLog.actor());
    audit.record("create", "placement", id, p.open() ? "placement requested" : "placement filled");
    return placement(id);
  }

  /** Replaces a placement's fields (to record it filled, say). */
  @Requires(Capability.EDIT_WORKERS)
  @Transactional
  public PlacementRow updatePlacement(long id, Map<String, String> fields) {
    PlacementRow before = placement(id);
    SupplierPlacement p = readPlacement(fields);
    repository.updatePlacement(id, p, clock.instant(), AuditLog.actor());
    audit.record(
        "update",
        "placement",
        id,
        before.placement().open() && !p.open() ? "placement filled" : "placement changed");
    return placement(id);
  }

  private SupplierPlacement readPlacement(Map<String, String> fields) {
    SupplierPlacement.Read read = SupplierPlacement.read(fields);
    if (!read.problems().isEmpty()) {
      throw new InvalidInputException("The placement has errors", read.problems());
    }
    return read.placement();
  }

  private Candidate readCandidate(Map<String, String> fields) {
    Candidate.Read read = Candidate.read(fields);
    List<FieldProblem> problems = new ArrayList<>(read.problems());
    if (read.candidate() != null
        && read.candidate().teamId() != null
        && !teamNames().containsKey(read.candidate().teamId())) {
      problems.add(FieldProblem.of("teamId", "Select a team from the list"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The candidate has errors", problems);
    }
    return read.candidate();
  }

  private CandidateRow candidateRow(long id) {
    return repository.candidate(id).orElseThrow(() -> new NotFoundException("No candidate " + id));
  }

  private Map<Long, String> teamNames() {
    Map<Long, String> names = new LinkedHashMap<>();
    for (Team t : organisation.teams()) {
      names.put(t.id(), t.name());
    }
    return names;
  }

  private static CandidateLine line(CandidateRow row, Map<Long, String> teams) {
    Long team = row.candidate().teamId();
    return new CandidateLine(
        row.id(), row.candidate(), team == null ? null : teams.get(team), row.workerId());
  }

  /** The candidate's fields in words, for the audit trail. */
  private static final Map<String, String> FIELD_WORDS =
      Map.of(
          "name", "name",
          "role", "role",
          "route", "route",
          "stage", "stage",
          "teamId", "team",
          "fte", "FTE",
          "expectedStart", "expected start",
          "registrationApplied", "date applied for registration",
          "registrationExpected", "date registration is expected");

  /** The fields that differ, in words (never their values). */
  private static String changed(Candidate before, Candidate after) {
    List<String> parts = new ArrayList<>();
    Map<String, String> a = before.fields();
    Map<String, String> b = after.fields();
    for (String field : Candidate.FIELDS) {
      if (!Objects.equals(a.get(field), b.get(field))) {
        parts.add(
            field.equals("stage")
                ? "stage to " + after.stage().label().toLowerCase(java.util.Locale.ROOT)
                : FIELD_WORDS.get(field));
      }
    }
    return parts.isEmpty() ? "nothing changed" : String.join(", ", parts);
  }
}
