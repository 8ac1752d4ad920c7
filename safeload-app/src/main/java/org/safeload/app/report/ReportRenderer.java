package org.safeload.app.report;

import java.util.Base64;
import org.safeload.report.Chart;
import org.safeload.report.Report;
import org.springframework.stereotype.Component;

/**
 * Renders a {@link Report} (org.safeload.report, in the core) three ways from the same content:
 *
 * <ul>
 *   <li>{@link #preview(Report)}: for the browser, with the Thymeleaf fragment {@code
 *       report/fragments :: report(${preview})} (GOV.UK classes; charts as PNG data URIs, which the
 *       content security policy's {@code img-src 'self' data:} allows);
 *   <li>{@link #docx(Report)}: a Word document officers can edit (Apache POI);
 *   <li>{@link #pdf(Report)}: a tagged PDF (PDF/UA and PDF/A-3a, openhtmltopdf on PDFBox) in the
 *       shipped Liberation Sans.
 * </ul>
 *
 * <p>Charts are drawn once, as PNG (Java2D, headless), and the same picture goes into all three,
 * each time with the chart's text alternative and its figures as a table. Stateless and
 * thread-safe; usable without Spring ({@code new ReportRenderer()}), e.g. from the command line.
 */
@Component
public class ReportRenderer {

  /** The DOCX media type, for downloads. */
  public static final String DOCX_MEDIA_TYPE =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** The PDF media type, for downloads. */
  public static final String PDF_MEDIA_TYPE = "application/pdf";

  /** The report as a Word document (.docx). */
  public byte[] docx(Report report) {
    return DocxWriter.write(report);
  }

  /** The report as a tagged PDF. */
  public byte[] pdf(Report report) {
    return PdfWriter.write(report);
  }

  /** What the Thymeleaf fragment needs: the report and its charts already drawn. */
  public ReportPreview preview(Report report) {
    return ReportPreview.of(report);
  }

  /** A chart as a PNG picture (the one in the DOCX and the PDF). */
  public byte[] chartPng(Chart chart) {
    return ChartPainter.png(chart);
  }

  /** A chart as a {@code data:image/png;base64,...} URI. */
  public static String dataUri(Chart chart) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(ChartPainter.png(chart));
  }
}
