package org.safeload.app.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Method security from the capability table: {@code @Requires(EDIT_MONEY)} on a service method
 * refuses the call (AccessDeniedException) to a role without {@link Capability#EDIT_MONEY}.
 *
 * <p>Spring Security fills {@code {value}} with the capability's name when it reads the annotation
 * (meta-annotation templates, switched on by the {@code AnnotationTemplateExpressionDefaults} bean
 * in {@link SecurityConfig}); the expression then asks the {@link Capabilities} bean, which reads
 * the enum. So the role lists live in {@link Capability} alone.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("@capabilities.allows('{value}')")
public @interface Requires {
  Capability value();
}
