package org.safeload.app.audit.web;

import org.safeload.app.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit trail, for administrators. */
@Controller
class AuditPageController {

  private final AuditLog audit;

  AuditPageController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/admin/audit")
  String audit(Model model) {
    model.addAttribute("entries", audit.latest(200));
    return "admin/audit";
  }
}
