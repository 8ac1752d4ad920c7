package org.safeload.report;

import java.util.Objects;

/**
 * A paragraph of plain text (no markup: every rendering escapes it).
 *
 * @param text the words
 * @param emphasis how it stands out: not at all, in bold, or as a warning
 */
public record Paragraph(String text, Emphasis emphasis) implements Block {

  /** How a paragraph stands out. */
  public enum Emphasis {
    /** Body text. */
    NONE,
    /** Bold body text, e.g. a recommendation. */
    STRONG,
    /** A warning (GOV.UK warning text; "Warning: " in bold in DOCX and PDF). */
    WARNING
  }

  public Paragraph {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(emphasis, "emphasis");
  }

  public static Paragraph of(String text) {
    return new Paragraph(text, Emphasis.NONE);
  }

  public static Paragraph strong(String text) {
    return new Paragraph(text, Emphasis.STRONG);
  }

  public static Paragraph warning(String text) {
    return new Paragraph(text, Emphasis.WARNING);
  }

  public boolean strong() {
    return emphasis == Emphasis.STRONG;
  }

  public boolean warning() {
    return emphasis == Emphasis.WARNING;
  }
}
