package org.safeload.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.organisation.Role;

class LoadAndHolderTest {

  @Test
  void loadsAddAndSubtractCasesAndWeights() {
    Load l = Load.NONE.plus(new BigDecimal("1.5")).plus(BigDecimal.ONE).plus(new BigDecimal("2"));
    assertThat(l.cases()).isEqualTo(3);
    assertThat(l.weighted()).isEqualByComparingTo("4.5");
    assertThat(l.minus(new BigDecimal("2"))).isEqualTo(new Load(2, new BigDecimal("2.5")));
    assertThat(l.plus(new Load(2, new BigDecimal("3"))))
        .isEqualTo(new Load(5, new BigDecimal("7.5")));
  }

  @Test
  void perFteIsRoundedHalfUpToTwoPlaces() {
    // 7 / 0.6 = 11.666… → 11.67; 2 / 0.8 = 2.5 → 2.50; 1 / 0.16 = 6.25; 1 / 0.3 = 3.333… → 3.33;
    // 0.5 / 0.08 = 6.25; 0.125 / 1 = 0.125 → 0.13 (half up)
    assertThat(new Load(7, BigDecimal.ZERO).casesPerFte(new BigDecimal("0.6"))).isEqualTo("11.67");
    assertThat(new Load(2, BigDecimal.ZERO).casesPerFte(new BigDecimal("0.8"))).isEqualTo("2.50");
    assertThat(new Load(1, BigDecimal.ZERO).casesPerFte(new BigDecimal("0.3"))).isEqualTo("3.33");
    assertThat(new Load(1, new BigDecimal("0.125")).weightedPerFte(BigDecimal.ONE))
        .isEqualTo("0.13");
    assertThat(new Load(1, BigDecimal.ONE).casesPerFte(BigDecimal.ZERO)).isNull();
    assertThat(new Load(1, BigDecimal.ONE).casesPerFte(null)).isNull();
  }

  @Test
  void aCaseHolderHasAPositiveFteAndDefaultsItsNameToItsId() {
    CaseHolder h = new CaseHolder("42", null, "T1", Role.SOCIAL_WORKER, BigDecimal.ONE, false, 3);
    assertThat(h.name()).isEqualTo("42");
    assertThatThrownBy(
            () -> new CaseHolder("42", "A", "T1", Role.SOCIAL_WORKER, BigDecimal.ZERO, false, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FTE must be more than 0");
    assertThatThrownBy(
            () -> new CaseHolder(null, "A", "T1", Role.SOCIAL_WORKER, BigDecimal.ONE, false, 3))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void verdictsAndGroupsCopyTheirLists() {
    List<String> breaches = new ArrayList<>(List.of("x"));
    Verdict v = new Verdict(breaches, List.of());
    breaches.clear();
    assertThat(v.breaches()).containsExactly("x");
    assertThat(v.allowed()).isFalse();
    assertThat(v.needsReason()).isFalse();
    assertThat(new Verdict(List.of(), List.of("over")).needsReason()).isTrue();
    assertThat(new Verdict(List.of(), List.of()).needsReason()).isFalse();
  }
}
