package org.safeload.app.access;

import java.io.PrintStream;
import java.security.SecureRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start (no accounts yet) creates the administrator {@code admin}, with the password from
 * SAFELOAD_ADMIN_PASSWORD, or a random one printed once to the console (never to the log).
 */
@Component
@Order(0)
public class AdminBootstrap implements ApplicationRunner {

  public static final String ADMIN = "admin";
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

  private final UserAccounts accounts;
  private final String configuredPassword;
  private final PrintStream console;

  @org.springframework.beans.factory.annotation.Autowired
  AdminBootstrap(
      UserAccounts accounts, @Value("${safeload.admin.password:}") String configuredPassword) {
    this(accounts, configuredPassword, System.out);
  }

  AdminBootstrap(UserAccounts accounts, String configuredPassword, PrintStream console) {
    this.accounts = accounts;
    this.configuredPassword = configuredPassword;
    this.console = console;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!accounts.noAccounts()) {
      return;
    }
    boolean generated = configuredPassword == null || configuredPassword.isBlank();
    if (!generated) {
      PasswordRule.problem(configuredPassword, ADMIN)
          .ifPresent(
              message -> {
                throw new IllegalStateException("SAFELOAD_ADMIN_PASSWORD: " + message);
              });
    }
    String password = generated ? randomPassword() : configuredPassword;
    accounts.createAsSystem(
        new UserAccounts.NewAccount(ADMIN, "Administrator", password, AccessRole.ADMIN, null));
    if (generated) {
      console.println();
      console.println("==========================================================");
      console.println(" Safeload first start: sign in as 'admin' with password");
      console.println("   " + password);
      console.println(" It is shown only this once. Set SAFELOAD_ADMIN_PASSWORD");
      console.println(" before the first start to choose it instead.");
      console.println("==========================================================");
      console.println();
    }
  }

  static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
