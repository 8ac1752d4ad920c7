package org.safeload.app.report;

import java.util.IdentityHashMap;
import java.util.Map;
import org.safeload.report.Block;
import org.safeload.report.BulletList;
import org.safeload.report.Chart;
import org.safeload.report.KeyValues;
import org.safeload.report.Paragraph;
import org.safeload.report.Report;
import org.safeload.report.Section;
import org.safeload.report.Sources;
import org.safeload.report.Table;

/**
 * A report ready for the browser preview: the report itself and each chart already drawn as a PNG
 * data URI (Thymeleaf forbids calling beans or static code where an image's {@code src} is written,
 * so the pictures are made before the page). Pass it to {@code report/fragments ::
 * report(${preview})}.
 */
public final class ReportPreview {

  private final Report report;
  private final Map<Chart, String> images = new IdentityHashMap<>();

  private ReportPreview(Report report) {
    this.report = report;
  }

  static ReportPreview of(Report report) {
    ReportPreview preview = new ReportPreview(report);
    report.sections().forEach(preview::draw);
    return preview;
  }

  private void draw(Section section) {
    for (Block block : section.blocks()) {
      if (block instanceof Chart chart) {
        images.computeIfAbsent(chart, ReportRenderer::dataUri);
      }
    }
    section.subsections().forEach(this::draw);
  }

  public Report report() {
    return report;
  }

  /** The chart's picture as a data URI. */
  public String image(Chart chart) {
    String uri = images.get(chart);
    return uri != null ? uri : ReportRenderer.dataUri(chart);
  }

  /**
   * What a block is, for the template to choose its markup: "paragraph", "bullets", "key-values",
   * "table", "chart" or "sources".
   */
  public String kind(Block block) {
    return switch (block) {
      case Paragraph p -> "paragraph";
      case BulletList l -> "bullets";
      case KeyValues kv -> "key-values";
      case Table t -> "table";
      case Chart c -> "chart";
      case Sources s -> "sources";
    };
  }
}
