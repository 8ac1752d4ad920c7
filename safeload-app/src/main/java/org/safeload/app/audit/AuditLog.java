package org.safeload.app.audit;

import java.time.Clock;
import java.util.List;
import org.safeload.app.audit.persistence.AuditRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Records changes (and, later, reads of children's records) in the audit table. */
@Service
public class AuditLog {

  /** The actor recorded for work the system does itself (first start, the demo). */
  public static final String SYSTEM = "system";

  private final AuditRepository repository;
  private final Clock clock;

  AuditLog(AuditRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** Records an action by the signed-in user (or the system) on an entity. */
  public void record(String action, String entityType, Object entityId, String summary) {
    repository.insert(
        clock.instant(),
        actor(),
        action,
        entityType,
        entityId == null ? null : String.valueOf(entityId),
        summary);
  }

  @PreAuthorize("hasRole('ADMIN')")
  public List<AuditEntry> latest(int limit) {
    return repository.latest(limit);
  }

  public List<AuditEntry> forEntity(String entityType, Object entityId) {
    return repository.forEntity(entityType, String.valueOf(entityId));
  }

  /** Who is acting: the signed-in user's name, or the system. */
  public static String actor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || auth.getName() == null ? SYSTEM : auth.getName();
  }
}
