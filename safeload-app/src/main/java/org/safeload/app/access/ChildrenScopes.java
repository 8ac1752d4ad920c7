package org.safeload.app.access;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.safeload.app.access.persistence.UserRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The one place that decides whose children the signed-in person may see ({@link ChildrenScope}),
 * from their role and, for social workers and team managers, the worker their account is linked to
 * (read afresh, so a new link applies at once). Every list, item, export and search that shows
 * children asks here.
 */
@Service
public class ChildrenScopes {

  private final UserRepository users;
  private final ObjectProvider<WorkerDirectory> workers;

  ChildrenScopes(UserRepository users, ObjectProvider<WorkerDirectory> workers) {
    this.users = users;
    this.workers = workers;
  }

  public ChildrenScope current() {
    Optional<AccessRole> role = CurrentUser.role();
    if (role.isEmpty()) {
      return ChildrenScope.NONE;
    }
    return switch (role.get()) {
      case ADMIN, HEAD_OF_SERVICE, READ_ONLY, FINANCE -> ChildrenScope.ALL;
      case PROVIDER ->
          new ChildrenScope(
              ids(
                  CurrentUser.providerScope()
                      .map(p -> workers.getObject().providerTeams(p))
                      .orElse(Set.of())),
              null);
      case TEAM_MANAGER, SOCIAL_WORKER -> {
        Optional<Long> worker =
            CurrentUser.principal().map(p -> p.account().id()).flatMap(users::linkedWorker);
        if (worker.isEmpty()) {
          yield ChildrenScope.NONE;
        }
        Set<String> team =
            workers
                .getObject()
                .teamToday(worker.get())
                .map(t -> Set.of(String.valueOf(t)))
                .orElse(Set.of());
        yield new ChildrenScope(
            team, role.get() == AccessRole.SOCIAL_WORKER ? String.valueOf(worker.get()) : null);
      }
    };
  }

  private static Set<String> ids(Set<Long> teams) {
    return teams.stream().map(String::valueOf).collect(Collectors.toSet());
  }
}
