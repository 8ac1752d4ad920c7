package org.safeload.app.platform;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.document.FieldProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** RFC 9457 problem details for the REST API, naming the fields (and lines) that failed. */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

  public static final URI INVALID = URI.create("https://safeload.org/problems/invalid-input");
  public static final URI NOT_FOUND = URI.create("https://safeload.org/problems/not-found");
  public static final URI FORBIDDEN = URI.create("https://safeload.org/problems/forbidden");

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setType(INVALID);
    problem.setTitle(e.title());
    problem.setDetail(detail(e.problems()));
    problem.setProperty("errors", e.problems().stream().map(ApiProblems::error).toList());
    return problem;
  }

  public static final URI UNAVAILABLE = DatabaseUnavailable.TYPE;

  /**
   * The database failed, or no connection to it could be had for the transaction: the transaction
   * is rolled back (or never began), so nothing was changed.
   */
  @ExceptionHandler({
    org.springframework.dao.DataAccessException.class,
    org.springframework.transaction.CannotCreateTransactionException.class
  })
  ProblemDetail database(Exception e) {
    return DatabaseUnavailable.problem();
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(NOT_FOUND);
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN, "Your role does not allow this action");
    problem.setType(FORBIDDEN);
    problem.setTitle("Forbidden");
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return invalid(
        new InvalidInputException(
            "The request body is not valid JSON for this endpoint",
            List.of(FieldProblem.of("", rootMessage(e)))));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return invalid(
        new InvalidInputException(e.getName(), "'" + e.getValue() + "' is not a valid value"));
  }

  /**
   * Anything else: the framework's own problem (404, 405, 415, a missing parameter) as it is, or a
   * 500 that says nothing of the inside.
   */
  @ExceptionHandler(Exception.class)
  org.springframework.http.ResponseEntity<ProblemDetail> other(Exception e) {
    if (e instanceof org.springframework.web.ErrorResponse er) {
      return org.springframework.http.ResponseEntity.status(er.getStatusCode())
          .headers(er.getHeaders())
          .body(er.getBody());
    }
    if (DatabaseUnavailable.causes(e)) {
      // A rollback that failed on the lost connection hides the database's failure.
      return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(DatabaseUnavailable.problem());
    }
    org.slf4j.LoggerFactory.getLogger(ApiProblems.class).error("Unexpected API failure", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong inside Safeload; nothing was changed.");
    problem.setTitle("Internal error");
    return org.springframework.http.ResponseEntity.internalServerError().body(problem);
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? "unreadable" : cause.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  static String detail(List<FieldProblem> problems) {
    return problems.size() == 1
        ? problems.getFirst().message()
        : problems.size() + " problems; see errors";
  }

  static Map<String, Object> error(FieldProblem p) {
    Map<String, Object> error = new LinkedHashMap<>();
    if (p.line() > 0) {
      error.put("line", p.line());
    }
    error.put("field", p.field());
    error.put("message", p.message());
    return error;
  }
}
