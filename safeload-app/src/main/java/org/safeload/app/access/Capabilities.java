package org.safeload.app.access;

import org.springframework.stereotype.Component;

/**
 * The capability table for expressions, as the bean {@code capabilities}: method security ({@code
 * @capabilities.allows('ADMINISTER')}, which {@link Requires} expands to) and templates ({@code
 * ${@capabilities.allows('EDIT_MONEY')}}) cannot name the enum, so they ask this.
 */
@Component("capabilities")
public class Capabilities {

  /**
   * Whether the current request's person has the capability named. An unknown name is a programming
   * error and fails loudly rather than refusing quietly.
   */
  public boolean allows(String capability) {
    return Capability.valueOf(capability).granted();
  }
}
