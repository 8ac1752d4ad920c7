package org.safeload.app.caseactivity.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.timeliness.EventLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A streamed read of the stored events on H2 that fails part way (as H2's "Chunk … not found" does
 * under load) is taken up again after the last row read whole: every event once, in order.
 */
@SafeloadSpringTest
class ResumedReadTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;

  @Test
  void aReadThatFailsPartWayGoesOnAfterTheLastRowReadWhole() {
    long before =
        jdbc.sql("select coalesce(max(id), 0) from case_event").query(Long.class).single();
    for (int i = 1; i <= 5; i++) {
      jdbc.sql(
              "insert into case_event (event_id, occurred_at, type, case_ref, child_ref, ref)"
                  + " values (?, timestamp with time zone '2026-11-20 10:00:00+00', ?, 'RC', 'RK',"
                  + " ?)")
          .params("resume-" + i, i == 4 ? "visit-write-up" : "visit", i == 4 ? "resume-1" : null)
          .update();
    }
    // As any writer does (the app's own log, shared with other tests, reads them at its next look).
    jdbc.sql("update case_activity_version set version = version + 1 where id = 1").update();
    // The third row asked for fails the first time: rows 1 and 2 are in the log by then.
    int[] nexts = {0};
    CaseEventRepository failing =
        new CaseEventRepository(jdbc, template, failingOnce(dataSource, nexts, 3));
    EventLog log = new EventLog();
    List<String> refs = new ArrayList<>();

    long last = failing.appendAfter(before, log, (row, ref) -> refs.add(row + "->" + ref));

    List<String> ids = new ArrayList<>();
    for (int r = 0; r < log.size(); r++) {
      ids.add(log.eventId(r));
    }
    assertThat(ids).containsExactly("resume-1", "resume-2", "resume-3", "resume-4", "resume-5");
    assertThat(refs).containsExactly("3->resume-1");
    assertThat(last)
        .isEqualTo(jdbc.sql("select max(id) from case_event").query(Long.class).single());
    assertThat(nexts[0])
        .as("rows asked for: 3 (the third failing), then 3 more and the end")
        .isEqualTo(7);
  }

  /** A data source whose result sets fail once, on the {@code failAt}th call of next(). */
  private static DataSource failingOnce(DataSource real, int[] nexts, int failAt) {
    return proxy(
        DataSource.class,
        real,
        (target, method, args) -> {
          Object result = invoke(method, target, args);
          return method.getName().equals("getConnection")
              ? proxy(Connection.class, result, statements(nexts, failAt))
              : result;
        });
  }

  private static Handler statements(int[] nexts, int failAt) {
    return (target, method, args) -> {
      Object result = invoke(method, target, args);
      if (!method.getName().equals("prepareStatement")) {
        return result;
      }
      return proxy(
          PreparedStatement.class,
          result,
          (ps, m, a) -> {
            Object r = invoke(m, ps, a);
            if (!m.getName().equals("executeQuery")) {
              return r;
            }
            return proxy(
                ResultSet.class,
                r,
                (rs, n, b) -> {
                  if (n.getName().equals("next") && ++nexts[0] == failAt) {
                    throw new SQLException("Chunk 414 not found", "HY000", 50000);
                  }
                  return invoke(n, rs, b);
                });
          });
    };
  }

  private interface Handler {
    Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, Object target, Handler handler) {
    InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
