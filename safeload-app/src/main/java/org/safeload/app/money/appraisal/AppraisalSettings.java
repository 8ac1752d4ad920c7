package org.safeload.app.money.appraisal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.safeload.money.TeamAppraisal;
import org.safeload.organisation.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The figures the team options appraisal uses for agency workers and permanent staff: the council's
 * own ({@code safeload.appraisal}, {@link AppraisalProperties}), else, while the demo council is
 * on, the demo's labelled examples ({@code safeload.demo.appraisal}), else none (the page and the
 * API say so). Checked at start: a figure that makes no sense stops the app with a message naming
 * every setting at fault.
 */
@Component
@EnableConfigurationProperties(AppraisalProperties.class)
public class AppraisalSettings {

  /** The figures in use, where they come from, and whether they are the demo's examples. */
  public record Terms(
      String source,
      String region,
      boolean examples,
      TeamAppraisal.Agency agency,
      TeamAppraisal.Permanent permanent) {}

  private final Terms terms;

  @org.springframework.beans.factory.annotation.Autowired
  AppraisalSettings(
      AppraisalProperties council,
      Environment environment,
      @Value("${safeload.demo.enabled:true}") boolean demo) {
    this(
        council,
        Binder.get(environment)
            .bind("safeload.demo.appraisal", AppraisalProperties.class)
            .orElse(null),
        demo);
  }

  /** From the council's settings and the demo's examples (either may be null). */
  public AppraisalSettings(
      AppraisalProperties council, AppraisalProperties examples, boolean demo) {
    if (council != null && council.isSet()) {
      this.terms = check("safeload.appraisal", council, false);
    } else if (demo && examples != null && examples.isSet()) {
      this.terms = check("safeload.demo.appraisal", examples, true);
    } else {
      this.terms = null;
    }
  }

  /** The figures, or empty when the council has not set them. */
  public Optional<Terms> terms() {
    return Optional.ofNullable(terms);
  }

  private static Terms check(String prefix, AppraisalProperties p, boolean examples) {
    List<String> problems = new ArrayList<>();
    TeamAppraisal.Agency agency = null;
    TeamAppraisal.Permanent permanent = null;
    if (p.agency() == null) {
      problems.add(prefix + ".agency is not set (hourly-caps, hourly-fee, hours-per-week)");
    } else {
      AppraisalProperties.Agency a = p.agency();
      String at = prefix + ".agency.";
      Map<Role, BigDecimal> caps = roles(at + "hourly-caps", a.hourlyCaps(), 500, problems);
      BigDecimal fee = pounds(at + "hourly-fee", a.hourlyFee(), BigDecimal.ZERO, problems);
      BigDecimal hours = between(at + "hours-per-week", a.hoursPerWeek(), "37", 60, problems);
      BigDecimal weeks = between(at + "weeks-per-year", a.weeksPerYear(), "52", 52, problems);
      if (fee != null && hours != null && weeks != null) {
        agency = new TeamAppraisal.Agency(caps, fee, hours, weeks);
      }
    }
    if (p.permanent() == null) {
      problems.add(prefix + ".permanent is not set (salaries, on-cost-rate)");
    } else {
      AppraisalProperties.Permanent pm = p.permanent();
      String at = prefix + ".permanent.";
      Map<Role, BigDecimal> salaries = roles(at + "salaries", pm.salaries(), 1_000_000, problems);
      BigDecimal onCost = pm.onCostRate();
      if (onCost == null) {
        problems.add(at + "on-cost-rate is not set (a share, like 0.3 for 30%)");
      } else if (onCost.signum() < 0 || onCost.compareTo(BigDecimal.ONE) > 0) {
        problems.add(
            at
                + "on-cost-rate must be a share from 0 to 1, like 0.3 for 30% (not "
                + onCost.toPlainString()
                + ")");
        onCost = null;
      }
      BigDecimal recruitment =
          pounds(
              at + "recruitment-cost-per-post",
              pm.recruitmentCostPerPost(),
              BigDecimal.ZERO,
              problems);
      if (onCost != null && recruitment != null) {
        permanent = new TeamAppraisal.Permanent(salaries, onCost, BigDecimal.ZERO, recruitment);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "The team options appraisal's settings are not valid (docs/money.md): "
              + String.join("; ", problems));
    }
    String source =
        p.source() == null || p.source().isBlank()
            ? (examples ? "Example figures for the demo council" : "The council's settings")
            : p.source().strip();
    String region = p.region() == null || p.region().isBlank() ? null : p.region().strip();
    return new Terms(source, region, examples, agency, permanent);
  }

  private static Map<Role, BigDecimal> roles(
      String key, Map<String, BigDecimal> given, int most, List<String> problems) {
    Map<Role, BigDecimal> byRole = new EnumMap<>(Role.class);
    if (given == null || given.isEmpty()) {
      problems.add(key + " is not set (an amount for each role, like social-worker: 41.00)");
      return byRole;
    }
    given.forEach(
        (name, amount) -> {
          Optional<Role> role = role(name);
          if (role.isEmpty()) {
            problems.add(key + "." + name + " is not a role (roles: " + Role.codes() + ")");
          } else if (amount == null
              || amount.signum() <= 0
              || amount.compareTo(BigDecimal.valueOf(most)) > 0
              || amount.stripTrailingZeros().scale() > 2) {
            problems.add(
                key
                    + "."
                    + name
                    + " must be pounds and pence, more than 0 and at most "
                    + most
                    + " (not "
                    + (amount == null ? "empty" : amount.toPlainString())
                    + ")");
          } else {
            byRole.put(role.get(), amount);
          }
        });
    return byRole;
  }

  /** A role by its code, with or without hyphens, any case (environment variables lose them). */
  static Optional<Role> role(String name) {
    String plain = name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    for (Role role : Role.values()) {
      if (role.code().replace("-", "").equals(plain)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  private static BigDecimal pounds(
      String key, BigDecimal amount, BigDecimal otherwise, List<String> problems) {
    if (amount == null) {
      return otherwise;
    }
    if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
      problems.add(
          key + " must be pounds and pence, not negative (not " + amount.toPlainString() + ")");
      return null;
    }
    return amount;
  }

  private static BigDecimal between(
      String key, BigDecimal value, String otherwise, int most, List<String> problems) {
    if (value == null) {
      return new BigDecimal(otherwise);
    }
    if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(most)) > 0) {
      problems.add(
          key
              + " must be more than 0 and at most "
              + most
              + " (not "
              + value.toPlainString()
              + ")");
      return null;
    }
    return value;
  }
}
