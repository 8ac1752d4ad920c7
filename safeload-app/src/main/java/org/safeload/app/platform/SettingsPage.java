package org.safeload.app.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** One entry for the pages that set the service up: accounts, audit, policy, rule sets, API. */
@Controller
class SettingsPage {

  @GetMapping("/settings")
  String settings() {
    return "settings";
  }
}
