package org.safeload.app.platform;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A failure of the database (no connection within the pool's wait, a connection lost, a transaction
 * that could not begin): answered 503, "try again", by the API, the pages, the filters before them
 * and the error dispatch alike; never a 500, or a 401 as if the password were wrong.
 */
public final class DatabaseUnavailable {

  public static final URI TYPE = URI.create("https://safeload.org/problems/database");
  public static final String TITLE = "Database unavailable";
  public static final String DETAIL =
      "The database could not complete the request; nothing was changed. Try again.";

  private DatabaseUnavailable() {}

  /** Whether the database's failure is the failure, or its cause. */
  public static boolean causes(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 20; depth++) {
      if (t instanceof TransactionSystemException rollback
          && rollback.getApplicationException() != null
          && causes(rollback.getApplicationException())) {
        return true; // the rollback after the failure failed too, on the same lost connection
      }
      if (t instanceof DataAccessException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLException s
              && s.getSQLState() != null
              && s.getSQLState().startsWith("08")) {
        return true;
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return false;
  }

  /** The API's answer: 503 problem details. */
  public static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
    problem.setType(TYPE);
    problem.setTitle(TITLE);
    return problem;
  }
}
