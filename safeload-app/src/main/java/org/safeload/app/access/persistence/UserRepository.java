package org.safeload.app.access.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.UserAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The app_user table. */
@Repository
public class UserRepository {

  /** An account with its password hash (which never leaves this module). */
  public record Stored(UserAccount account, String passwordHash) {}

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The account on the current row of a result holding app_user's columns. */
  static UserAccount account(ResultSet rs) throws SQLException {
    long provider = rs.getLong("provider_id");
    boolean noProvider = rs.wasNull(); // asked straight after its column is read
    return new UserAccount(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        AccessRole.valueOf(rs.getString("role")),
        noProvider ? null : provider,
        rs.getBoolean("enabled"),
        rs.getTimestamp("created_at").toInstant());
  }

  /** The worker an account is linked to, if any. */
  public Optional<Long> linkedWorker(long id) {
    return jdbc.sql("select worker_id from app_user where id = ? and worker_id is not null")
        .param(id)
        .query(Long.class)
        .optional();
  }

  /** Every account's linked worker, by account. */
  public java.util.Map<Long, Long> linkedWorkers() {
    java.util.Map<Long, Long> links = new java.util.HashMap<>();
    jdbc.sql("select id, worker_id from app_user where worker_id is not null")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> links.put(rs.getLong(1), rs.getLong(2)));
    return links;
  }

  public void linkWorker(long id, Long workerId) {
    jdbc.sql("update app_user set worker_id = ? where id = ?").params(workerId, id).update();
  }

  public long count() {
    return jdbc.sql("select count(*) from app_user").query(Long.class).single();
  }

  public Optional<Stored> findByUsername(String username) {
    return jdbc.sql("select * from app_user where lower(username) = lower(?)")
        .param(username)
        .query((rs, n) -> new Stored(account(rs), rs.getString("password_hash")))
        .optional();
  }

  public Optional<UserAccount> findById(long id) {
    return jdbc.sql("select * from app_user where id = ?")
        .param(id)
        .query((rs, n) -> account(rs))
        .optional();
  }

  public List<UserAccount> findAll() {
    return jdbc.sql("select * from app_user order by username")
        .query((rs, n) -> account(rs))
        .list();
  }

  public long insert(
      String username,
      String displayName,
      String passwordHash,
      AccessRole role,
      Long providerId,
      Instant createdAt) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into app_user (username, display_name, password_hash, role, provider_id,"
                + " enabled, created_at) values (?, ?, ?, ?, ?, true, ?)")
        .params(
            username, displayName, passwordHash, role.name(), providerId, Timestamp.from(createdAt))
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  public void setEnabled(long id, boolean enabled) {
    jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, id).update();
  }

  public void setRole(long id, AccessRole role, Long providerId) {
    jdbc.sql("update app_user set role = ?, provider_id = ? where id = ?")
        .params(role.name(), providerId, id)
        .update();
  }

  public void setPassword(long id, String passwordHash, boolean mustChange) {
    jdbc.sql("update app_user set password_hash = ?, must_change_password = ? where id = ?")
        .params(passwordHash, mustChange, id)
        .update();
  }

  public void signedIn(long id, Instant at) {
    jdbc.sql("update app_user set last_sign_in_at = ? where id = ?")
        .params(Timestamp.from(at), id)
        .update();
  }

  /** Whether the account's owner must choose a new password before anything else. */
  public boolean mustChangePassword(long id) {
    return jdbc.sql("select must_change_password from app_user where id = ?")
        .param(id)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Each account's last sign-in through the sign-in page, for those who have signed in. */
  public java.util.Map<Long, Instant> lastSignIns() {
    java.util.Map<Long, Instant> last = new java.util.HashMap<>();
    jdbc.sql("select id, last_sign_in_at from app_user where last_sign_in_at is not null")
        .query(
            rs -> {
              last.put(rs.getLong("id"), rs.getTimestamp("last_sign_in_at").toInstant());
            });
    return last;
  }
}
