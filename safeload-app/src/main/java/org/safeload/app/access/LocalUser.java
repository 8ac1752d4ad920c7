package org.safeload.app.access;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A local account signed in with its password (form or HTTP Basic). Kept in the shared session
 * store without its password hash.
 */
record LocalUser(UserAccount account, String passwordHash)
    implements UserDetails, SafeloadPrincipal {

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(account.role().authority()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return account.username();
  }

  /** What a session stores: the account, never the password hash. */
  @java.io.Serial
  private Object writeReplace() {
    return passwordHash == null ? this : new LocalUser(account, null);
  }

  @Override
  public boolean isEnabled() {
    return account.enabled() && passwordHash != null;
  }
}
