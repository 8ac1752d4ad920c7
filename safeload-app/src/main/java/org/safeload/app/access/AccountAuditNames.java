package org.safeload.app.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.safeload.app.access.persistence.UserRepository;
import org.safeload.app.audit.AuditNames;
import org.springframework.stereotype.Component;

/** Names accounts and the people who acted in the audit trail, by their full names. */
@Component
class AccountAuditNames implements AuditNames {

  private final UserRepository users;

  AccountAuditNames(UserRepository users) {
    this.users = users;
  }

  @Override
  public Map<String, Named> names(String entityType, Collection<String> ids) {
    Map<String, Named> named = new HashMap<>();
    if (!entityType.equals("user")) {
      return named;
    }
    for (UserAccount account : users.findAll()) {
      String id = String.valueOf(account.id());
      if (ids.contains(id)) {
        named.put(id, new Named(account.displayName(), "/admin/users"));
      }
    }
    return named;
  }

  @Override
  public Map<String, String> people(Collection<String> usernames) {
    Map<String, String> people = new HashMap<>();
    // A provider's user sees the names of its own provider's people only: council staff stay
    // "Council staff" to them.
    java.util.Optional<Long> provider = CurrentUser.providerScope();
    for (UserAccount account : users.findAll()) {
      if (usernames.contains(account.username())) {
        boolean visible = provider.isEmpty() || provider.get().equals(account.providerId());
        String name = account.displayName().isBlank() ? account.username() : account.displayName();
        people.put(account.username(), visible ? name : "Council staff");
      }
    }
    return people;
  }
}
