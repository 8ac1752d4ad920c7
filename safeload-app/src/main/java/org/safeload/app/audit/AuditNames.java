package org.safeload.app.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Names the records and people the audit trail mentions. Each module that keeps records implements
 * it for its own entity types, so the trail shows "Worker: Amara Ashby" rather than "worker 26"
 * without the audit module depending on any of them.
 */
public interface AuditNames {

  /**
   * Names and pages for ids of an entity type; ids (or types) this module does not know are left
   * out, and so are records the signed-in user may not see.
   */
  Map<String, Named> names(String entityType, Collection<String> ids);

  /** People's names by the username the trail records; unknown ones are left out. */
  default Map<String, String> people(Collection<String> usernames) {
    return Map.of();
  }

  /**
   * A record's name, and the page that shows it (or {@code null}).
   *
   * @param path an application path such as {@code /workers/26}
   */
  record Named(String name, String path) {}
}
