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

  UserAccounts(
      UserRepository repository,
      PasswordEncoder encoder,
      AuditLog audit,
      Clock clock,
      Optional<ProviderDirectory> providers) {
    this.repository = repository;
    this.encoder = encoder;
    this.audit = audit;
    this.clock = clock;
    this.providers = providers;
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

  @PreAuthorize(Permissions.ADMINISTER)
  public List<UserAccount> list() {
    return repository.findAll();
  }

  @PreAuthorize(Permissions.ADMINISTER)
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
    if (account.role() == null) {
      problems.add(FieldProblem.of("role", "Select a role"));
    } else if (account.role() == AccessRole.PROVIDER) {
      if (account.providerId() == null) {
        problems.add(FieldProblem.of("providerId", "Select the provider this account belongs to"));
      } else if (providers.isPresent()
          && !providers.get().providerNames().containsKey(account.providerId())) {
        problems.add(FieldProblem.of("providerId", "No such provider"));
      }
    } else if (account.providerId() != null) {
      problems.add(FieldProblem.of("providerId", "Only a provider account names a provider"));
    }
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
}
