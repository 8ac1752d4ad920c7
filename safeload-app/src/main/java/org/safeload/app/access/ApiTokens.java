package org.safeload.app.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.safeload.app.access.persistence.ApiTokenRepository;
import org.safeload.app.access.persistence.UserRepository;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: an administrator creates one for an account and sees it once; the API takes it as a
 * Bearer token and acts as that account. A token is 32 random bytes, so only its SHA-256 is kept
 * (docs/adr/0007-api-tokens.md): checking one costs a hash and an indexed read, not bcrypt.
 */
@Service
public class ApiTokens {

  /** Every token starts with this, so that it is recognisable (in a secret scanner, say). */
  public static final String PREFIX = "slt_";

  public static final int MAX_LABEL_LENGTH = 100;

  /** How often a token's "last used" is written at most. */
  static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

  private static final int RANDOM_BYTES = 32;

  /** A token just created: {@code secret} is shown to the administrator once and never again. */
  public record Created(ApiToken token, String secret) {}

  private final ApiTokenRepository repository;
  private final UserRepository users;
  private final AuditLog audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(ApiTokenRepository repository, UserRepository users, AuditLog audit, Clock clock) {
    this.repository = repository;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /** The account whose tokens these are. */
  @Requires(Capability.ADMINISTER)
  public UserAccount account(long accountId) {
    return users.findById(accountId).orElseThrow(() -> new NotFoundException("No such account"));
  }

  @Requires(Capability.ADMINISTER)
  public List<ApiToken> list(long accountId) {
    account(accountId);
    return repository.forAccount(accountId);
  }

  /** How long a new token lasts, in days: the choices offered, the first the default. */
  public static final List<Integer> LIFETIMES = List.of(90, 30, 365);

  /**
   * Creates a token that expires after {@code days} (one of {@link #LIFETIMES}) and, if {@code
   * readOnly}, may only read (GET).
   */
  @Requires(Capability.ADMINISTER)
  @Transactional
  public Created create(long accountId, String label, int days, boolean readOnly) {
    if (!LIFETIMES.contains(days)) {
      throw new InvalidInputException("days", "Choose how long the token lasts");
    }
    UserAccount account = account(accountId);
    String name = label == null ? "" : label.strip();
    if (name.isEmpty()) {
      throw new InvalidInputException(
          "label", "Enter a label for the token, like “Nightly import”");
    }
    if (name.length() > MAX_LABEL_LENGTH) {
      throw new InvalidInputException(
          "label", "The label must be " + MAX_LABEL_LENGTH + " characters or fewer");
    }
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    long id =
        repository.insert(
            account.id(),
            name,
            hash(secret),
            now,
            AuditLog.actor(),
            now.plus(Duration.ofDays(days)),
            readOnly);
    audit.record(
        "create",
        "user",
        account.id(),
        "API token “"
            + name
            + "” created ("
            + (readOnly ? "read only" : "read and change")
            + ", for "
            + days
            + " days)");
    return new Created(repository.find(account.id(), id).orElseThrow(), secret);
  }

  /** Revokes a token: the API refuses it from now on. Revoking it again changes nothing. */
  @Requires(Capability.ADMINISTER)
  @Transactional
  public ApiToken revoke(long accountId, long tokenId) {
    ApiToken token =
        repository
            .find(accountId, tokenId)
            .orElseThrow(() -> new NotFoundException("No such API token"));
    if (repository.revoke(tokenId, clock.instant(), AuditLog.actor())) {
      audit.record("update", "user", accountId, "API token “" + token.label() + "” revoked");
    }
    return repository.find(accountId, tokenId).orElseThrow();
  }

  /**
   * The enabled account an unrevoked token signs in as; empty for anything else. Called before
   * anyone is signed in, so it has no method security; it never logs the token.
   */
  Optional<ApiTokenRepository.Match> authenticate(String presented) {
    if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
      return Optional.empty();
    }
    Optional<ApiTokenRepository.Match> match =
        repository.findActive(hash(presented), clock.instant());
    match.ifPresent(this::recordUse);
    return match;
  }

  /**
   * Writes "last used" at most once a minute per token, not on every request: the lookup reads it,
   * and only a token not used for a minute is written (conditionally, so that concurrent requests
   * change the row once).
   */
  private void recordUse(ApiTokenRepository.Match match) {
    Instant now = clock.instant();
    Instant since = now.minus(USE_RECORDED_EVERY);
    if (match.lastUsedAt() == null || match.lastUsedAt().isBefore(since)) {
      repository.touch(match.tokenId(), now, since);
    }
  }

  /** SHA-256 of the token, in hex: what the table keeps. */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
