package org.safeload.app.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Liberation Sans (metric-compatible with Arial, SIL Open Font License 1.1), shipped in the app
 * under {@code fonts/} with its licence: the one font of the charts and the PDF, so neither depends
 * on the fonts of the machine. Read once.
 */
final class ReportFonts {

  /** The family name the PDF's stylesheet uses. */
  static final String FAMILY = "Liberation Sans";

  /**
   * The family Word documents name: officers' Word has Arial; LibreOffice maps it to Liberation.
   */
  static final String WORD_FAMILY = "Arial";

  static final String REGULAR = "/fonts/LiberationSans-Regular.ttf";
  static final String BOLD = "/fonts/LiberationSans-Bold.ttf";

  private static final byte[] REGULAR_BYTES = read(REGULAR);
  private static final byte[] BOLD_BYTES = read(BOLD);
  private static final Font REGULAR_FONT = font(REGULAR_BYTES);
  private static final Font BOLD_FONT = font(BOLD_BYTES);

  private ReportFonts() {}

  static InputStream regular() {
    return new ByteArrayInputStream(REGULAR_BYTES);
  }

  static InputStream bold() {
    return new ByteArrayInputStream(BOLD_BYTES);
  }

  /** The AWT font at a size in pixels, for drawing charts. */
  static Font awt(boolean bold, float size) {
    return (bold ? BOLD_FONT : REGULAR_FONT).deriveFont(size);
  }

  private static byte[] read(String resource) {
    try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the font " + resource + " is missing from the app");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Font font(byte[] bytes) {
    try {
      return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
    } catch (FontFormatException e) {
      throw new IllegalStateException("the shipped font cannot be read", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
