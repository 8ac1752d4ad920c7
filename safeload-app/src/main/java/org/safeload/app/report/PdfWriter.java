package org.safeload.app.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.safeload.report.Report;

/**
 * Writes a report as a tagged PDF (PDF/UA, and PDF/A-3a for archiving) with openhtmltopdf from
 * {@link PrintHtml}: the structure tree comes from the markup (headings, lists, tables, figures
 * with alternative text), the document's title from the report's title and its language is {@value
 * Report#LANGUAGE}. The shipped Liberation Sans is embedded (subset); nothing is read from the
 * machine's fonts.
 */
final class PdfWriter {

  static {
    // openhtmltopdf logs every font it loads at INFO: only its warnings are worth a reader's time.
    com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
        .forEach(
            name -> com.openhtmltopdf.util.XRLog.setLevel(name, java.util.logging.Level.WARNING));
  }

  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  private PdfWriter() {}

  static byte[] write(Report report) {
    return write(PrintHtml.of(report));
  }

  static byte[] write(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessibility(true);
    builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_A);
    builder.useColorProfile(SRGB);
    builder.useFont(ReportFonts::regular, ReportFonts.FAMILY, 400, FontStyle.NORMAL, true);
    builder.useFont(ReportFonts::bold, ReportFonts.FAMILY, 700, FontStyle.NORMAL, true);
    builder.withProducer("Safeload");
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
