package org.safeload.document;

/**
 * A value with a code: the word that files and the API use for it ({@code social-worker}), and the
 * words for pages ({@code Social worker}). Coded enums find their constants through {@link Codes}.
 */
public interface Coded {

  /** The word in files and the API. */
  String code();

  /** The words for pages. */
  String label();
}
