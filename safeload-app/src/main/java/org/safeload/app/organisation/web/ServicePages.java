package org.safeload.app.organisation.web;

import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.platform.FormErrors;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.organisation.Service;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Services: list, view, create, edit. */
@Controller
@RequestMapping("/services")
class ServicePages {

  /** The service form. */
  public static class ServiceForm {
    private String name = "";
    private String description = "";

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }
  }

  private final OrganisationService organisation;

  ServicePages(OrganisationService organisation) {
    this.organisation = organisation;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("services", organisation.services());
    model.addAttribute("teams", organisation.teamSummaries());
    return "services/list";
  }

  @GetMapping("/{id}")
  String view(@PathVariable long id, Model model) {
    Service service = organisation.service(id);
    model.addAttribute("service", service);
    model.addAttribute(
        "teams",
        organisation.teamSummaries().stream().filter(t -> t.team().serviceId() == id).toList());
    return "services/view";
  }

  @GetMapping("/new")
  String create(Model model) {
    model.addAttribute("form", new ServiceForm());
    return "services/form";
  }

  @PostMapping("/new")
  String create(
      @ModelAttribute("form") ServiceForm form, Model model, RedirectAttributes redirect) {
    try {
      Service created = organisation.createService(form.getName(), form.getDescription());
      redirect.addFlashAttribute("done", created.name() + " added");
      return "redirect:/services/" + created.id();
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      return "services/form";
    }
  }

  @GetMapping("/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    Service service = organisation.service(id);
    ServiceForm form = new ServiceForm();
    form.setName(service.name());
    form.setDescription(service.description() == null ? "" : service.description());
    model.addAttribute("form", form);
    model.addAttribute("service", service);
    return "services/form";
  }

  @PostMapping("/{id}/edit")
  String edit(
      @PathVariable long id,
      @ModelAttribute("form") ServiceForm form,
      Model model,
      RedirectAttributes redirect) {
    try {
      Service saved = organisation.updateService(id, form.getName(), form.getDescription());
      redirect.addFlashAttribute("done", "Changes to " + saved.name() + " saved");
      return "redirect:/services/" + id;
    } catch (InvalidInputException e) {
      FormErrors.addTo(model, e);
      model.addAttribute("service", organisation.service(id));
      return "services/form";
    }
  }
}
