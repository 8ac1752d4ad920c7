package org.safeload.app.organisation.persistence;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The council table: one council per installation. */
@Repository
public class CouncilRepository {

  /** The council's id and name. */
  public record CouncilRow(long id, String name) {}

  private final JdbcClient jdbc;

  CouncilRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<CouncilRow> find() {
    return jdbc.sql("select id, name from council order by id fetch first 1 rows only")
        .query((rs, n) -> new CouncilRow(rs.getLong("id"), rs.getString("name")))
        .optional();
  }

  /** The council's region, or empty when not set. */
  public Optional<String> region() {
    return jdbc.sql("select region from council order by id fetch first 1 rows only")
        .query(String.class)
        .optional();
  }

  /** Sets the council's region. */
  public void setRegion(String region) {
    jdbc.sql("update council set region = ?").param(region).update();
  }

  public long insert(String name) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into council (name) values (?)").param(name).update(keys, "id");
    return keys.getKeyAs(Long.class);
  }
}
