package org.safeload.app.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Pages for whatever goes wrong behind a page, in the service's own layout: the problem in words
 * and a way back, never a stack trace or a JSON body. The API's controllers have their own advice
 * ({@link ApiProblems}), which comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class PageProblems {

  private static final Logger LOG = LoggerFactory.getLogger(PageProblems.class);

  private final LayoutModel layout;

  PageProblems(org.springframework.beans.factory.ObjectProvider<LayoutModel> layout) {
    this.layout = layout.getIfAvailable();
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
    return ErrorPages.show(layout, 404, null, request, response, model);
  }

  @ExceptionHandler(AccessDeniedException.class)
  String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
    return ErrorPages.show(layout, 403, null, request, response, model);
  }

  @ExceptionHandler(InvalidInputException.class)
  String invalid(
      InvalidInputException e,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String words =
        e.problems().stream().map(p -> p.message()).distinct().collect(Collectors.joining(". "));
    return ErrorPages.show(layout, 400, words, request, response, model);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String mismatch(
      MethodArgumentTypeMismatchException e,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return ErrorPages.show(layout, 400, ErrorPages.mismatchWords(e), request, response, model);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  String missing(
      MissingServletRequestParameterException e,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return ErrorPages.show(
        layout,
        400,
        "The link is missing its \"" + e.getParameterName() + "\" value.",
        request,
        response,
        model);
  }

  @ExceptionHandler({
    DataAccessException.class,
    org.springframework.transaction.CannotCreateTransactionException.class
  })
  String database(
      Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
    LOG.error("Database failure behind a page: {}", e.getClass().getName());
    return ErrorPages.show(layout, 503, null, request, response, model);
  }

  /** Anything else: the framework's own status if it has one, or a 500 with nothing inside. */
  @ExceptionHandler(Exception.class)
  String other(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
    if (e instanceof ErrorResponse er) {
      return ErrorPages.show(layout, er.getStatusCode().value(), null, request, response, model);
    }
    if (DatabaseUnavailable.causes(e)) {
      // A rollback that failed on the lost connection hides the database's failure.
      return database(e, request, response, model);
    }
    LOG.error("Unexpected failure behind a page", e);
    return ErrorPages.show(layout, 500, null, request, response, model);
  }
}
