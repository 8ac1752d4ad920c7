package org.safeload.workforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeload.organisation.EstablishmentLine;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;

/**
 * A team's (or any group's) staffing on a date: FTE in post against establishment, role by role,
 * with vacancies counted as the Department for Education's census counts them: a post is vacant
 * unless an employed worker fills it (an agency worker covering it leaves it vacant), and the
 * vacancy rate = vacant FTE / (vacant FTE + employed FTE in post) over the qualified roles.
 */
public record Staffing(LocalDate on, List<RoleStaffing> roles) {

  /**
   * Works out the staffing on a date.
   *
   * @param establishment the budgeted FTE by role
   * @param members the workers who belong to the group on that date (those not employed on the date
   *     are left out here)
   */
  public static Staffing of(
      LocalDate on,
      Collection<EstablishmentLine> establishment,
      Collection<WorkerDetails> members) {
    Map<Role, BigDecimal> budgeted = new EnumMap<>(Role.class);
    for (EstablishmentLine line : establishment) {
      budgeted.merge(line.role(), line.budgetedFte(), BigDecimal::add);
    }
    Map<Role, BigDecimal> employed = new EnumMap<>(Role.class);
    Map<Role, BigDecimal> agency = new EnumMap<>(Role.class);
    Map<Role, Integer> heads = new EnumMap<>(Role.class);
    for (WorkerDetails worker : members) {
      if (worker.activeOn(on)) {
        (WorkforceCensus.employed(worker.employmentType()) ? employed : agency)
            .merge(worker.role(), worker.fte(), BigDecimal::add);
        heads.merge(worker.role(), 1, Integer::sum);
      }
    }
    List<RoleStaffing> roles = new ArrayList<>();
    for (Role role : Role.values()) {
      if (budgeted.containsKey(role) || heads.containsKey(role)) {
        roles.add(
            new RoleStaffing(
                role,
                budgeted.getOrDefault(role, BigDecimal.ZERO),
                employed.getOrDefault(role, BigDecimal.ZERO),
                agency.getOrDefault(role, BigDecimal.ZERO),
                heads.getOrDefault(role, 0)));
      }
    }
    return new Staffing(on, List.copyOf(roles));
  }

  public Optional<RoleStaffing> role(Role role) {
    return roles.stream().filter(r -> r.role() == role).findFirst();
  }

  public BigDecimal budgeted() {
    return roles.stream().map(RoleStaffing::budgeted).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal filled() {
    return roles.stream().map(RoleStaffing::filled).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal vacant() {
    return roles.stream().map(RoleStaffing::vacant).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public int headcount() {
    return roles.stream().mapToInt(RoleStaffing::headcount).sum();
  }

  public BigDecimal agency() {
    return roles.stream().map(RoleStaffing::agency).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal agencyCover() {
    return roles.stream().map(RoleStaffing::agencyCover).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * The vacancy rate on the census's basis, as a percentage to one decimal place: over the
   * qualified social work roles the census counts ({@link WorkforceCensus#COUNTED}), vacant FTE /
   * (vacant FTE + employed FTE in post); empty when none is budgeted or employed.
   */
  public Optional<BigDecimal> vacancyRatePercent() {
    BigDecimal vacant = BigDecimal.ZERO;
    BigDecimal employed = BigDecimal.ZERO;
    for (RoleStaffing r : roles) {
      if (WorkforceCensus.COUNTED.contains(r.role())) {
        vacant = vacant.add(r.vacant());
        employed = employed.add(r.employed());
      }
    }
    return Optional.ofNullable(WorkforceCensus.percent(vacant, vacant.add(employed)));
  }
}
