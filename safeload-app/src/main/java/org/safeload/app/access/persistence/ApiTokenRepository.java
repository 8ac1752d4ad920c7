package org.safeload.app.access.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safeload.app.access.ApiToken;
import org.safeload.app.access.UserAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The api_token table. */
@Repository
public class ApiTokenRepository {

  /** An unrevoked token found by its hash, with the enabled account it signs in as. */
  public record Match(long tokenId, Instant lastUsedAt, UserAccount account, boolean readOnly) {}

  private final JdbcClient jdbc;

  ApiTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static ApiToken token(ResultSet rs) throws SQLException {
    return new ApiToken(
        rs.getLong("id"),
        rs.getLong("account_id"),
        rs.getString("label"),
        instant(rs, "created_at"),
        rs.getString("created_by"),
        instant(rs, "last_used_at"),
        instant(rs, "revoked_at"),
        rs.getString("revoked_by"),
        instant(rs, "expires_at"),
        rs.getBoolean("read_only"));
  }

  public long insert(
      long accountId,
      String label,
      String tokenHash,
      Instant createdAt,
      String createdBy,
      Instant expiresAt,
      boolean readOnly) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into api_token (account_id, label, token_hash, created_at, created_by,"
                + " expires_at, read_only) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            accountId,
            label,
            tokenHash,
            Timestamp.from(createdAt),
            createdBy,
            Timestamp.from(expiresAt),
            readOnly)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  /** An account's tokens, active first, newest first. */
  public List<ApiToken> forAccount(long accountId) {
    return jdbc.sql(
            "select * from api_token where account_id = ?"
                + " order by case when revoked_at is null then 0 else 1 end, created_at desc, id desc")
        .param(accountId)
        .query((rs, n) -> token(rs))
        .list();
  }

  public Optional<ApiToken> find(long accountId, long tokenId) {
    return jdbc.sql("select * from api_token where account_id = ? and id = ?")
        .params(accountId, tokenId)
        .query((rs, n) -> token(rs))
        .optional();
  }

  /** Revokes a token once; answers whether it was active until now. */
  public boolean revoke(long tokenId, Instant at, String by) {
    return jdbc.sql(
                "update api_token set revoked_at = ?, revoked_by = ?"
                    + " where id = ? and revoked_at is null")
            .params(Timestamp.from(at), by, tokenId)
            .update()
        == 1;
  }

  /** The unrevoked token with this hash, if its account is enabled. */
  /** The unrevoked, unexpired token with this hash, of an enabled account. */
  public Optional<Match> findActive(String tokenHash, Instant now) {
    return jdbc.sql(
            "select t.id as token_id, t.last_used_at, t.read_only as token_read_only, u.*"
                + " from api_token t join app_user u on u.id = t.account_id"
                + " where t.token_hash = ? and t.revoked_at is null and u.enabled = true"
                + " and (t.expires_at is null or t.expires_at > ?)")
        .params(tokenHash, Timestamp.from(now))
        .query(
            (rs, n) -> {
              UserAccount account = UserRepository.account(rs);
              return new Match(
                  rs.getLong("token_id"),
                  instant(rs, "last_used_at"),
                  account,
                  rs.getBoolean("token_read_only"));
            })
        .optional();
  }

  /** Records a use, unless one was recorded within the last minute (by this or another node). */
  public void touch(long tokenId, Instant at, Instant unlessAfter) {
    jdbc.sql(
            "update api_token set last_used_at = ?"
                + " where id = ? and (last_used_at is null or last_used_at < ?)")
        .params(Timestamp.from(at), tokenId, Timestamp.from(unlessAfter))
        .update();
  }
}
