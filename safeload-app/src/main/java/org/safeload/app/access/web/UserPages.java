package org.safeload.app.access.web;

import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.UserAccounts;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Accounts, for administrators. */
@Controller
class UserPages {

  /** The new-account form. */
  public static class AccountForm {
    private String username = "";
    private String displayName = "";
    private String password = "";
    private String role = "";
    private Long providerId;

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    public String getDisplayName() {
      return displayName;
    }

    public void setDisplayName(String displayName) {
      this.displayName = displayName;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public String getRole() {
      return role;
    }

    public void setRole(String role) {
      this.role = role;
    }

    public Long getProviderId() {
      return providerId;
    }

    public void setProviderId(Long providerId) {
      this.providerId = providerId;
    }
  }

  private final UserAccounts accounts;
  private final ProviderDirectory providers;
  private final org.safeload.app.access.WorkerDirectory workers;

  UserPages(
      UserAccounts accounts,
      ProviderDirectory providers,
      org.safeload.app.access.WorkerDirectory workers) {
    this.accounts = accounts;
    this.providers = providers;
    this.workers = workers;
  }

  @GetMapping("/admin/users")
  String list(
      @org.springframework.web.bind.annotation.RequestParam(required = false) String page,
      Model model) {
    model.addAttribute(
        "users",
        org.safeload.app.platform.Pagination.Paged.of(
            accounts.list(),
            org.safeload.app.platform.Pagination.page(page),
            n -> org.safeload.app.platform.Pagination.href("/admin/users", java.util.Map.of(), n)));
    model.addAttribute("providerNames", providers.providerNames());
    model.addAttribute("lastSignIns", accounts.lastSignIns());
    return "admin/users";
  }

  /** One account: its details and what an administrator can do with it. */
  @GetMapping("/admin/users/{id}")
  String account(@org.springframework.web.bind.annotation.PathVariable long id, Model model) {
    var account = accounts.account(id);
    model.addAttribute("account", account);
    model.addAttribute("lastSignIn", accounts.lastSignIns().get(id));
    model.addAttribute("history", accounts.history(id));
    Long linked = accounts.linkedWorker(id).orElse(null);
    model.addAttribute("linkedWorker", linked);
    model.addAttribute(
        "linkedWorkerName", linked == null ? null : workers.name(linked).orElse(null));
    model.addAttribute("workerChoices", accounts.workerChoices());
    if (!model.containsAttribute("form")) {
      AccountForm form = new AccountForm();
      form.setRole(account.role().name());
      form.setProviderId(account.providerId());
      model.addAttribute("form", form);
    }
    choices(model);
    return "admin/user";
  }

  @PostMapping("/admin/users/{id}/disable")
  String disable(
      @org.springframework.web.bind.annotation.PathVariable long id,
      Model model,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    return change(
        id,
        model,
        redirect,
        () -> "Account " + accounts.disable(id).username() + " disabled: it cannot sign in");
  }

  @PostMapping("/admin/users/{id}/enable")
  String enable(
      @org.springframework.web.bind.annotation.PathVariable long id,
      Model model,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    return change(
        id,
        model,
        redirect,
        () -> "Account " + accounts.enable(id).username() + " can sign in again");
  }

  @PostMapping("/admin/users/{id}/role")
  String role(
      @org.springframework.web.bind.annotation.PathVariable long id,
      @ModelAttribute("form") AccountForm form,
      Model model,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    AccessRole role = AccessRole.fromName(form.getRole()).orElse(null);
    return change(
        id,
        model,
        redirect,
        () -> {
          var changed =
              accounts.changeRole(
                  id, role, role == AccessRole.PROVIDER ? form.getProviderId() : null);
          return "Account " + changed.username() + " now has the role " + changed.role().label();
        });
  }

  /** Links the account to a worker (so to their team's children), or unlinks it. */
  @PostMapping("/admin/users/{id}/worker")
  String linkWorker(
      @org.springframework.web.bind.annotation.PathVariable long id,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String workerId,
      Model model,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    return change(
        id,
        model,
        redirect,
        () -> {
          Long worker = null;
          if (workerId != null && !workerId.isBlank()) {
            try {
              worker = Long.parseLong(workerId.strip());
            } catch (NumberFormatException e) {
              throw new InvalidInputException("workerId", "Choose a worker from the list");
            }
          }
          var account = accounts.linkWorker(id, worker);
          return worker == null
              ? "Account " + account.username() + " is no longer linked to a worker"
              : "Account "
                  + account.username()
                  + " linked to "
                  + workers.name(worker).orElse("the worker");
        });
  }

  @PostMapping("/admin/users/{id}/password")
  String resetPassword(
      @org.springframework.web.bind.annotation.PathVariable long id,
      @ModelAttribute("form") AccountForm form,
      Model model,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    return change(
        id,
        model,
        redirect,
        () ->
            "Password for "
                + accounts.resetPassword(id, form.getPassword()).username()
                + " reset: they choose their own at their next sign-in");
  }

  @PostMapping("/admin/users/{id}/sign-out")
  String signOutEverywhere(
      @org.springframework.web.bind.annotation.PathVariable long id,
      Model model,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    return change(
        id,
        model,
        redirect,
        () -> {
          int ended = accounts.signOutEverywhere(id);
          return "Signed out everywhere: "
              + ended
              + (ended == 1 ? " session ended" : " sessions ended");
        });
  }

  /** Makes a change; on success back to the account's page with a banner, else its errors. */
  private String change(
      long id,
      Model model,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
      java.util.function.Supplier<String> change) {
    try {
      redirect.addFlashAttribute("done", change.get());
      return "redirect:/admin/users/" + id;
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      return account(id, model);
    }
  }

  @GetMapping("/admin/users/new")
  String create(Model model) {
    accounts.list(); // administrators only
    model.addAttribute("form", new AccountForm());
    choices(model);
    return "admin/user-form";
  }

  @PostMapping("/admin/users/new")
  String create(
      @ModelAttribute("form") AccountForm form,
      Model model,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    try {
      AccessRole role = AccessRole.fromName(form.getRole()).orElse(null);
      var created =
          accounts.create(
              new UserAccounts.NewAccount(
                  form.getUsername(),
                  form.getDisplayName(),
                  form.getPassword(),
                  role,
                  role == AccessRole.PROVIDER ? form.getProviderId() : null));
      redirect.addFlashAttribute(
          "done",
          "Account " + created.username() + " added with the role " + created.role().label());
      return "redirect:/admin/users";
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      choices(model);
      return "admin/user-form";
    }
  }

  private void choices(Model model) {
    model.addAttribute("roles", AccessRole.values());
    model.addAttribute("providerNames", providers.providerNames());
  }
}
