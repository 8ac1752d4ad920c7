package org.safeload.app.platform;

/** A choice in a list's filter: the value in the address and the words shown. */
public record FilterOption(String value, String text) {}
