package org.safeload.app.access.web;

import jakarta.servlet.http.HttpSession;
import org.safeload.app.access.SafeloadPrincipal;
import org.safeload.app.access.UserAccounts;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person chooses their own password (after an administrator has reset it, first of all). */
@Controller
class OwnPasswordPage {

  private final UserAccounts accounts;

  OwnPasswordPage(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/account/password")
  String form(@AuthenticationPrincipal SafeloadPrincipal me, Model model) {
    model.addAttribute("mustChange", mustChange(me));
    return "account/password";
  }

  @PostMapping("/account/password")
  String change(
      @AuthenticationPrincipal SafeloadPrincipal me,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String confirmation,
      HttpSession session,
      Model model,
      RedirectAttributes redirect) {
    try {
      accounts.changeOwnPassword(me.username(), password, confirmation);
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      model.addAttribute("mustChange", mustChange(me));
      return "account/password";
    }
    session.setAttribute(PasswordChangeRequired.CHECKED, false);
    redirect.addFlashAttribute("done", "Your password is changed");
    return "redirect:/";
  }

  private boolean mustChange(SafeloadPrincipal me) {
    return me != null && me.account() != null && accounts.mustChangePassword(me.account().id());
  }
}
