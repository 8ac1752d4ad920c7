package org.safeload.app.audit.web;

/** A choice in the audit trail's filters: the value in the address and the words shown. */
public record AuditChoice(String value, String text) {}
