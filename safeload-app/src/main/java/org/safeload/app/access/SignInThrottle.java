package org.safeload.app.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.safeload.app.access.persistence.UserRepository;
import org.safeload.app.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing, per account and per address, in this instance's memory. Five wrong
 * passwords for an account within 15 minutes block it for a minute, then two, four and so on up to
 * 15 minutes; twenty from one address within 15 minutes block the address for 15 minutes. While
 * blocked, every attempt, right or wrong, is answered 429 with {@code Retry-After}, so a flood of
 * guesses costs no password check. Each failure is audited against the account (never the password)
 * and logged without the username or address.
 */
@Component
public class SignInThrottle {

  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration FIRST_BLOCK = Duration.ofMinutes(1);
  static final Duration LONGEST_BLOCK = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 100_000;

  private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

  private static final class Record {
    final Deque<Instant> failures = new ArrayDeque<>();
    Instant blockedUntil = Instant.MIN;
    int blocks;
  }

  private final Map<String, Record> accounts = new ConcurrentHashMap<>();
  private final Map<String, Record> addresses = new ConcurrentHashMap<>();
  private final Clock clock;
  private final AuditLog audit;
  private final UserRepository users;
  private final int accountFailures;
  private final int addressFailures;
  private final int basicBurst;
  private final double basicPerSecond;

  SignInThrottle(
      Clock clock,
      AuditLog audit,
      UserRepository users,
      @org.springframework.beans.factory.annotation.Value("${safeload.sign-in.account-failures:5}")
          int accountFailures,
      @org.springframework.beans.factory.annotation.Value("${safeload.sign-in.address-failures:20}")
          int addressFailures,
      @org.springframework.beans.factory.annotation.Value("${safeload.sign-in.basic-burst:20}")
          int basicBurst,
      @org.springframework.beans.factory.annotation.Value("${safeload.sign-in.basic-per-second:5}")
          double basicPerSecond) {
    this.clock = clock;
    this.audit = audit;
    this.users = users;
    this.accountFailures = accountFailures;
    this.addressFailures = addressFailures;
    this.basicBurst = basicBurst;
    this.basicPerSecond = basicPerSecond;
  }

  int basicBurst() {
    return basicBurst;
  }

  double basicPerSecond() {
    return basicPerSecond;
  }

  /** How long the account or the address is still blocked, if either is. */
  public Optional<Duration> blocked(String username, String address) {
    Instant now = clock.instant();
    Instant until = Instant.MIN;
    Record account = username == null ? null : accounts.get(key(username));
    if (account != null) {
      synchronized (account) {
        until = account.blockedUntil;
      }
    }
    Record from = address == null ? null : addresses.get(address);
    if (from != null) {
      synchronized (from) {
        until = from.blockedUntil.isAfter(until) ? from.blockedUntil : until;
      }
    }
    return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  @EventListener
  void failed(AuthenticationFailureBadCredentialsEvent event) {
    String username = String.valueOf(event.getAuthentication().getPrincipal());
    failed(username, address(event.getAuthentication().getDetails()));
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    accounts.remove(key(event.getAuthentication().getName()));
  }

  /** Records a wrong password for an account from an address. */
  void failed(String username, String address) {
    Instant now = clock.instant();
    if (accounts.size() > MAX_TRACKED || addresses.size() > MAX_TRACKED) {
      forgetQuiet(now);
    }
    int forAccount =
        count(
            accounts.computeIfAbsent(key(username), k -> new Record()), now, accountFailures, true);
    int fromAddress =
        address == null
            ? 0
            : count(
                addresses.computeIfAbsent(address, k -> new Record()), now, addressFailures, false);
    log.warn(
        "Sign-in failed; wrong passwords in the last 15 minutes: {} for the account, {} from its"
            + " address",
        forAccount,
        fromAddress);
    Optional<UserAccount> account =
        users.findByUsername(username.strip()).map(UserRepository.Stored::account);
    audit.record(
        "sign-in-failed",
        "user",
        account.map(UserAccount::id).orElse(null),
        account.isPresent()
            ? "A wrong password (" + forAccount + " in 15 minutes)"
            : "A sign-in with an unknown username");
  }

  private static int count(Record r, Instant now, int limit, boolean account) {
    synchronized (r) {
      r.failures.addLast(now);
      while (!r.failures.isEmpty() && r.failures.peekFirst().isBefore(now.minus(WINDOW))) {
        r.failures.removeFirst();
      }
      if (r.failures.size() >= limit) {
        Duration block =
            account ? FIRST_BLOCK.multipliedBy(1L << Math.min(r.blocks, 4)) : LONGEST_BLOCK;
        r.blockedUntil = now.plus(block.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : block);
        r.blocks++;
        r.failures.clear();
        return limit;
      }
      return r.failures.size();
    }
  }

  private void forgetQuiet(Instant now) {
    for (Map<String, Record> map : java.util.List.of(accounts, addresses)) {
      map.entrySet()
          .removeIf(
              e -> {
                synchronized (e.getValue()) {
                  return e.getValue().blockedUntil.isBefore(now)
                      && (e.getValue().failures.isEmpty()
                          || e.getValue().failures.peekLast().isBefore(now.minus(WINDOW)));
                }
              });
    }
  }

  private static String key(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }

  private static String address(Object details) {
    return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
  }
}
