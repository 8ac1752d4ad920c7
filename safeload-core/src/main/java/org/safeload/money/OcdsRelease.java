package org.safeload.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A contract as an Open Contracting Data Standard 1.1 release package (a map ready to write as
 * JSON): the council as buyer, the provider as supplier, the award and the contract with its value
 * (the ceiling, or the costed total without one) and period, and the extension options.
 */
public final class OcdsRelease {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final java.time.format.DateTimeFormatter RFC_3339 =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private OcdsRelease() {}

  /**
   * Builds the release package.
   *
   * @param ocidPrefix the publisher's registered OCDS prefix, like {@code ocds-abc123}
   * @param published when the package is published
   */
  public static Map<String, Object> releasePackage(
      Contract contract,
      Costing costing,
      String council,
      String ocidPrefix,
      String baseUri,
      Instant published) {
    String ocid = ocidPrefix + "-" + contract.id();
    String date = published.toString();
    String councilId = "council-" + slug(council);
    String supplierId = "supplier-" + slug(contract.provider());

    Map<String, Object> buyer = party(councilId, council, List.of("buyer", "procuringEntity"));
    Map<String, Object> supplier = party(supplierId, contract.provider(), List.of("supplier"));
    BigDecimal value = contract.ceiling() != null ? contract.ceiling() : costing.total();

    Map<String, Object> award = new LinkedHashMap<>();
    award.put("id", contract.id() + "-award");
    award.put("title", "Managed social work team: " + contract.provider());
    award.put("status", "active");
    award.put("value", money(value));
    award.put("suppliers", List.of(Map.of("id", supplierId, "name", contract.provider())));
    award.put("contractPeriod", period(contract.start(), contract.end()));

    Map<String, Object> ocdsContract = new LinkedHashMap<>();
    ocdsContract.put("id", contract.id());
    ocdsContract.put("awardID", contract.id() + "-award");
    ocdsContract.put("title", "Managed social work team: " + contract.provider());
    if (contract.justification() != null) {
      ocdsContract.put("description", contract.justification());
    }
    ocdsContract.put("status", status(contract.status()));
    ocdsContract.put("value", money(value));
    ocdsContract.put("period", period(contract.start(), contract.end()));

    Map<String, Object> tender = new LinkedHashMap<>();
    tender.put("id", contract.id() + "-tender");
    if (contract.route() != null) {
      tender.put("procurementMethod", method(contract.route()));
      tender.put("procurementMethodDetails", contract.route().label());
      if (contract.justification() != null) {
        tender.put("procurementMethodRationale", contract.justification());
      }
    }
    tender.put("mainProcurementCategory", "services");
    tender.put("value", money(costing.potentialValue()));
    if (!contract.extensions().isEmpty()) {
      tender.put("hasRenewal", true);
      List<String> options = new ArrayList<>();
      for (Contract.ExtensionOption e : contract.extensions()) {
        options.add(
            e.months()
                + " months for up to £"
                + e.maxValue().toPlainString()
                + ", decision by "
                + e.decideBy());
      }
      tender.put(
          "renewal",
          Map.of(
              "description",
              String.join("; ", options),
              "maximumRenewals",
              contract.extensions().size()));
    }

    Map<String, Object> release = new LinkedHashMap<>();
    release.put("ocid", ocid);
    release.put("id", ocid + "-" + published.getEpochSecond());
    release.put("date", date);
    release.put("tag", List.of("award", "contract"));
    release.put("initiationType", "tender");
    release.put("language", "en");
    release.put("parties", List.of(buyer, supplier));
    release.put("buyer", Map.of("id", councilId, "name", council));
    release.put("tender", tender);
    release.put("awards", List.of(award));
    release.put("contracts", List.of(ocdsContract));

    Map<String, Object> pack = new LinkedHashMap<>();
    pack.put("uri", baseUri + "/contracts/" + contract.id() + "/ocds.json");
    pack.put("publishedDate", date);
    pack.put("publisher", Map.of("name", council));
    pack.put("version", "1.1");
    pack.put("releases", List.of(release));
    return pack;
  }

  private static Map<String, Object> party(String id, String name, List<String> roles) {
    Map<String, Object> party = new LinkedHashMap<>();
    party.put("id", id);
    party.put("name", name);
    party.put("roles", roles);
    return party;
  }

  private static Map<String, Object> money(BigDecimal amount) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("amount", amount.setScale(2, java.math.RoundingMode.HALF_UP));
    value.put("currency", "GBP");
    return value;
  }

  private static Map<String, Object> period(LocalDate start, LocalDate end) {
    Map<String, Object> period = new LinkedHashMap<>();
    period.put("startDate", RFC_3339.format(start.atStartOfDay(LONDON)));
    period.put("endDate", RFC_3339.format(end.plusDays(1).atStartOfDay(LONDON).minusSeconds(1)));
    return period;
  }

  private static String status(ContractStatus status) {
    return switch (status) {
      case PLANNED -> "pending";
      case ACTIVE, EXTENDED -> "active";
      case ENDED -> "terminated";
      case TERMINATED -> "cancelled";
    };
  }

  private static String method(ProcurementRoute route) {
    return switch (route) {
      case DIRECT_AWARD -> "direct";
      case FRAMEWORK, NEUTRAL_VENDOR_SOW -> "selective";
      case COMPETITIVE_TENDER -> "open";
    };
  }

  private static String slug(String name) {
    String slug =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.isEmpty() ? "unnamed" : slug;
  }
}
