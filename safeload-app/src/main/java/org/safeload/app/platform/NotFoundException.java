package org.safeload.app.platform;

/** The thing asked for does not exist, or the user may not know it exists. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what);
  }
}
