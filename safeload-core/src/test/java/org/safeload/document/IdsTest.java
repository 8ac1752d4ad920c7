package org.safeload.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

  private static final List<String> VALID =
      List.of("T1", "W2957", "E-2024-03-01", "case_7", "K1.2", "L3:C1", "x".repeat(64));
  private static final List<String> INVALID =
      List.of("", "T 1", "C/1", "K\u0000", "é", "a".repeat(65), "=cmd", "a,b", "a\"b", "a\nb");

  @Test
  void theRuleAsTextAndAsBytesAgree() {
    for (String id : VALID) {
      assertThat(Ids.valid(id)).as(id).isTrue();
      byte[] b = ("," + id + ",").getBytes(StandardCharsets.UTF_8);
      assertThat(Ids.valid(b, 1, b.length - 2)).as(id).isTrue();
      assertThat(Ids.problem(id)).isEmpty();
    }
    for (String id : INVALID) {
      assertThat(Ids.valid(id)).as(id).isFalse();
      byte[] b = ("," + id + ",").getBytes(StandardCharsets.UTF_8);
      assertThat(Ids.valid(b, 1, b.length - 2)).as(id).isFalse();
      assertThat(Ids.problem(id)).isPresent();
    }
  }

  @Test
  void aRejectedValueIsShownWithoutControlCharactersAndShortened() {
    assertThat(Ids.shown("K\u0000\n1")).isEqualTo("\"K??1\"");
    assertThat(Ids.shown("")).isEqualTo("empty");
    assertThat(Ids.shown("a".repeat(100))).isEqualTo("\"" + "a".repeat(80) + "…\"");
    assertThat(Ids.problem("C/1")).contains("must be " + Ids.RULE + " (not \"C/1\")");
  }
}
