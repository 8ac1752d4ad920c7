package org.safeload.app.access.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safeload.app.access.ApiToken;
import org.safeload.app.access.ApiTokens;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An account's API tokens, for administrators: the list, a new token (shown once, on the page that
 * answers the form, so it is never kept in the session) and revoking one.
 */
@Controller
class ApiTokenPages {

  private final ApiTokens tokens;
  private final AuditLog audit;
  private final java.time.Clock clock;

  ApiTokenPages(ApiTokens tokens, AuditLog audit, java.time.Clock clock) {
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/admin/users/{id}/tokens")
  String list(@PathVariable long id, Model model) {
    return page(id, "", model);
  }

  @PostMapping("/admin/users/{id}/tokens")
  String create(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String label,
      @RequestParam(defaultValue = "90") int days,
      @RequestParam(defaultValue = "change") String access,
      Model model) {
    try {
      ApiTokens.Created created = tokens.create(id, label, days, "read".equals(access));
      model.addAttribute("created", created);
      return page(id, "", model);
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      return page(id, label, model);
    }
  }

  @PostMapping("/admin/users/{id}/tokens/{tokenId}/revoke")
  String revoke(@PathVariable long id, @PathVariable long tokenId, RedirectAttributes redirect) {
    ApiToken token = tokens.revoke(id, tokenId);
    redirect.addFlashAttribute("done", "API token “" + token.label() + "” revoked");
    return "redirect:/admin/users/" + id + "/tokens";
  }

  private String page(long id, String label, Model model) {
    var account = tokens.account(id);
    model.addAttribute("lifetimes", ApiTokens.LIFETIMES);
    model.addAttribute("now", java.time.Instant.now(clock));
    List<ApiToken> list = tokens.list(id);
    List<String> usernames = new ArrayList<>();
    list.forEach(
        t -> {
          usernames.add(t.createdBy());
          if (t.revokedBy() != null) {
            usernames.add(t.revokedBy());
          }
        });
    model.addAttribute("account", account);
    model.addAttribute("tokens", list);
    model.addAttribute("people", usernames.isEmpty() ? Map.of() : audit.people(usernames));
    model.addAttribute("label", label);
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "admin/tokens";
  }
}
