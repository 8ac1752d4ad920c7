package org.safeload.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Without SAFELOAD_ADMIN_PASSWORD, the first start prints a random password once. */
@SafeloadSpringTest
@TestPropertySource(properties = {"safeload.admin.password=", "safeload.demo.enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

  @Autowired MockMvc mvc;
  @Autowired AdminBootstrap bootstrap;
  @Autowired JdbcClient jdbc;
  @Autowired UserAccounts accounts;

  @Test
  void printsARandomPasswordOnceAndItSignsIn(CapturedOutput output) throws Exception {
    // The context started before this test; the password was printed then, so create a fresh
    // first start by removing the accounts and running the bootstrap again.
    jdbc.sql("delete from app_user").update();
    bootstrap.run(new DefaultApplicationArguments());
    Matcher m = Pattern.compile("with password\\s+(\\S{20})\\s").matcher(output.getOut());
    String password = null;
    while (m.find()) {
      password = m.group(1); // the last one printed is this first start's
    }
    assertThat(password).as(output.getOut()).isNotNull();
    mvc.perform(get("/api/v1/teams").with(httpBasic("admin", password))).andExpect(status().isOk());

    int printed = output.getOut().length();
    bootstrap.run(new DefaultApplicationArguments());
    assertThat(output.getOut().length()).isEqualTo(printed);
    assertThat(output.getAll()).doesNotContain("test-admin-password");
  }

  @Test
  void aShortConfiguredPasswordStopsTheFirstStartWithAClearMessage() {
    jdbc.sql("delete from app_user").update();
    AdminBootstrap withShort = new AdminBootstrap(accounts, "short", System.out);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> withShort.run(new DefaultApplicationArguments()))
        .hasMessage("SAFELOAD_ADMIN_PASSWORD: Password must be at least 12 characters");
    assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
  }

  @Test
  void withoutTheDemoTheCouncilStartsEmpty() throws Exception {
    assertThat(jdbc.sql("select count(*) from team").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select name from council").query(String.class).single())
        .isEqualTo("Your council");
  }
}
