package org.safeload.app.money.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.safeload.app.money.TeamAppraisalView;
import org.safeload.app.money.appraisal.AppraisalSettings;
import org.safeload.app.money.appraisal.TeamAppraisalService;
import org.safeload.app.platform.DateParts;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/**
 * The team options appraisal page (docs/money.md): a GET form (the team by role, the period, the
 * managed team's price per team-week, the vacancy rate) and, once asked, the three options side by
 * side with the council's figures used. The form builds the same document the API takes, and the
 * core's reader checks it.
 */
@Controller
class AppraisalPages {

  /** The roles a council's own team has, with the form's field for each. */
  static final Map<String, Role> ROLE_FIELDS = roleFields();

  private static Map<String, Role> roleFields() {
    Map<String, Role> fields = new LinkedHashMap<>();
    fields.put("teamManager", Role.TEAM_MANAGER);
    fields.put("socialWorker", Role.SOCIAL_WORKER);
    fields.put("advancedPractitioner", Role.ADVANCED_PRACTITIONER);
    fields.put("businessSupport", Role.BUSINESS_SUPPORT);
    return fields;
  }

  /** The form: every value as typed. */
  public static class AppraisalForm {
    private String teamManager = "1";
    private String socialWorker = "6";
    private String advancedPractitioner = "";
    private String businessSupport = "";
    private String period = "months";
    private String months = "12";
    private DateParts start = new DateParts();
    private DateParts end = new DateParts();
    private String price = "";
    private String vacancy = "0";
    private String appraise;

    public String getTeamManager() {
      return teamManager;
    }

    public void setTeamManager(String v) {
      this.teamManager = v;
    }

    public String getSocialWorker() {
      return socialWorker;
    }

    public void setSocialWorker(String v) {
      this.socialWorker = v;
    }

    public String getAdvancedPractitioner() {
      return advancedPractitioner;
    }

    public void setAdvancedPractitioner(String v) {
      this.advancedPractitioner = v;
    }

    public String getBusinessSupport() {
      return businessSupport;
    }

    public void setBusinessSupport(String v) {
      this.businessSupport = v;
    }

    public String getPeriod() {
      return period;
    }

    public void setPeriod(String v) {
      this.period = v;
    }

    public String getMonths() {
      return months;
    }

    public void setMonths(String v) {
      this.months = v;
    }

    public DateParts getStart() {
      return start;
    }

    public void setStart(DateParts v) {
      this.start = v;
    }

    public DateParts getEnd() {
      return end;
    }

    public void setEnd(DateParts v) {
      this.end = v;
    }

    public String getPrice() {
      return price;
    }

    public void setPrice(String v) {
      this.price = v;
    }

    public String getVacancy() {
      return vacancy;
    }

    public void setVacancy(String v) {
      this.vacancy = v;
    }

    public String getAppraise() {
      return appraise;
    }

    public void setAppraise(String v) {
      this.appraise = v;
    }

    String value(String field) {
      return switch (field) {
        case "teamManager" -> teamManager;
        case "socialWorker" -> socialWorker;
        case "advancedPractitioner" -> advancedPractitioner;
        default -> businessSupport;
      };
    }
  }

  private static final Map<String, String> LABELS =
      Map.of(
          "months", "The number of months",
          "start", "The start date",
          "end", "The end date",
          "price", "The managed team's price per team-week",
          "vacancy", "The vacancy rate");

  private final TeamAppraisalService appraisal;
  private final JsonMapper json = JsonMapper.builder().build();

  AppraisalPages(TeamAppraisalService appraisal) {
    this.appraisal = appraisal;
  }

  @GetMapping("/appraisal")
  String appraisal(@ModelAttribute("form") AppraisalForm form, Model model) {
    Optional<AppraisalSettings.Terms> terms = appraisal.terms();
    model.addAttribute("terms", terms.orElse(null));
    model.addAttribute("roleFields", ROLE_FIELDS);
    if (form.getAppraise() == null || terms.isEmpty()) {
      return "contracts/appraisal";
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Object> document = document(form, terms.get(), errors);
    // The reader checks the document even when the form found problems, so every box says
    // what is wrong at once; the form's own message for a box comes first.
    try {
      TeamAppraisalView result = appraisal.appraise(json.writeValueAsString(document));
      if (errors.isEmpty()) {
        model.addAttribute("result", result);
      }
    } catch (InvalidInputException e) {
      for (FieldProblem p : e.problems()) {
        String field =
            p.field().equals("period") && "dates".equals(form.getPeriod())
                ? "start"
                : field(p.field());
        errors.putIfAbsent(field, message(field, p.message()));
      }
    }
    model.addAttribute("errors", errors);
    return "contracts/appraisal";
  }

  /** The API's document from the form; a problem the reader cannot name well, named here. */
  private static Map<String, Object> document(
      AppraisalForm form, AppraisalSettings.Terms terms, Map<String, String> errors) {
    Map<String, Object> composition = new LinkedHashMap<>();
    for (Map.Entry<String, Role> e : ROLE_FIELDS.entrySet()) {
      String typed = form.value(e.getKey()) == null ? "" : form.value(e.getKey()).strip();
      if (typed.isEmpty()) {
        continue;
      }
      composition.put(e.getValue().code(), typed);
      Role role = e.getValue();
      boolean someone = isPositive(typed);
      String lower = role.label().toLowerCase(Locale.UK);
      if (someone && !terms.agency().hourlyCaps().containsKey(role)) {
        errors.put(
            e.getKey(),
            "The council's settings have no agency price cap for " + lower + ": enter 0");
      } else if (someone && !terms.permanent().salaries().containsKey(role)) {
        errors.put(e.getKey(), "The council's settings have no salary for " + lower + ": enter 0");
      }
    }
    if (composition.isEmpty()
        || composition.values().stream().noneMatch(v -> isPositive((String) v))) {
      errors.putIfAbsent("socialWorker", "Enter how many people of each role the team has");
    }
    Map<String, Object> period = new LinkedHashMap<>();
    if ("dates".equals(form.getPeriod())) {
      period.put("start", form.getStart().toIso());
      period.put("end", form.getEnd().toIso());
      if (form.getStart().blank()) {
        errors.put("start", "Enter the start date");
      }
      if (form.getEnd().blank()) {
        errors.put("end", "Enter the end date");
      }
    } else {
      String months = form.getMonths() == null ? "" : form.getMonths().strip();
      period.put("months", months);
      if (months.isEmpty()) {
        errors.put("months", "Enter the number of months");
      }
    }
    String price =
        form.getPrice() == null ? "" : form.getPrice().replace("£", "").replace(",", "").strip();
    if (price.isEmpty()) {
      errors.put("price", "Enter the managed team's price per team-week");
    }
    BigDecimal vacancy = null;
    String typedVacancy =
        form.getVacancy() == null ? "" : form.getVacancy().replace("%", "").strip();
    if (typedVacancy.isEmpty()) {
      vacancy = BigDecimal.ZERO;
    } else {
      try {
        vacancy = new BigDecimal(typedVacancy);
      } catch (NumberFormatException e) {
        vacancy = null;
      }
      if (vacancy == null
          || vacancy.signum() < 0
          || vacancy.compareTo(BigDecimal.valueOf(100)) > 0) {
        errors.put("vacancy", "Enter the vacancy rate as a percentage from 0 to 100, like 10");
        vacancy = BigDecimal.ZERO;
      }
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("composition", composition.isEmpty() ? Map.of("social-worker", "0") : composition);
    document.put("period", period);
    document.put("managedTeam", Map.of("pricePerTeamWeek", price));
    document.put(
        "permanent",
        Map.of("vacancyRate", vacancy.movePointLeft(2).stripTrailingZeros().toPlainString()));
    return document;
  }

  private static boolean isPositive(String typed) {
    try {
      return new BigDecimal(typed).signum() > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The form's field for a field of the document. */
  private static String field(String path) {
    if (path.startsWith("composition")) {
      String code = path.contains(".") ? path.substring(path.indexOf('.') + 1) : "";
      return ROLE_FIELDS.entrySet().stream()
          .filter(e -> e.getValue().code().equals(code))
          .map(Map.Entry::getKey)
          .findFirst()
          .orElse("socialWorker");
    }
    if (path.equals("period.start")) {
      return "start";
    }
    if (path.equals("period.end")) {
      return "end";
    }
    if (path.startsWith("period")) {
      return "months";
    }
    if (path.startsWith("managedTeam")) {
      return "price";
    }
    if (path.startsWith("permanent.vacancyRate")) {
      return "vacancy";
    }
    return "form";
  }

  /** A reader's message as a sentence about the form's box. */
  private static String message(String field, String message) {
    Role role = ROLE_FIELDS.get(field);
    String label =
        role != null
            ? role.label() + (role == Role.BUSINESS_SUPPORT ? "" : "s")
            : LABELS.getOrDefault(field, "The appraisal");
    if (message.equals("is required")) {
      return "Enter " + label.substring(0, 1).toLowerCase(Locale.UK) + label.substring(1);
    }
    if (message.startsWith("must be a date")) {
      return label + " must be a real date";
    }
    if (message.startsWith("must") || message.startsWith("is ")) {
      return label + " " + message;
    }
    return label + ": " + message;
  }
}
