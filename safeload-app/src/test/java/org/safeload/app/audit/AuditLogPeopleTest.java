package org.safeload.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One way to say who changed something: the account's full name, the system as itself, anyone not
 * known as "Someone else"; and a provider's user sees council staff only as "Council staff".
 */
@SafeloadSpringTest
class AuditLogPeopleTest {

  @Autowired AuditLog audit;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  private void signInAs(AccessRole role) {
    var user = accounts.loadUserByUsername(TestAccounts.username(role));
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
  }

  @Test
  void namesAreFullNamesAndAProvidersUserSeesCouncilStaffAsSuch() {
    TestAccounts.ensure(accounts, providers);
    String finance = TestAccounts.username(AccessRole.FINANCE);
    String provider = TestAccounts.username(AccessRole.PROVIDER);
    List<String> who = List.of(finance, provider, AuditLog.SYSTEM, "left-the-council");

    signInAs(AccessRole.HEAD_OF_SERVICE);
    assertThat(audit.people(who))
        .isEqualTo(
            Map.of(
                finance,
                "Test Finance",
                provider,
                "Test Provider",
                AuditLog.SYSTEM,
                "Safeload (system)",
                "left-the-council",
                "Someone else"));

    signInAs(AccessRole.PROVIDER);
    assertThat(audit.people(who))
        .isEqualTo(
            Map.of(
                finance,
                "Council staff",
                provider,
                "Test Provider",
                AuditLog.SYSTEM,
                "Safeload (system)",
                "left-the-council",
                "Someone else"));
  }
}
