package org.safeload.app.organisation.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.organisation.Provider;
import org.safeload.organisation.Team;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Providers of managed teams: list (with the teams each supplies) and add. */
@Controller
class ProviderPages {

  private final OrganisationService organisation;

  ProviderPages(OrganisationService organisation) {
    this.organisation = organisation;
  }

  @GetMapping("/providers")
  String list(Model model) {
    model.addAttribute("name", "");
    return page(model);
  }

  @PostMapping("/providers")
  String add(
      @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
    try {
      Provider added = organisation.createProvider(name);
      redirect.addFlashAttribute("done", added.name() + " added");
      return "redirect:/providers";
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      model.addAttribute("name", name);
      return page(model);
    }
  }

  private String page(Model model) {
    model.addAttribute(
        "providers",
        organisation.providers().stream().sorted(Comparator.comparing(Provider::name)).toList());
    Map<Long, List<Team>> teams =
        organisation.teams().stream()
            .filter(t -> t.providerId() != null)
            .sorted(Comparator.comparing(Team::name))
            .collect(Collectors.groupingBy(Team::providerId));
    model.addAttribute("teamsByProvider", teams);
    return "providers/list";
  }
}
