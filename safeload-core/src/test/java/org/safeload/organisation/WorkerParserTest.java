package org.safeload.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerParserTest {

  static Map<WorkerField, String> valid() {
    Map<WorkerField, String> raw = new EnumMap<>(WorkerField.class);
    raw.put(WorkerField.NAME, "Ada Okafor");
    raw.put(WorkerField.ROLE, "social-worker");
    raw.put(WorkerField.EMPLOYMENT_TYPE, "agency");
    raw.put(WorkerField.FTE, "0.8");
    raw.put(WorkerField.START_DATE, "2025-01-06");
    raw.put(WorkerField.QUALIFICATION_DATE, "2019-07-01");
    raw.put(WorkerField.SWE_REGISTRATION, "sw 123456");
    return raw;
  }

  @Test
  void parsesAValidWorker() {
    WorkerParser.Result result = WorkerParser.parse(valid());
    assertThat(result.problems()).isEmpty();
    WorkerDetails d = result.details();
    assertThat(d.role()).isEqualTo(Role.SOCIAL_WORKER);
    assertThat(d.employmentType()).isEqualTo(EmploymentType.AGENCY);
    assertThat(d.fte()).isEqualByComparingTo("0.8");
    assertThat(d.sweRegistration()).isEqualTo("SW123456");
    assertThat(d.endDate()).isNull();
  }

  @Test
  void reportsEveryBadFieldAtOnce() {
    Map<WorkerField, String> raw = valid();
    raw.put(WorkerField.NAME, " ");
    raw.put(WorkerField.ROLE, "social worker");
    raw.put(WorkerField.FTE, "full");
    raw.put(WorkerField.START_DATE, "06/01/2025");
    WorkerParser.Result result = WorkerParser.parse(raw);
    assertThat(result.ok()).isFalse();
    assertThat(result.problems())
        .extracting(Map.Entry::getKey)
        .containsExactly(
            WorkerField.NAME, WorkerField.ROLE, WorkerField.FTE, WorkerField.START_DATE);
    assertThat(result.problems().get(1).getValue())
        .contains("social-worker")
        .contains("not social worker");
    assertThat(result.problems().get(3).getValue()).contains("2024-03-27").contains("06/01/2025");
  }

  @Test
  void fteMustBeMoreThanZeroAndAtMostOne() {
    for (String bad : new String[] {"0", "-0.5", "1.01", "1.5", "0.333"}) {
      Map<WorkerField, String> raw = valid();
      raw.put(WorkerField.FTE, bad);
      assertThat(WorkerParser.parse(raw).problems())
          .as(bad)
          .extracting(Map.Entry::getKey)
          .containsExactly(WorkerField.FTE);
    }
    for (String good : new String[] {"1", "1.00", "0.01", "0.5"}) {
      Map<WorkerField, String> raw = valid();
      raw.put(WorkerField.FTE, good);
      assertThat(WorkerParser.parse(raw).ok()).as(good).isTrue();
    }
  }

  @Test
  void registeredRolesNeedQualificationAndRegistrationButBusinessSupportDoesNot() {
    Map<WorkerField, String> raw = valid();
    raw.remove(WorkerField.QUALIFICATION_DATE);
    raw.remove(WorkerField.SWE_REGISTRATION);
    assertThat(WorkerParser.parse(raw).problems())
        .extracting(Map.Entry::getKey)
        .containsExactly(WorkerField.QUALIFICATION_DATE, WorkerField.SWE_REGISTRATION);
    raw.put(WorkerField.ROLE, "business-support");
    assertThat(WorkerParser.parse(raw).ok()).isTrue();
  }

  @Test
  void datesMustBeInOrder() {
    Map<WorkerField, String> raw = valid();
    raw.put(WorkerField.END_DATE, "2025-01-05");
    raw.put(WorkerField.QUALIFICATION_DATE, "2025-02-01");
    raw.put(WorkerField.ASYE_START_DATE, "2025-01-31");
    assertThat(WorkerParser.parse(raw).problems())
        .extracting(Map.Entry::getKey)
        .containsExactly(
            WorkerField.END_DATE, WorkerField.QUALIFICATION_DATE, WorkerField.ASYE_START_DATE);
  }

  @Test
  void pqeAndAsyeAreDerivedFromTheirDates() {
    WorkerDetails d =
        new WorkerDetails(
            "A",
            Role.SOCIAL_WORKER,
            EmploymentType.PERMANENT,
            BigDecimal.ONE,
            LocalDate.of(2025, 9, 1),
            null,
            LocalDate.of(2025, 7, 1),
            LocalDate.of(2025, 9, 1),
            "SW1");
    // 1 Jul 2025 to 30 Jun 2027 is 1 year, 11 months and 29 days: one whole year.
    assertThat(d.pqeYears(LocalDate.of(2027, 6, 30))).isEqualTo(1);
    assertThat(d.pqeYears(LocalDate.of(2027, 7, 1))).isEqualTo(2);
    assertThat(d.pqeYears(LocalDate.of(2025, 1, 1))).isZero();
    assertThat(d.inAsyeOn(LocalDate.of(2025, 8, 31))).isFalse();
    assertThat(d.inAsyeOn(LocalDate.of(2025, 9, 1))).isTrue();
    assertThat(d.inAsyeOn(LocalDate.of(2026, 8, 31))).isTrue();
    assertThat(d.inAsyeOn(LocalDate.of(2026, 9, 1))).isFalse();
  }
}
