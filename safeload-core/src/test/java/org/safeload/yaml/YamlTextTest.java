package org.safeload.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.document.FieldProblem;

class YamlTextTest {

  @Test
  void whatIsTypedReadsBackExactlyAndCannotAddAField() {
    for (String typed :
        List.of(
            "Plain words",
            "quote \" and backslash \\",
            "new\nline: injected",
            "tab\tand bell \u0007",
            "}, extra: {",
            "# not a comment",
            "null",
            "£1,234 – Court & Permanence")) {
      List<FieldProblem> problems = new ArrayList<>();
      YamlObject doc = YamlObject.document("name: " + YamlText.quoted(typed) + "\n", problems);
      assertThat(problems).as(typed).isEmpty();
      assertThat(doc.names()).as(typed).containsExactly("name");
      assertThat(doc.text("name", true)).as(typed).isEqualTo(typed);
    }
  }
}
