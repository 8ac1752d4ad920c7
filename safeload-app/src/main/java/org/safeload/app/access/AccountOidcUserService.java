package org.safeload.app.access;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * OIDC (e.g. Microsoft Entra ID) proves who someone is; Safeload decides what they may do. The
 * identity provider's {@code preferred_username} (or e-mail) must match a local account that an
 * administrator created, and that account's role applies. Nobody gets in by default.
 */
public class AccountOidcUserService extends OidcUserService {

  private final UserAccounts accounts;

  AccountOidcUserService(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    return toAccountUser(super.loadUser(request));
  }

  OidcUser toAccountUser(OidcUser oidcUser) {
    String username =
        Optional.ofNullable(oidcUser.getPreferredUsername()).orElse(oidcUser.getEmail());
    UserAccount account =
        Optional.ofNullable(username)
            .flatMap(accounts::enabledAccount)
            .orElseThrow(
                () ->
                    new OAuth2AuthenticationException(
                        new OAuth2Error(
                            "access_denied",
                            "No Safeload account for this sign-in; ask an administrator",
                            null)));
    return new AccountOidcUser(oidcUser, account);
  }

  /** An OIDC user carrying the role of its Safeload account. */
  static final class AccountOidcUser extends DefaultOidcUser implements SafeloadPrincipal {
    private final UserAccount account;

    AccountOidcUser(OidcUser user, UserAccount account) {
      super(
          List.of(new SimpleGrantedAuthority(account.role().authority())),
          user.getIdToken(),
          user.getUserInfo());
      this.account = account;
    }

    @Override
    public UserAccount account() {
      return account;
    }

    @Override
    public String getName() {
      return account.username();
    }
  }
}
