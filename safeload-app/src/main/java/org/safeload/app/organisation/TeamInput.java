package org.safeload.app.organisation;

/**
 * A team as entered (pages and API alike), before it is checked.
 *
 * @param kind {@code substantive} or {@code managed}
 */
public record TeamInput(Long serviceId, String name, String kind, Long providerId) {}
