package org.safeload.extract;

/**
 * A worker or team named in a return: the id Safeload gives it ({@code W1}, {@code T1}) and the
 * name.
 */
public record Named(String id, String name) {}
