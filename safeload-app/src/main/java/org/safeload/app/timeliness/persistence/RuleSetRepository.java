package org.safeload.app.timeliness.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kpi_rule_set table: the council's own KPI rule sets. */
@Repository
public class RuleSetRepository {

  /** A stored rule set. */
  public record RuleSetRow(String id, String document, boolean active, Instant updatedAt) {}

  private final JdbcClient jdbc;

  RuleSetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<RuleSetRow> ruleSets() {
    return jdbc.sql("select * from kpi_rule_set order by id")
        .query(
            (rs, n) ->
                new RuleSetRow(
                    rs.getString("id"),
                    rs.getString("document"),
                    rs.getBoolean("active"),
                    rs.getTimestamp("updated_at").toInstant()))
        .list();
  }

  public void saveRuleSet(String id, String document, Instant at) {
    int updated =
        jdbc.sql("update kpi_rule_set set document = ?, updated_at = ? where id = ?")
            .params(document, Timestamp.from(at), id)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into kpi_rule_set (id, document, active, updated_at) values (?, ?, false, ?)")
          .params(id, document, Timestamp.from(at))
          .update();
    }
  }
}
