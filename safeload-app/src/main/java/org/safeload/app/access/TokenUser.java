package org.safeload.app.access;

import java.security.Principal;

/**
 * An account signed in to the API with one of its tokens: the same principal, role and provider as
 * a sign-in with its password, so method security and provider scoping treat both alike.
 */
record TokenUser(UserAccount account) implements SafeloadPrincipal, Principal {

  @Override
  public boolean byPassword() {
    return false;
  }

  @Override
  public String getName() {
    return account.username();
  }
}
