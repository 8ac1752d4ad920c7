package org.safeload.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.money.Contract.RosterChange;
import org.safeload.money.Contract.TeamPart;

/**
 * The checks a change to a stored contract must pass, named by field, shared by {@link
 * Contract#withChange}, {@link Contract#withInvoice} and {@link Contract#withDecision}.
 */
final class ContractRules {

  private ContractRules() {}

  static void refuse(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new DocumentException(problems);
    }
  }

  /** Why an invoice's month cannot be the contract's (from its start to its end), if it cannot. */
  static java.util.Optional<String> invoiceMonth(
      java.time.YearMonth month, java.time.LocalDate start, java.time.LocalDate end) {
    java.time.YearMonth first = java.time.YearMonth.from(start);
    java.time.YearMonth last = java.time.YearMonth.from(end);
    if (month.isBefore(first) || month.isAfter(last)) {
      return java.util.Optional.of("is outside the contract (" + first + " to " + last + ")");
    }
    return java.util.Optional.empty();
  }

  static void money(BigDecimal amount, String field, List<FieldProblem> problems) {
    if (amount == null) {
      problems.add(FieldProblem.of(field, "is required"));
    } else if (amount.signum() < 0) {
      problems.add(FieldProblem.of(field, "must not be negative (not " + amount + ")"));
    } else if (amount.stripTrailingZeros().scale() > 2) {
      problems.add(
          FieldProblem.of(
              field,
              "must be in pounds and pence, with no more than 2 decimal places (not "
                  + amount.toPlainString()
                  + ")"));
    }
  }

  private static void within(
      Contract c, LocalDate date, String field, List<FieldProblem> problems) {
    if (date == null) {
      problems.add(FieldProblem.of(field, "is required"));
    } else if (date.isBefore(c.start()) || date.isAfter(c.end())) {
      problems.add(
          FieldProblem.of(field, "must fall within the contract, " + c.start() + " to " + c.end()));
    }
  }

  static void change(Contract c, RosterChange change, List<FieldProblem> problems) {
    within(c, change.from(), "from", problems);
    TeamPart part = part(c, change.forTeam(), problems);
    if ((change.role() == null) == (change.teams() == null)) {
      problems.add(
          FieldProblem.of(
              "role",
              "a change names either a role and its new count, or the new number of teams"));
      return;
    }
    if (part == null) {
      return;
    }
    if (change.role() != null) {
      if (change.count() == null || change.count() < 0) {
        problems.add(FieldProblem.of("count", "must be a whole number, 0 or more"));
      }
      if (part.roster().stream().noneMatch(line -> line.role() == change.role())) {
        problems.add(FieldProblem.of("role", "the roster has no line for " + change.role().code()));
      }
    } else {
      if (change.teams() < 0) {
        problems.add(FieldProblem.of("teams", "must be a whole number, 0 or more"));
      }
      if (part.teamUnit() == null) {
        problems.add(FieldProblem.of("teams", "the contract has no teamUnit to change"));
      }
    }
  }

  /** The team a change or absence is for: one of a multi-team contract's, or its only one. */
  static TeamPart part(Contract c, String forTeam, List<FieldProblem> problems) {
    if (!c.multiTeam()) {
      if (forTeam != null) {
        problems.add(FieldProblem.of("forTeam", "the contract buys one team; leave it out"));
        return null;
      }
      return c.parts().getFirst();
    }
    if (forTeam == null) {
      problems.add(
          FieldProblem.of("forTeam", "the contract buys several teams; name one of: " + names(c)));
      return null;
    }
    return c.teams().stream()
        .filter(p -> Objects.equals(p.name(), forTeam))
        .findFirst()
        .orElseGet(
            () -> {
              problems.add(
                  FieldProblem.of("forTeam", "is not one of the contract's teams: " + names(c)));
              return null;
            });
  }

  private static String names(Contract c) {
    return String.join(", ", c.teams().stream().map(TeamPart::name).toList());
  }

  static void decision(Contract c, Decision d, List<FieldProblem> problems) {
    if (d.kind() == null) {
      problems.add(FieldProblem.of("kind", "is required; kinds: " + DecisionKind.codes()));
      return;
    }
    if (d.date() == null) {
      problems.add(FieldProblem.of("date", "is required"));
    }
    if (blank(d.decisionMaker())) {
      problems.add(FieldProblem.of("decisionMaker", "is required: who took the decision"));
    }
    if (d.route() == null) {
      problems.add(FieldProblem.of("route", "is required; routes: " + DecisionRoute.codes()));
    } else if ((d.route() == DecisionRoute.URGENT || d.route() == DecisionRoute.GENERAL_EXCEPTION)
        && blank(d.urgencyReason())) {
      problems.add(
          FieldProblem.of(
              "urgencyReason", "an urgent or general exception decision needs its reason"));
    }
    if (d.callInDays() < 0 || d.callInDays() > 30) {
      problems.add(FieldProblem.of("callInDays", "must be from 0 to 30 working days"));
    }
    if (d.value() != null) {
      money(d.value(), "value", problems);
    }
    long chosen = d.options().stream().filter(Decision.OptionConsidered::chosen).count();
    if (!d.options().isEmpty() && chosen != 1) {
      problems.add(FieldProblem.of("options", "mark exactly one option as chosen"));
    }
    for (int i = 0; i < d.options().size(); i++) {
      Decision.OptionConsidered o = d.options().get(i);
      if (blank(o.name())) {
        problems.add(FieldProblem.of("options[" + i + "].name", "is required"));
      }
      if (o.cost() != null) {
        money(o.cost(), "options[" + i + "].cost", problems);
      }
    }
    if (d.printed() != null) {
      if (d.printed().total() != null) {
        money(d.printed().total(), "printed.total", problems);
      }
      for (int i = 0; i < d.printed().months().size(); i++) {
        Decision.PrintedMonth m = d.printed().months().get(i);
        if (m.month() == null) {
          problems.add(FieldProblem.of("printed.months[" + i + "].month", "is required"));
        }
        money(m.amount(), "printed.months[" + i + "].amount", problems);
      }
    }
    switch (d.kind()) {
      case EXERCISE_OPTION, DECLINE_OPTION -> {
        if (d.option() == null || d.option() < 1 || d.option() > c.extensions().size()) {
          problems.add(
              FieldProblem.of(
                  "option",
                  c.extensions().isEmpty()
                      ? "the contract has no extension options"
                      : "must be an option from 1 to " + c.extensions().size()));
        } else if (!c.extensions().get(d.option() - 1).open()) {
          problems.add(
              FieldProblem.of(
                  "option",
                  "option "
                      + d.option()
                      + " is already "
                      + c.extensions().get(d.option() - 1).state().code()));
        }
        if (d.kind() == DecisionKind.EXERCISE_OPTION
            && d.newEnd() != null
            && !d.newEnd().isAfter(c.end())) {
          problems.add(FieldProblem.of("newEnd", "must be after the contract's end, " + c.end()));
        }
      }
      case EXTENSION -> {
        if (d.newEnd() == null || !d.newEnd().isAfter(c.end())) {
          problems.add(FieldProblem.of("newEnd", "must be after the contract's end, " + c.end()));
        }
        if (d.addedValue() != null) {
          money(d.addedValue(), "addedValue", problems);
        }
      }
      case EARLY_EXIT -> {
        if (d.newEnd() == null || d.newEnd().isBefore(c.start()) || !d.newEnd().isBefore(c.end())) {
          problems.add(
              FieldProblem.of(
                  "newEnd",
                  "must be before the contract's end, " + c.end() + ", and not before its start"));
        }
      }
      case VARIATION -> {
        if (d.newEnd() != null && d.newEnd().isBefore(c.start())) {
          problems.add(FieldProblem.of("newEnd", "must not be before the start, " + c.start()));
        }
        if (d.addedValue() != null
            && c.ceiling() != null
            && c.ceiling().add(d.addedValue()).signum() < 0) {
          problems.add(FieldProblem.of("addedValue", "would take the ceiling below £0"));
        }
      }
      case TAPER -> {
        if (d.taper().isEmpty()) {
          problems.add(FieldProblem.of("taper", "a taper needs at least one roster change"));
        }
        for (int i = 0; i < d.taper().size(); i++) {
          List<FieldProblem> each = new java.util.ArrayList<>();
          change(c, d.taper().get(i), each);
          for (FieldProblem p : each) {
            problems.add(FieldProblem.of("taper[" + i + "]." + p.field(), p.message()));
          }
        }
      }
      case AWARD -> {}
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
