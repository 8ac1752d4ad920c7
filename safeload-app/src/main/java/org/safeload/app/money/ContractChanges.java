package org.safeload.app.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.safeload.app.platform.Show;
import org.safeload.money.Contract;

/**
 * What changed between two versions of a contract, with the values a finance officer checks: the
 * ceiling, the dates, the status and every invoice ("invoice for July 2026 £1,300.00, was
 * £1,200.00").
 */
final class ContractChanges {

  private ContractChanges() {}

  static List<String> between(Contract before, Contract after) {
    List<String> changes = new ArrayList<>();
    money(changes, "ceiling", before.ceiling(), after.ceiling());
    date(changes, "start date", before.start(), after.start());
    date(changes, "end date", before.end(), after.end());
    if (before.status() != after.status()) {
      changes.add("status " + words(after.status()) + ", was " + words(before.status()));
    }
    Map<YearMonth, Contract.Invoice> was = invoices(before);
    Map<YearMonth, Contract.Invoice> now = invoices(after);
    TreeMap<YearMonth, Boolean> months = new TreeMap<>();
    was.keySet().forEach(m -> months.put(m, true));
    now.keySet().forEach(m -> months.put(m, true));
    for (YearMonth month : months.keySet()) {
      Contract.Invoice old = was.get(month);
      Contract.Invoice current = now.get(month);
      String what = "invoice for " + Show.inWords(month);
      if (old == null) {
        changes.add(what + " " + Show.inMoney(current.amount()) + " added");
      } else if (current == null) {
        changes.add(what + " removed, was " + Show.inMoney(old.amount()));
      } else if (old.amount().compareTo(current.amount()) != 0) {
        changes.add(
            what + " " + Show.inMoney(current.amount()) + ", was " + Show.inMoney(old.amount()));
      } else if (!Objects.equals(old.reference(), current.reference())) {
        changes.add(what + ": its reference changed");
      }
    }
    return changes;
  }

  private static Map<YearMonth, Contract.Invoice> invoices(Contract contract) {
    Map<YearMonth, Contract.Invoice> byMonth = new TreeMap<>();
    contract.actuals().forEach(i -> byMonth.put(i.month(), i));
    return byMonth;
  }

  private static void money(List<String> changes, String what, BigDecimal was, BigDecimal now) {
    if (was == null ? now != null : now == null || was.compareTo(now) != 0) {
      changes.add(
          what
              + " "
              + (now == null ? "none" : Show.inMoney(now))
              + ", was "
              + (was == null ? "none" : Show.inMoney(was)));
    }
  }

  private static void date(List<String> changes, String what, LocalDate was, LocalDate now) {
    if (!Objects.equals(was, now)) {
      changes.add(
          what
              + " "
              + (now == null ? "none" : Show.inWords(now))
              + ", was "
              + (was == null ? "none" : Show.inWords(was)));
    }
  }

  private static String words(Object code) {
    return code == null
        ? "none"
        : code.toString().toLowerCase(java.util.Locale.UK).replace('_', ' ');
  }
}
