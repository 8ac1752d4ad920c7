package org.safeload.app.access.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page: local account, and any configured OIDC providers. */
@Controller
class SignInPage {

  private final ObjectProvider<ClientRegistrationRepository> oidc;

  SignInPage(ObjectProvider<ClientRegistrationRepository> oidc) {
    this.oidc = oidc;
  }

  @GetMapping("/sign-in")
  String signIn(
      @RequestParam(required = false) String error,
      @RequestParam(name = "signed-out", required = false) String signedOut,
      Model model) {
    if (error != null) {
      model.addAttribute(
          "errors",
          java.util.Map.of(
              "username",
              "oidc".equals(error)
                  ? "Your organisation sign-in worked, but there is no Safeload account for you"
                  : "Enter a correct username and password"));
    }
    model.addAttribute("signedOut", signedOut != null);
    java.util.List<ClientRegistration> clients = new java.util.ArrayList<>();
    if (oidc.getIfAvailable() instanceof InMemoryClientRegistrationRepository repo) {
      repo.forEach(clients::add);
    }
    model.addAttribute("oidcClients", clients);
    return "sign-in";
  }
}
