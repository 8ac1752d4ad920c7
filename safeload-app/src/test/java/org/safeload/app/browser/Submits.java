package org.safeload.app.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page forms a browser journey submits, as {@code "POST /teams/{id}/edit"} (the handler's
 * mapping pattern). {@link EveryFormHasAJourneyTest} fails when a page's POST handler has none.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Submits {
  String[] value();
}
