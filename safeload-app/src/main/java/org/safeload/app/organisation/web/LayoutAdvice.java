package org.safeload.app.organisation.web;

import org.safeload.app.access.Capability;
import org.safeload.app.access.CurrentUser;
import org.safeload.app.organisation.OrganisationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the council, the person signed in, what they may do. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice implements org.safeload.app.platform.LayoutModel {

  private final OrganisationService organisation;

  LayoutAdvice(OrganisationService organisation) {
    this.organisation = organisation;
  }

  /** The navigation entry each path belongs to, longest prefix first. */
  private static final java.util.List<String[]> SECTIONS =
      java.util.List.of(
          new String[] {"/caseloads/policy", "settings"},
          new String[] {"/timeliness/rules", "settings"},
          new String[] {"/admin", "settings"},
          new String[] {"/settings", "settings"},
          new String[] {"/services", "services"},
          new String[] {"/teams", "teams"},
          new String[] {"/workers", "workers"},
          new String[] {"/workforce", "workforce"},
          new String[] {"/providers", "providers"},
          new String[] {"/caseloads", "caseloads"},
          new String[] {"/timeliness", "timeliness"},
          new String[] {"/cases", "timeliness"},
          new String[] {"/contracts", "contracts"},
          new String[] {"/appraisal", "contracts"});

  static String section(String path) {
    for (String[] s : SECTIONS) {
      if (path.equals(s[0]) || path.startsWith(s[0] + "/")) {
        return s[1];
      }
    }
    return path.equals("/") ? "home" : "";
  }

  /**
   * The council's name, once it is known (a council is never renamed): read on every page, it would
   * hold up the page that says the database is unavailable, or fail it.
   */
  private volatile String councilName;

  private String councilName() {
    String known = councilName;
    if (known != null) {
      return known;
    }
    String read;
    try {
      read = organisation.councilName();
    } catch (RuntimeException e) {
      if (org.safeload.app.platform.DatabaseUnavailable.causes(e)) {
        return "Safeload";
      }
      throw e;
    }
    if (!organisation.empty()) {
      councilName = read;
    }
    return read;
  }

  @ModelAttribute
  void layout(Model model, jakarta.servlet.http.HttpServletRequest request) {
    fill(model, request);
  }

  @Override
  public void fill(Model model, jakarta.servlet.http.HttpServletRequest request) {
    model.addAttribute("nav", section(request.getRequestURI()));
    model.addAttribute("errors", java.util.Map.of());
    model.addAttribute("councilName", councilName());
    model.addAttribute("userName", CurrentUser.displayName());
    model.addAttribute("signedIn", CurrentUser.authentication().isPresent());
    // One flag a capability (canEditMoney, canReadCases, ...), from the capability table, for the
    // pages to show or hide a button or link.
    for (Capability capability : Capability.values()) {
      model.addAttribute(capability.pageFlag(), capability.granted());
    }
  }
}
