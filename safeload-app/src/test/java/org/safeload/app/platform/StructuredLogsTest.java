package org.safeload.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} (README) every log line is one JSON object
 * (Elastic Common Schema), and what Safeload logs holds no personal data: not the username or
 * password tried, not the address it came from, not a case's or child's reference.
 */
@SafeloadSpringTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
    properties = {"logging.structured.format.console=ecs", "logging.level.org.safeload=info"})
class StructuredLogsTest {

  /**
   * Spring Boot initialises logging once a JVM: earlier test contexts would keep their format.
   * Marked uninitialised before this context starts (so it applies the JSON format) and after it
   * (so the next context applies its own).
   */
  @org.junit.jupiter.api.BeforeAll
  @org.junit.jupiter.api.AfterAll
  static void loggingStartsAfresh() {
    org.springframework.boot.logging.LoggingSystem.get(StructuredLogsTest.class.getClassLoader())
        .cleanUp();
  }

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void everyLineIsJsonAndNoneHoldsPersonalData(CapturedOutput output) throws Exception {
    String username = "structured.logs.person";
    String password = "a-wrong-password-9f3k";
    String address = "10.9.8.7";
    int status =
        mvc.perform(
                get("/api/v1/teams")
                    .with(httpBasic(username, password))
                    .with(
                        r -> {
                          r.setRemoteAddr(address);
                          return r;
                        }))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(status).isEqualTo(401);
    String caseRef = jdbc.sql("select min(case_ref) from case_event").query(String.class).single();
    String childRef =
        jdbc.sql("select min(child_ref) from case_event where case_ref = ?")
            .param(caseRef)
            .query(String.class)
            .single();
    assertThat(
            mvc.perform(get("/cases/" + caseRef).with(httpBasic("admin", "test-admin-password")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);

    List<String> lines = output.getOut().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as("log lines").isNotEmpty();
    for (String line : lines) {
      Map<String, Object> event = JsonPath.parse(line).json();
      assertThat(event).as(line).containsKeys("@timestamp", "message");
    }
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(JsonPath.<String>read(l, "$.message"))
                    .isEqualTo(
                        "Sign-in failed; wrong passwords in the last 15 minutes: 1 for the"
                            + " account, 1 from its address"));
    assertThat(output.getAll())
        .doesNotContain(username)
        .doesNotContain(password)
        .doesNotContain(address)
        .doesNotContainPattern("\\b" + java.util.regex.Pattern.quote(caseRef) + "\\b")
        .doesNotContainPattern("\\b" + java.util.regex.Pattern.quote(childRef) + "\\b");
  }
}
