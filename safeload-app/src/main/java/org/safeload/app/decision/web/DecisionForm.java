package org.safeload.app.decision.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safeload.app.platform.DateParts;

/**
 * The "Record a decision" form: every box as typed. {@link #document} builds the decision document
 * the API takes (docs/decisions.md), so the form and the API refuse the same things; {@link #field}
 * names the box a problem belongs to.
 */
public class DecisionForm {

  /** Options considered, roster changes and risks the form offers rows for. */
  public static final int OPTIONS = 4;

  public static final int TAPER = 3;
  public static final int RISKS = 3;

  private String kind = "";
  private DateParts date = new DateParts();
  private String decisionMaker = "";
  private String makerRole = "";
  private String route = "";
  private String urgencyReason = "";
  private String wardsAffected = "";
  private String callInDays = "5";
  private String purpose = "";
  private String background = "";
  private String recommendation = "";
  private String exitPlan = "";
  private String funding = "";
  private List<String> risks = blanks(RISKS);
  private List<String> mitigations = blanks(RISKS);
  private List<String> optionNames = blanks(OPTIONS);
  private List<String> optionCosts = blanks(OPTIONS);
  private String chosen = "";
  private String option = "";
  private DateParts newEnd = new DateParts();
  private String addedValue = "";
  private String value = "";
  private List<DateParts> taperFrom = dates(TAPER);
  private List<String> taperTeam = blanks(TAPER);
  private List<String> taperRole = blanks(TAPER);
  private List<String> taperCount = blanks(TAPER);
  private String printedSource = "";
  private String printedTotal = "";
  private List<String> printedAmounts = new ArrayList<>();
  private List<String> printedWorkers = new ArrayList<>();

  private static List<String> blanks(int n) {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add("");
    }
    return list;
  }

  private static List<DateParts> dates(int n) {
    List<DateParts> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(new DateParts());
    }
    return list;
  }

  /** Rows for the printed table, one a month of the contract. */
  public void fitMonths(int months) {
    while (printedAmounts.size() < months) {
      printedAmounts.add("");
    }
    while (printedWorkers.size() < months) {
      printedWorkers.add("");
    }
  }

  private static boolean has(String s) {
    return s != null && !s.isBlank();
  }

  private static String at(List<String> list, int i) {
    return i < list.size() && list.get(i) != null ? list.get(i).strip() : "";
  }

  /**
   * The decision document. Blank boxes are left out; the months of the printed table are the
   * contract's, in order.
   *
   * @param months the contract's months, for the printed table's rows
   * @param multiTeam whether a roster change names one of several teams
   */
  public Map<String, Object> document(List<YearMonth> months, boolean multiTeam) {
    Map<String, Object> d = new LinkedHashMap<>();
    put(d, "kind", kind);
    put(d, "date", date.toIso());
    put(d, "decisionMaker", decisionMaker);
    put(d, "makerRole", makerRole);
    put(d, "route", route);
    put(d, "urgencyReason", urgencyReason);
    d.put("wardsAffected", "yes".equals(wardsAffected) ? "true" : "false");
    put(d, "callInDays", callInDays);
    Map<String, Object> narrative = new LinkedHashMap<>();
    put(narrative, "purpose", purpose);
    put(narrative, "background", background);
    put(narrative, "recommendation", recommendation);
    put(narrative, "exitPlan", exitPlan);
    put(narrative, "funding", funding);
    List<Object> riskRows = new ArrayList<>();
    for (int i = 0; i < RISKS; i++) {
      if (has(at(risks, i)) || has(at(mitigations, i))) {
        Map<String, Object> r = new LinkedHashMap<>();
        put(r, "risk", at(risks, i));
        put(r, "mitigation", at(mitigations, i));
        riskRows.add(r);
      }
    }
    if (!riskRows.isEmpty()) {
      narrative.put("risks", riskRows);
    }
    if (!narrative.isEmpty()) {
      d.put("narrative", narrative);
    }
    List<Object> options = new ArrayList<>();
    optionRows.clear();
    for (int i = 0; i < OPTIONS; i++) {
      if (has(at(optionNames, i)) || has(at(optionCosts, i))) {
        Map<String, Object> o = new LinkedHashMap<>();
        put(o, "name", at(optionNames, i));
        put(o, "cost", at(optionCosts, i).replace(",", "").replace("£", ""));
        o.put("chosen", String.valueOf(i + 1).equals(chosen) ? "true" : "false");
        options.add(o);
        optionRows.add(i);
      }
    }
    if (!options.isEmpty()) {
      d.put("options", options);
    }
    put(d, "option", option);
    put(d, "newEnd", newEnd.toIso());
    put(d, "addedValue", addedValue.replace(",", "").replace("£", ""));
    put(d, "value", value.replace(",", "").replace("£", ""));
    List<Object> taper = new ArrayList<>();
    taperRows.clear();
    for (int i = 0; i < TAPER; i++) {
      if (!taperFrom.get(i).blank() || has(at(taperCount, i))) {
        Map<String, Object> t = new LinkedHashMap<>();
        put(t, "from", taperFrom.get(i).toIso());
        if (multiTeam) {
          put(t, "forTeam", at(taperTeam, i));
        }
        if (has(at(taperRole, i)) && !"teams".equals(at(taperRole, i))) {
          put(t, "role", at(taperRole, i));
          put(t, "count", at(taperCount, i));
        } else {
          put(t, "teams", at(taperCount, i));
        }
        taper.add(t);
        taperRows.add(i);
      }
    }
    if (!taper.isEmpty()) {
      d.put("taper", taper);
    }
    List<Object> printedMonths = new ArrayList<>();
    printedRows.clear();
    for (int i = 0; i < months.size(); i++) {
      if (has(at(printedAmounts, i)) || has(at(printedWorkers, i))) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("month", months.get(i).toString());
        put(m, "amount", at(printedAmounts, i).replace(",", "").replace("£", ""));
        put(m, "socialWorkers", at(printedWorkers, i));
        printedMonths.add(m);
        printedRows.add(i);
      }
    }
    if (!printedMonths.isEmpty() || has(printedTotal)) {
      Map<String, Object> p = new LinkedHashMap<>();
      put(p, "source", printedSource);
      put(p, "total", printedTotal.replace(",", "").replace("£", ""));
      p.put("months", printedMonths);
      d.put("printed", p);
    }
    return d;
  }

  private final List<Integer> optionRows = new ArrayList<>();
  private final List<Integer> taperRows = new ArrayList<>();
  private final List<Integer> printedRows = new ArrayList<>();

  private static final Pattern INDEXED = Pattern.compile("(\\w+(?:\\.\\w+)?)\\[(\\d+)]\\.?(.*)");

  /**
   * The box a problem with the document's field belongs to: {@code options[1].cost} is the cost of
   * the form's row for that option, {@code printed.months[0].amount} the first typed month's.
   */
  public String field(String problem) {
    Matcher m = INDEXED.matcher(problem);
    if (!m.matches()) {
      return switch (problem) {
        case "printed.total" -> "printedTotal";
        case "printed.source" -> "printedSource";
        case "narrative.purpose" -> "purpose";
        case "narrative.background" -> "background";
        case "narrative.recommendation" -> "recommendation";
        case "narrative.exitPlan" -> "exitPlan";
        case "narrative.funding" -> "funding";
        case "options" -> "chosen";
        default -> problem;
      };
    }
    String list = m.group(1);
    int index = Integer.parseInt(m.group(2));
    String rest = m.group(3);
    return switch (list) {
      case "options" -> {
        int row = row(optionRows, index);
        yield ("cost".equals(rest) ? "optionCosts" : "optionNames") + "[" + row + "]";
      }
      case "taper" -> {
        int row = row(taperRows, index);
        yield switch (rest) {
          case "from" -> "taperFrom[" + row + "]";
          case "forTeam" -> "taperTeam[" + row + "]";
          case "role" -> "taperRole[" + row + "]";
          default -> "taperCount[" + row + "]";
        };
      }
      case "printed.months" -> {
        int row = row(printedRows, index);
        yield ("socialWorkers".equals(rest) ? "printedWorkers" : "printedAmounts")
            + "["
            + row
            + "]";
      }
      case "narrative.risks" ->
          ("mitigation".equals(rest) ? "mitigations" : "risks") + "[" + index + "]";
      default -> problem;
    };
  }

  private static final Pattern BOX = Pattern.compile("(\\w+)\\[(\\d+)]");

  /** What a box is called in an error message: "The date of the decision", "Option 2's cost". */
  public static String label(String box, List<YearMonth> months) {
    Matcher m = BOX.matcher(box);
    if (m.matches()) {
      int i = Integer.parseInt(m.group(2));
      return switch (m.group(1)) {
        case "optionNames" -> "Option " + (i + 1);
        case "optionCosts" -> "Option " + (i + 1) + "'s cost";
        case "taperFrom" -> "Change " + (i + 1) + "'s date";
        case "taperTeam" -> "Change " + (i + 1) + "'s team";
        case "taperRole" -> "Change " + (i + 1) + "'s role";
        case "taperCount" -> "Change " + (i + 1) + "'s number";
        case "risks" -> "Risk " + (i + 1);
        case "mitigations" -> "Risk " + (i + 1) + "'s mitigation";
        case "printedAmounts" ->
            "The printed amount for "
                + (i < months.size()
                    ? org.safeload.app.platform.Show.inWords(months.get(i))
                    : "month " + (i + 1));
        case "printedWorkers" -> "The printed number of social workers";
        default -> box;
      };
    }
    return switch (box) {
      case "kind" -> "What was decided";
      case "date" -> "The date of the decision";
      case "decisionMaker" -> "The decision maker";
      case "makerRole" -> "Their role";
      case "route" -> "The route";
      case "urgencyReason" -> "The reason it could not wait";
      case "callInDays" -> "The call-in period";
      case "option" -> "The extension option";
      case "newEnd" -> "The new end date";
      case "addedValue" -> "The amount added to the ceiling";
      case "value" -> "The value of the decision";
      case "chosen" -> "The options considered:";
      case "taper" -> "The roster changes:";
      case "printedTotal" -> "The printed total";
      case "printedSource" -> "Where it is printed";
      default -> "This";
    };
  }

  private static int row(List<Integer> rows, int index) {
    return index < rows.size() ? rows.get(index) : index;
  }

  private static void put(Map<String, Object> m, String key, String value) {
    if (has(value)) {
      m.put(key, value.strip());
    }
  }

  // Getters and setters for binding.

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind == null ? "" : kind;
  }

  public DateParts getDate() {
    return date;
  }

  public void setDate(DateParts date) {
    this.date = date;
  }

  public String getDecisionMaker() {
    return decisionMaker;
  }

  public void setDecisionMaker(String decisionMaker) {
    this.decisionMaker = decisionMaker == null ? "" : decisionMaker;
  }

  public String getMakerRole() {
    return makerRole;
  }

  public void setMakerRole(String makerRole) {
    this.makerRole = makerRole == null ? "" : makerRole;
  }

  public String getRoute() {
    return route;
  }

  public void setRoute(String route) {
    this.route = route == null ? "" : route;
  }

  public String getUrgencyReason() {
    return urgencyReason;
  }

  public void setUrgencyReason(String urgencyReason) {
    this.urgencyReason = urgencyReason == null ? "" : urgencyReason;
  }

  public String getWardsAffected() {
    return wardsAffected;
  }

  public void setWardsAffected(String wardsAffected) {
    this.wardsAffected = wardsAffected == null ? "" : wardsAffected;
  }

  public String getCallInDays() {
    return callInDays;
  }

  public void setCallInDays(String callInDays) {
    this.callInDays = callInDays == null ? "" : callInDays;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose == null ? "" : purpose;
  }

  public String getBackground() {
    return background;
  }

  public void setBackground(String background) {
    this.background = background == null ? "" : background;
  }

  public String getRecommendation() {
    return recommendation;
  }

  public void setRecommendation(String recommendation) {
    this.recommendation = recommendation == null ? "" : recommendation;
  }

  public String getExitPlan() {
    return exitPlan;
  }

  public void setExitPlan(String exitPlan) {
    this.exitPlan = exitPlan == null ? "" : exitPlan;
  }

  public String getFunding() {
    return funding;
  }

  public void setFunding(String funding) {
    this.funding = funding == null ? "" : funding;
  }

  public List<String> getRisks() {
    return risks;
  }

  public void setRisks(List<String> risks) {
    this.risks = risks;
  }

  public List<String> getMitigations() {
    return mitigations;
  }

  public void setMitigations(List<String> mitigations) {
    this.mitigations = mitigations;
  }

  public List<String> getOptionNames() {
    return optionNames;
  }

  public void setOptionNames(List<String> optionNames) {
    this.optionNames = optionNames;
  }

  public List<String> getOptionCosts() {
    return optionCosts;
  }

  public void setOptionCosts(List<String> optionCosts) {
    this.optionCosts = optionCosts;
  }

  public String getChosen() {
    return chosen;
  }

  public void setChosen(String chosen) {
    this.chosen = chosen == null ? "" : chosen;
  }

  public String getOption() {
    return option;
  }

  public void setOption(String option) {
    this.option = option == null ? "" : option;
  }

  public DateParts getNewEnd() {
    return newEnd;
  }

  public void setNewEnd(DateParts newEnd) {
    this.newEnd = newEnd;
  }

  public String getAddedValue() {
    return addedValue;
  }

  public void setAddedValue(String addedValue) {
    this.addedValue = addedValue == null ? "" : addedValue;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value == null ? "" : value;
  }

  public List<DateParts> getTaperFrom() {
    return taperFrom;
  }

  public void setTaperFrom(List<DateParts> taperFrom) {
    this.taperFrom = taperFrom;
  }

  public List<String> getTaperTeam() {
    return taperTeam;
  }

  public void setTaperTeam(List<String> taperTeam) {
    this.taperTeam = taperTeam;
  }

  public List<String> getTaperRole() {
    return taperRole;
  }

  public void setTaperRole(List<String> taperRole) {
    this.taperRole = taperRole;
  }

  public List<String> getTaperCount() {
    return taperCount;
  }

  public void setTaperCount(List<String> taperCount) {
    this.taperCount = taperCount;
  }

  public String getPrintedSource() {
    return printedSource;
  }

  public void setPrintedSource(String printedSource) {
    this.printedSource = printedSource == null ? "" : printedSource;
  }

  public String getPrintedTotal() {
    return printedTotal;
  }

  public void setPrintedTotal(String printedTotal) {
    this.printedTotal = printedTotal == null ? "" : printedTotal;
  }

  public List<String> getPrintedAmounts() {
    return printedAmounts;
  }

  public void setPrintedAmounts(List<String> printedAmounts) {
    this.printedAmounts = printedAmounts;
  }

  public List<String> getPrintedWorkers() {
    return printedWorkers;
  }

  public void setPrintedWorkers(List<String> printedWorkers) {
    this.printedWorkers = printedWorkers;
  }
}
