package org.safeload.app.organisation.web;

import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Providers of managed teams: list and add. */
@Controller
class ProviderPages {

  private final OrganisationService organisation;

  ProviderPages(OrganisationService organisation) {
    this.organisation = organisation;
  }

  @GetMapping("/providers")
  String list(Model model) {
    model.addAttribute("providers", organisation.providers());
    model.addAttribute("name", "");
    return "providers/list";
  }

  @PostMapping("/providers")
  String add(@RequestParam(defaultValue = "") String name, Model model) {
    try {
      organisation.createProvider(name);
      return "redirect:/providers";
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      model.addAttribute("providers", organisation.providers());
      model.addAttribute("name", name);
      return "providers/list";
    }
  }
}
