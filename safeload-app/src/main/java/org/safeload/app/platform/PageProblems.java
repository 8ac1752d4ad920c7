package org.safeload.app.platform;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Pages for "not found" and "not allowed", in the service's own layout. */
@ControllerAdvice(annotations = Controller.class)
public class PageProblems {

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(Model model) {
    model.addAttribute("heading", "Page not found");
    model.addAttribute("message", "If you typed the web address, check it is correct.");
    return "problem";
  }

  @ExceptionHandler(AccessDeniedException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String forbidden(Model model) {
    model.addAttribute("heading", "You cannot do this");
    model.addAttribute(
        "message", "Your role does not allow this. Ask an administrator if you need it.");
    return "problem";
  }
}
