package org.safeload.app.report;

import java.util.Base64;
import org.safeload.report.Block;
import org.safeload.report.BulletList;
import org.safeload.report.Cell;
import org.safeload.report.Chart;
import org.safeload.report.KeyValues;
import org.safeload.report.Paragraph;
import org.safeload.report.Report;
import org.safeload.report.Section;
import org.safeload.report.Sources;
import org.safeload.report.Table;

/**
 * The report as one XHTML document for the PDF (openhtmltopdf): semantic markup (headings, lists,
 * tables with header cells and scopes, images with alternative text) that the PDF's structure tree
 * is made from, and a print stylesheet in the shipped font. Every piece of text is escaped.
 */
final class PrintHtml {

  private static final String STYLE =
      """
      @page { size: A4; margin: 20mm 18mm 22mm 18mm;
        @bottom-center { content: "Page " counter(page) " of " counter(pages);
          font-family: 'Liberation Sans'; font-size: 9pt; color: #505a5f; }
        %s }
      body { font-family: 'Liberation Sans'; font-size: 11pt; line-height: 1.35; color: #0b0c0c; }
      h1 { font-size: 22pt; font-weight: bold; margin: 0 0 6pt 0; }
      h2 { font-size: 16pt; font-weight: bold; margin: 18pt 0 6pt 0; page-break-after: avoid; }
      h3 { font-size: 13pt; font-weight: bold; margin: 14pt 0 4pt 0; page-break-after: avoid; }
      h4 { font-size: 11pt; font-weight: bold; margin: 12pt 0 4pt 0; page-break-after: avoid; }
      p { margin: 0 0 8pt 0; }
      p.subtitle { font-size: 12pt; margin: 0 0 2pt 0; }
      p.status { font-weight: bold; font-size: 12pt; margin: 6pt 0 12pt 0; }
      p.strong { font-weight: bold; }
      div.warning { border-left: 4pt solid #0b0c0c; padding: 2pt 0 2pt 8pt; margin: 0 0 10pt 0;
        font-weight: bold; }
      ul { margin: 0 0 8pt 0; padding-left: 16pt; }
      li { margin-bottom: 3pt; }
      table { width: 100%%; border-collapse: collapse; margin: 0 0 6pt 0; font-size: 10pt;
        -fs-table-paginate: paginate; }
      caption { text-align: left; font-weight: bold; font-size: 11pt; padding: 0 0 4pt 0; }
      th, td { border-bottom: 0.75pt solid #b1b4b6; padding: 3pt 6pt 3pt 0; text-align: left;
        vertical-align: top; }
      thead th { border-bottom: 1pt solid #0b0c0c; }
      tr { page-break-inside: avoid; }
      .num { text-align: right; padding-right: 0; padding-left: 6pt; }
      tr.total th, tr.total td { font-weight: bold; border-top: 1.5pt solid #0b0c0c; }
      table.key-values th { width: 35%%; }
      p.note { font-size: 9pt; margin: 0 0 3pt 0; }
      div.figure { margin: 6pt 0 10pt 0; page-break-inside: avoid; }
      p.caption { font-weight: bold; margin: 0 0 4pt 0; }
      img.chart { width: 100%%; }
      """;

  private final StringBuilder out = new StringBuilder();

  private PrintHtml() {}

  static String of(Report report) {
    return new PrintHtml().document(report);
  }

  private String document(Report report) {
    String status =
        report.hasStatus()
            ? "@top-right { content: \""
                + report.status().replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"; font-family: 'Liberation Sans'; font-weight: bold; font-size: 10pt; }"
            : "";
    out.append("<!DOCTYPE html>\n<html lang=\"")
        .append(Report.LANGUAGE)
        .append("\" xml:lang=\"")
        .append(Report.LANGUAGE)
        .append("\" xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/>");
    out.append("<title>").append(escape(report.title())).append("</title>");
    if (!report.subtitle().isEmpty()) {
      out.append("<meta name=\"subject\" content=\"")
          .append(escape(String.join("; ", report.subtitle())))
          .append("\"/>");
    }
    out.append("<meta name=\"author\" content=\"Safeload\"/>");
    out.append("<style>").append(escape(String.format(STYLE, status))).append("</style>");
    out.append("</head><body>");
    out.append("<h1>").append(escape(report.title())).append("</h1>");
    for (String line : report.subtitle()) {
      out.append("<p class=\"subtitle\">").append(escape(line)).append("</p>");
    }
    if (report.hasStatus()) {
      out.append("<p class=\"status\">Status: ").append(escape(report.status())).append("</p>");
    }
    for (Section section : report.sections()) {
      section(section, 2);
    }
    out.append("</body></html>");
    return out.toString();
  }

  private void section(Section section, int level) {
    int h = Math.min(level, 4);
    out.append("<h").append(h).append('>').append(escape(section.title()));
    out.append("</h").append(h).append('>');
    for (Block block : section.blocks()) {
      block(block);
    }
    for (Section sub : section.subsections()) {
      section(sub, level + 1);
    }
  }

  private void block(Block block) {
    switch (block) {
      case Paragraph p -> {
        if (p.warning()) {
          out.append("<div class=\"warning\"><p><strong>Warning: </strong>")
              .append(escape(p.text()))
              .append("</p></div>");
        } else if (p.strong()) {
          out.append("<p class=\"strong\"><strong>").append(escape(p.text()));
          out.append("</strong></p>");
        } else {
          out.append("<p>").append(escape(p.text())).append("</p>");
        }
      }
      case BulletList list -> {
        out.append("<ul>");
        list.items().forEach(i -> out.append("<li>").append(escape(i)).append("</li>"));
        out.append("</ul>");
      }
      case KeyValues kv -> {
        out.append("<table class=\"key-values\"><tbody>");
        for (KeyValues.Entry e : kv.entries()) {
          out.append("<tr><th scope=\"row\">").append(escape(e.label()));
          out.append("</th><td>").append(escape(e.value())).append("</td></tr>");
        }
        out.append("</tbody></table>");
      }
      case Table t -> table(t);
      case Chart c -> chart(c);
      case Sources s -> table(s.asTable());
    }
  }

  private void table(Table table) {
    out.append("<table><caption>").append(escape(table.caption())).append("</caption>");
    out.append("<thead><tr>");
    for (Table.Column column : table.columns()) {
      out.append("<th scope=\"col\"").append(column.kind().numeric() ? " class=\"num\"" : "");
      out.append('>').append(escape(column.heading())).append("</th>");
    }
    out.append("</tr></thead><tbody>");
    for (Table.Row row : table.rows()) {
      row(table, row, false);
    }
    table.total().ifPresent(row -> row(table, row, true));
    out.append("</tbody></table>");
    for (Table.Footnote note : table.footnotes()) {
      out.append("<p class=\"note\"><strong>[").append(escape(note.marker()));
      out.append("]</strong> ").append(escape(note.text())).append("</p>");
    }
  }

  private void row(Table table, Table.Row row, boolean total) {
    out.append(total ? "<tr class=\"total\">" : "<tr>");
    for (int c = 0; c < row.cells().size(); c++) {
      Cell cell = row.cells().get(c);
      boolean header = c == 0 && (table.rowHeaders() || total);
      boolean numeric = table.columns().get(c).kind().numeric();
      out.append(header ? "<th scope=\"row\"" : "<td").append(numeric ? " class=\"num\"" : "");
      out.append('>').append(escape(cell.display()));
      String marker = table.marker(cell);
      if (!marker.isEmpty()) {
        out.append(" [").append(escape(marker)).append(']');
      }
      out.append(header ? "</th>" : "</td>");
    }
    out.append("</tr>");
  }

  private void chart(Chart chart) {
    out.append("<div class=\"figure\"><p class=\"caption\">").append(escape(chart.title()));
    out.append("</p><img class=\"chart\" src=\"data:image/png;base64,");
    out.append(Base64.getEncoder().encodeToString(ChartPainter.png(chart)));
    out.append("\" alt=\"").append(escape(chart.textAlternative())).append("\"/>");
    out.append("<p>").append(escape(chart.textAlternative())).append("</p></div>");
    table(chart.asTable());
  }

  /** Escapes text for XHTML content and attribute values. */
  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> {
          // XML 1.0 forbids most control characters: drop them rather than fail.
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            s.append(c);
          }
        }
      }
    }
    return s.toString();
  }
}
