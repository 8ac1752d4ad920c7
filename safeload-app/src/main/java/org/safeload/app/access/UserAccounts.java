package org.safeload.app.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.safeload.app.access.persistence.UserRepository;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.document.FieldProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local accounts: who can sign in, with which role. */
@Service
public class UserAccounts implements UserDetailsService {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");

  /** A new account as entered. {@code password} may be null for an OIDC-only account. */
  public record NewAccount(
      String username, String displayName, String password, AccessRole role, Long providerId) {}

  private final UserRepository repository;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final Clock clock;
  private final Optional<ProviderDirectory> providers;
  private final org.springframework.beans.factory.ObjectProvider<WorkerDirectory> workers;
  private final Optional<
          org.springframework.session.FindByIndexNameSessionRepository<
              ? extends org.springframework.session.Session>>
      sessions;

  UserAccounts(
      UserRepository repository,
      PasswordEncoder encoder,
      AuditLog audit,
      Clock clock,
      Optional<ProviderDirectory> providers,
      org.springframework.beans.factory.ObjectProvider<WorkerDirectory> workers,
      Optional<
              org.springframework.session.FindByIndexNameSessionRepository<
                  ? extends org.springframework.session.Session>>
          sessions) {
    this.sessions = sessions;
    this.repository = repository;
    this.encoder = encoder;
    this.audit = audit;
    this.clock = clock;
    this.providers = providers;
    this.workers = workers;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return repository
        .findByUsername(username)
        .map(stored -> new LocalUser(stored.account(), stored.passwordHash()))
        .orElseThrow(() -> new UsernameNotFoundException("no such account"));
  }

  /** The enabled account for an OIDC sign-in, if the administrator has created one. */
  public Optional<UserAccount> enabledAccount(String username) {
    return repository
        .findByUsername(username)
        .map(UserRepository.Stored::account)
        .filter(UserAccount::enabled);
  }

  @Requires(Capability.ADMINISTER)
  public List<UserAccount> list() {
    return repository.findAll();
  }

  @Requires(Capability.ADMINISTER)
  @Transactional
  public UserAccount create(NewAccount account) {
    return createAccount(account);
  }

  /** Whether any account exists (the first start creates the administrator). */
  boolean noAccounts() {
    return repository.count() == 0;
  }

  /** Creates an account without a signed-in administrator: first start and the demo only. */
  @Transactional
  public UserAccount createAsSystem(NewAccount account) {
    return createAccount(account);
  }

  private UserAccount createAccount(NewAccount account) {
    List<FieldProblem> problems = new ArrayList<>();
    String username = account.username() == null ? "" : account.username().strip();
    if (!USERNAME.matcher(username).matches()) {
      problems.add(
          FieldProblem.of(
              "username", "Username must be 2 to 100 letters, digits or . _ @ - (no spaces)"));
    } else if (repository.findByUsername(username).isPresent()) {
      problems.add(FieldProblem.of("username", "That username is already taken"));
    }
    String displayName =
        account.displayName() == null || account.displayName().isBlank()
            ? username
            : account.displayName().strip();
    if (account.password() != null && !account.password().isEmpty()) {
      PasswordRule.problem(account.password(), username)
          .ifPresent(message -> problems.add(FieldProblem.of("password", message)));
    }
    roleProblems(account.role(), account.providerId(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The account has errors", problems);
    }
    String hash =
        account.password() == null || account.password().isEmpty()
            ? null
            : encoder.encode(account.password());
    long id =
        repository.insert(
            username, displayName, hash, account.role(), account.providerId(), clock.instant());
    audit.record("create", "user", id, "Account added with the role " + account.role().label());
    return repository.findByUsername(username).orElseThrow().account();
  }

  // --- Managing accounts -------------------------------------------------------------------

  @Requires(Capability.ADMINISTER)
  public UserAccount account(long id) {
    return repository
        .findById(id)
        .orElseThrow(() -> new org.safeload.app.platform.NotFoundException("No such account"));
  }

  /** A change to an account: when, by whom (their name), and what (from the audit trail). */
  public record Change(java.time.Instant when, String by, String what) {}

  /**
   * What was done to an account, newest first: added, role changed, disabled, enabled, password
   * reset, linked to a worker, signed out everywhere. Accounts are never deleted, so this stays.
   */
  @Requires(Capability.ADMINISTER)
  public List<Change> history(long id) {
    List<org.safeload.app.audit.AuditEntry> entries = audit.forEntity("user", id);
    java.util.Map<String, String> people =
        audit.people(entries.stream().map(org.safeload.app.audit.AuditEntry::actor).toList());
    return entries.stream()
        .map(
            e -> new Change(e.occurredAt(), people.getOrDefault(e.actor(), e.actor()), e.summary()))
        .toList();
  }

  /** Each account's last sign-in through the sign-in page. */
  @Requires(Capability.ADMINISTER)
  public java.util.Map<Long, java.time.Instant> lastSignIns() {
    return repository.lastSignIns();
  }

  /**
   * Links an account to a worker (or unlinks it, for {@code null}): a social worker or team manager
   * then sees the children of the worker's team, and a social worker their own cases.
   */
  @Requires(Capability.ADMINISTER)
  @Transactional
  public UserAccount linkWorker(long id, Long workerId) {
    UserAccount account = account(id);
    if (workerId != null && !workers.getObject().exists(workerId)) {
      throw new InvalidInputException("workerId", "Choose a worker from the list");
    }
    repository.linkWorker(id, workerId);
    audit.record(
        "link-worker",
        "user",
        id,
        workerId == null ? "Account no longer linked to a worker" : "Account linked to a worker");
    return account;
  }

  /** The workers an account can be linked to: current workers by name, with their team. */
  @Requires(Capability.ADMINISTER)
  public List<WorkerDirectory.Choice> workerChoices() {
    return workers.getObject().choices();
  }

  /** The worker an account is linked to, if any. */
  @Requires(Capability.ADMINISTER)
  public Optional<Long> linkedWorker(long id) {
    return repository.linkedWorker(id);
  }

  /** Stops an account signing in (its sessions end, its API tokens stop working). */
  @Requires(Capability.ADMINISTER)
  @Transactional
  public UserAccount disable(long id) {
    UserAccount account = notMine(id, "disable");
    repository.setEnabled(id, false);
    endSessions(account.username());
    audit.record("disable", "user", id, "Account disabled: it cannot sign in");
    return account(id);
  }

  @Requires(Capability.ADMINISTER)
  @Transactional
  public UserAccount enable(long id) {
    account(id);
    repository.setEnabled(id, true);
    audit.record("enable", "user", id, "Account enabled again");
    return account(id);
  }

  /** Gives an account another role; its sessions end so that the new role applies at once. */
  @Requires(Capability.ADMINISTER)
  @Transactional
  public UserAccount changeRole(long id, AccessRole role, Long providerId) {
    UserAccount account = notMine(id, "change the role of");
    List<FieldProblem> problems = new ArrayList<>();
    roleProblems(role, providerId, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The role has errors", problems);
    }
    Long provider = role == AccessRole.PROVIDER ? providerId : null;
    repository.setRole(id, role, provider);
    endSessions(account.username());
    audit.record(
        "change-role",
        "user",
        id,
        "Role changed from " + account.role().label() + " to " + role.label());
    return account(id);
  }

  /**
   * Sets a password the administrator passes on; its owner must choose their own at the next
   * sign-in. Every session of the account ends.
   */
  @Requires(Capability.ADMINISTER)
  @Transactional
  public UserAccount resetPassword(long id, String password) {
    UserAccount account = account(id);
    String given = password == null ? "" : password;
    PasswordRule.problem(given, account.username())
        .ifPresent(
            message -> {
              throw new InvalidInputException("password", message);
            });
    repository.setPassword(id, encoder.encode(given), true);
    endSessions(account.username());
    audit.record("reset-password", "user", id, "Password reset: to be changed at the next sign-in");
    return account;
  }

  /** Ends every session of the account, on every instance. */
  @Requires(Capability.ADMINISTER)
  @Transactional
  public int signOutEverywhere(long id) {
    UserAccount account = account(id);
    int ended = endSessions(account.username());
    audit.record(
        "sign-out-everywhere", "user", id, "Signed out everywhere (" + ended + " sessions)");
    return ended;
  }

  /** The signed-in person chooses their own password (after a reset, before anything else). */
  @PreAuthorize("isAuthenticated()")
  @Transactional
  public void changeOwnPassword(String username, String password, String confirmation) {
    UserRepository.Stored stored =
        repository
            .findByUsername(username)
            .orElseThrow(() -> new org.safeload.app.platform.NotFoundException("No such account"));
    String given = password == null ? "" : password;
    List<FieldProblem> problems = new ArrayList<>();
    PasswordRule.problem(given, username)
        .ifPresent(message -> problems.add(FieldProblem.of("password", message)));
    if (problems.isEmpty() && !given.equals(confirmation)) {
      problems.add(FieldProblem.of("confirmation", "The two passwords are not the same"));
    }
    if (problems.isEmpty()
        && stored.passwordHash() != null
        && encoder.matches(given, stored.passwordHash())) {
      problems.add(
          FieldProblem.of("password", "Choose a new password, not the one you were given"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The password has errors", problems);
    }
    repository.setPassword(stored.account().id(), encoder.encode(given), false);
    audit.record("change-password", "user", stored.account().id(), "Password changed by its owner");
  }

  /** Whether the account must choose a new password before anything else. */
  public boolean mustChangePassword(long id) {
    return repository.mustChangePassword(id);
  }

  /** Records a sign-in through the sign-in page. */
  @org.springframework.context.event.EventListener
  void signedIn(
      org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent
          event) {
    if (event.getAuthentication().getPrincipal() instanceof SafeloadPrincipal principal
        && principal.account() != null) {
      repository.signedIn(principal.account().id(), clock.instant());
    }
  }

  private UserAccount notMine(long id, String what) {
    UserAccount account = account(id);
    if (account.username().equalsIgnoreCase(AuditLog.actor())) {
      throw new InvalidInputException(
          "account", "You cannot " + what + " your own account: ask another administrator");
    }
    return account;
  }

  private int endSessions(String username) {
    if (sessions.isEmpty()) {
      return 0;
    }
    var repository = sessions.get();
    var found = repository.findByPrincipalName(username).keySet();
    found.forEach(repository::deleteById);
    return found.size();
  }

  private void roleProblems(AccessRole role, Long providerId, List<FieldProblem> problems) {
    if (role == null) {
      problems.add(FieldProblem.of("role", "Select a role"));
    } else if (role == AccessRole.PROVIDER) {
      if (providerId == null) {
        problems.add(FieldProblem.of("providerId", "Select the provider this account belongs to"));
      } else if (providers.isPresent()
          && !providers.get().providerNames().containsKey(providerId)) {
        problems.add(FieldProblem.of("providerId", "No such provider"));
      }
    } else if (providerId != null) {
      problems.add(FieldProblem.of("providerId", "Only a provider account names a provider"));
    }
  }
}
