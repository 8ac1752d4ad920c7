package org.safeload.app.audit.web;

import java.util.Locale;
import java.util.Map;

/** The audit trail's actions and record types in words ("update" is "Changed"). */
final class AuditWords {

  private static final Map<String, String> ACTIONS =
      Map.ofEntries(
          Map.entry("create", "Added"),
          Map.entry("update", "Changed"),
          Map.entry("move", "Moved"),
          Map.entry("import", "Imported"),
          Map.entry("read", "Read"),
          Map.entry("allocate", "Allocated"),
          Map.entry("plan", "Planned"),
          Map.entry("apply", "Applied"),
          Map.entry("delete", "Removed"),
          Map.entry("read-list", "Listed"),
          Map.entry("sign-in-failed", "Sign-in failed"),
          Map.entry("disable", "Disabled"),
          Map.entry("enable", "Enabled"),
          Map.entry("change-role", "Role changed"),
          Map.entry("reset-password", "Password reset"),
          Map.entry("change-password", "Password changed"),
          Map.entry("sign-out-everywhere", "Signed out everywhere"),
          Map.entry("exported", "Exported"),
          Map.entry("link-worker", "Worker linked"));

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("council", "Council"),
          Map.entry("service", "Service"),
          Map.entry("team", "Team"),
          Map.entry("establishment", "Establishment"),
          Map.entry("provider", "Provider"),
          Map.entry("worker", "Worker"),
          Map.entry("user", "Account"),
          Map.entry("contract", "Contract"),
          Map.entry("child-case", "Child's case"),
          Map.entry("children", "Children"),
          Map.entry("case-events", "Case events"),
          Map.entry("annex-a", "Ofsted Annex A"),
          Map.entry("kpi-rule-set", "KPI rule set"),
          Map.entry("caseload-policy", "Allocation policy"),
          Map.entry("handover", "Handover"),
          Map.entry("audit-trail", "Audit trail"));

  private AuditWords() {}

  static String action(String code) {
    return ACTIONS.getOrDefault(code, sentence(code));
  }

  static String type(String code) {
    return TYPES.getOrDefault(code, sentence(code));
  }

  /** "case-events" as "Case events", for codes not listed. */
  static String sentence(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String words = code.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.UK);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
