package org.safeload.app.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What the servlet container's error dispatch shows (an unknown address, a failure outside a
 * controller): a page in the service's layout for a browser, RFC 9457 problem details for anything
 * else. Replaces Spring Boot's error controller.
 */
@Controller
public class ErrorPages implements ErrorController {

  @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
  String page(HttpServletRequest request, HttpServletResponse response, Model model) {
    return show(null, status(request), null, request, response, model);
  }

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
    int status = status(request);
    ProblemDetail problem;
    if (databaseFailed(request)) {
      problem = DatabaseUnavailable.problem();
    } else {
      problem = ProblemDetail.forStatus(status);
      problem.setTitle(heading(status));
      problem.setDetail(message(status));
    }
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (path instanceof String p && !p.isEmpty()) {
      problem.setInstance(URI.create(p.replace(" ", "%20")));
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static int status(HttpServletRequest request) {
    if (databaseFailed(request)) {
      return 503;
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return code instanceof Integer i && i >= 400 ? i : 500;
  }

  /**
   * Whether the failure being shown is the database's, from outside any controller (reading the
   * session or an API token): the service is unavailable, not broken.
   */
  private static boolean databaseFailed(HttpServletRequest request) {
    return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t
        && DatabaseUnavailable.causes(t);
  }

  /** Fills the model for the problem page and sets the response status. */
  static String show(
      LayoutModel layout,
      int status,
      String words,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    response.setStatus(status);
    if (layout != null && !model.containsAttribute("councilName")) {
      layout.fill(model, request);
    }
    model.addAttribute("status", status);
    model.addAttribute("heading", heading(status));
    model.addAttribute("message", words != null && !words.isBlank() ? words : message(status));
    model.addAttribute("backPath", backPath(request));
    return "problem";
  }

  static String heading(int status) {
    return switch (status) {
      case 400 -> "There is a problem with what was asked for";
      case 401 -> "Sign in to continue";
      case 403 -> "You cannot do this";
      case 404 -> "Page not found";
      case 405 -> "This page cannot do that";
      case 413 -> "The file is too large";
      case 503 -> "Sorry, the service is unavailable";
      default ->
          status >= 500 ? "Sorry, there is a problem with the service" : "There is a problem";
    };
  }

  static String message(int status) {
    return switch (status) {
      case 400 -> "Check the address or what you entered, then try again.";
      case 403 -> "Your role does not allow this. Ask an administrator if you need it.";
      case 404 -> "If you typed the web address, check it is correct.";
      case 413 -> "Choose a smaller file.";
      case 503 -> "Nothing was changed. Try again in a few minutes.";
      default ->
          status >= 500
              ? "Nothing was changed. Try again later; if it happens again, tell your administrator."
              : HttpStatus.resolve(status) == null
                  ? "Try again."
                  : HttpStatus.valueOf(status).getReasonPhrase() + ".";
    };
  }

  static String mismatchWords(MethodArgumentTypeMismatchException e) {
    String value = String.valueOf(e.getValue());
    if (value.length() > 40) {
      value = value.substring(0, 40) + "…";
    }
    Class<?> type = e.getRequiredType();
    if (type != null && java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "\"" + value + "\" is not a date. Enter a date like 24/11/2026.";
    }
    if (type != null && Number.class.isAssignableFrom(type)
        || type == long.class
        || type == int.class) {
      return "\"" + value + "\" is not a number, so there is no such page.";
    }
    return "\"" + value + "\" is not a value this page understands.";
  }

  /** The page the person came from, when it is one of ours: a path, never another site. */
  static String backPath(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    if (referer == null) {
      return null;
    }
    try {
      URI uri = URI.create(referer);
      String host = request.getServerName();
      if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(host)) {
        return null;
      }
      String path = uri.getRawPath();
      if (path == null || !path.startsWith("/") || path.startsWith("//")) {
        return null;
      }
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
