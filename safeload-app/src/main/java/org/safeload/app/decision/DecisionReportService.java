package org.safeload.app.decision;

import java.time.LocalDate;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.report.ReportRenderer;
import org.safeload.money.Decision;
import org.safeload.money.DecisionFigures;
import org.safeload.money.ReportType;
import org.safeload.money.report.DecisionReports;
import org.safeload.report.Report;
import org.springframework.stereotype.Service;

/**
 * A contract's decision reports: with a decision, written from its frozen figures (the same report
 * every time); without one, a draft from the figures as of a date. The page, the API and the
 * command line all come through here.
 */
@Service
public class DecisionReportService {

  private final Decisions decisions;
  private final ReportRenderer renderer;
  private final AuditLog audit;

  DecisionReportService(Decisions decisions, ReportRenderer renderer, AuditLog audit) {
    this.decisions = decisions;
    this.renderer = renderer;
    this.audit = audit;
  }

  /** The format a report is downloaded in. */
  public enum Format {
    DOCX("docx", ReportRenderer.DOCX_MEDIA_TYPE),
    PDF("pdf", ReportRenderer.PDF_MEDIA_TYPE);

    private final String extension;
    private final String mediaType;

    Format(String extension, String mediaType) {
      this.extension = extension;
      this.mediaType = mediaType;
    }

    public String extension() {
      return extension;
    }

    public String mediaType() {
      return mediaType;
    }

    public static java.util.Optional<Format> of(String extension) {
      for (Format f : values()) {
        if (f.extension.equalsIgnoreCase(extension)) {
          return java.util.Optional.of(f);
        }
      }
      return java.util.Optional.empty();
    }
  }

  /**
   * The report of a type for a contract.
   *
   * @param decision the decision's number, or {@code null} for a draft as of {@code asOf}
   * @param asOf the date of a draft's figures ({@code null}: today); ignored with a decision
   */
  @Requires(Capability.READ_DECISIONS)
  public Report report(String code, ReportType type, Integer decision, LocalDate asOf) {
    if (decision != null) {
      Decisions.Recorded recorded = decisions.decision(code, decision);
      return DecisionReports.write(type, recorded.figures(), recorded.decision());
    }
    DecisionFigures figures = decisions.figuresOn(code, asOf == null ? decisions.today() : asOf);
    return DecisionReports.write(type, figures, (Decision) null);
  }

  /** The report as a file. */
  @Requires(Capability.READ_DECISIONS)
  public byte[] file(String code, ReportType type, Integer decision, LocalDate asOf, Format f) {
    Report report = report(code, type, decision, asOf);
    audit.recordRead(
        "download", "report", code, type.code() + " report downloaded as " + f.extension());
    return f == Format.DOCX ? renderer.docx(report) : renderer.pdf(report);
  }

  /** A file name for the report: "NBC-BRIGHTPATH-2026-extension-report-2.docx". */
  public static String fileName(String code, ReportType type, Integer decision, Format f) {
    return code
        + "-"
        + type.code()
        + "-report"
        + (decision == null ? "-draft" : "-" + decision)
        + "."
        + f.extension();
  }
}
