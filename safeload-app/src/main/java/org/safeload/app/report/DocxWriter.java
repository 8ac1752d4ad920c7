package org.safeload.app.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
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
 * Writes a report as a Word document (Apache POI XWPF) that officers can edit: the report's title
 * in the Title style, sections in Heading 1, 2 and 3 (with outline levels, so Word's navigation
 * pane lists them), real bulleted lists, tables with a repeated header row, numbers right-aligned
 * and the total row in bold, each chart as a PNG picture with the chart's text alternative as its
 * alternative text followed by its figures as a table, and Arial throughout (Liberation Sans where
 * Arial is missing). The document is marked British English; a status such as "Draft" is in the
 * page header.
 */
final class DocxWriter {

  private static final int BODY_HALF_POINTS = 22;
  private static final String BORDER = "B1B4B6";

  private final XWPFDocument doc = new XWPFDocument();
  private BigInteger bullets;
  private int pictures;

  private DocxWriter() {}

  static byte[] write(Report report) {
    return new DocxWriter().document(report);
  }

  private byte[] document(Report report) {
    styles();
    bullets = bulletNumbering();
    var core = doc.getProperties().getCoreProperties();
    core.setTitle(report.title());
    core.setCreator("Safeload");
    if (report.hasStatus()) {
      core.setContentStatus(report.status());
      XWPFHeaderFooter header = doc.createHeader(HeaderFooterType.DEFAULT);
      XWPFParagraph p = header.createParagraph();
      p.setAlignment(ParagraphAlignment.RIGHT);
      XWPFRun r = p.createRun();
      r.setBold(true);
      r.setText(report.status());
    }

    XWPFParagraph title = doc.createParagraph();
    title.setStyle("Title");
    title.createRun().setText(report.title());
    for (String line : report.subtitle()) {
      XWPFParagraph p = doc.createParagraph();
      p.setStyle("Subtitle");
      p.createRun().setText(line);
    }
    for (Section section : report.sections()) {
      section(section, 1);
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.write(out);
      doc.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void section(Section section, int level) {
    XWPFParagraph heading = doc.createParagraph();
    heading.setStyle("Heading" + Math.min(level, 3));
    heading.createRun().setText(section.title());
    for (Block block : section.blocks()) {
      block(block);
    }
    for (Section sub : section.subsections()) {
      section(sub, level + 1);
    }
  }

  private void block(Block block) {
    switch (block) {
      case Paragraph p -> paragraph(p);
      case BulletList list -> {
        for (String item : list.items()) {
          XWPFParagraph p = doc.createParagraph();
          p.setStyle("ListBullet");
          p.setNumID(bullets);
          p.setNumILvl(BigInteger.ZERO);
          p.createRun().setText(item);
        }
      }
      case KeyValues kv -> {
        for (KeyValues.Entry e : kv.entries()) {
          XWPFParagraph p = doc.createParagraph();
          XWPFRun label = p.createRun();
          label.setBold(true);
          label.setText(e.label() + ": ");
          p.createRun().setText(e.value());
        }
      }
      case Table t -> table(t);
      case Chart c -> chart(c);
      case Sources s -> table(s.asTable());
    }
  }

  private void paragraph(Paragraph paragraph) {
    XWPFParagraph p = doc.createParagraph();
    if (paragraph.warning()) {
      XWPFRun label = p.createRun();
      label.setBold(true);
      label.setText("Warning: ");
    }
    XWPFRun r = p.createRun();
    r.setBold(paragraph.strong() || paragraph.warning());
    r.setText(paragraph.text());
  }

  private void table(Table table) {
    XWPFParagraph caption = doc.createParagraph();
    caption.setStyle("Caption");
    caption.createRun().setText(table.caption());

    List<Table.Row> rows = table.rows();
    int columns = table.columns().size();
    int total = table.hasTotal() ? 1 : 0;
    XWPFTable t = doc.createTable(1 + rows.size() + total, columns);
    CTTblPr pr =
        t.getCTTbl().getTblPr() == null ? t.getCTTbl().addNewTblPr() : t.getCTTbl().getTblPr();
    CTTblWidth width = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
    width.setType(STTblWidth.PCT);
    width.setW(BigInteger.valueOf(5000));
    t.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, BORDER);
    t.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, BORDER);
    t.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, BORDER);
    t.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, BORDER);
    t.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, BORDER);
    t.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, BORDER);

    XWPFTableRow head = t.getRow(0);
    head.setRepeatHeader(true);
    head.setCantSplitRow(true);
    for (int c = 0; c < columns; c++) {
      Table.Column column = table.columns().get(c);
      text(head.getCell(c), column.heading(), "", column.kind().numeric(), true);
    }
    for (int r = 0; r < rows.size(); r++) {
      row(table, t.getRow(1 + r), rows.get(r), false);
    }
    table.total().ifPresent(row -> row(table, t.getRow(1 + rows.size()), row, true));
    for (Table.Footnote note : table.footnotes()) {
      XWPFParagraph p = doc.createParagraph();
      p.setStyle("Footnote");
      XWPFRun marker = p.createRun();
      marker.setBold(true);
      marker.setText("[" + note.marker() + "] ");
      p.createRun().setText(note.text());
    }
    doc.createParagraph();
  }

  private void row(Table table, XWPFTableRow row, Table.Row cells, boolean total) {
    row.setCantSplitRow(true);
    for (int c = 0; c < cells.cells().size(); c++) {
      Cell cell = cells.cells().get(c);
      boolean numeric = table.columns().get(c).kind().numeric();
      text(row.getCell(c), cell.display(), table.marker(cell), numeric, total);
    }
  }

  private static void text(
      XWPFTableCell cell, String text, String marker, boolean right, boolean bold) {
    XWPFParagraph p = cell.getParagraphs().getFirst();
    p.setAlignment(right ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
    p.setSpacingBefore(40);
    p.setSpacingAfter(40);
    XWPFRun r = p.createRun();
    r.setBold(bold);
    r.setText(text);
    if (!marker.isEmpty()) {
      XWPFRun m = p.createRun();
      m.setBold(bold);
      m.setText(" [" + marker + "]");
    }
  }

  private void chart(Chart chart) {
    XWPFParagraph caption = doc.createParagraph();
    caption.setStyle("Caption");
    caption.createRun().setText(chart.title());
    XWPFParagraph p = doc.createParagraph();
    p.getCTP().addNewPPr(); // setKeepNext needs the paragraph's properties to exist
    p.setKeepNext(true);
    XWPFRun r = p.createRun();
    pictures++;
    XWPFPicture picture;
    try {
      picture =
          r.addPicture(
              new ByteArrayInputStream(ChartPainter.png(chart)),
              Document.PICTURE_TYPE_PNG,
              "chart" + pictures + ".png",
              Units.toEMU(ChartPainter.WIDTH * 0.7),
              Units.toEMU(ChartPainter.HEIGHT * 0.7));
    } catch (InvalidFormatException | IOException e) {
      throw new IllegalStateException("the chart " + chart.title() + " cannot be added", e);
    }
    CTInline inline = r.getCTR().getDrawingArray(0).getInlineArray(0);
    inline.getDocPr().setDescr(chart.textAlternative());
    inline.getDocPr().setTitle(chart.title());
    picture.getCTPicture().getNvPicPr().getCNvPr().setDescr(chart.textAlternative());
    XWPFParagraph alt = doc.createParagraph();
    alt.createRun().setText(chart.textAlternative());
    table(chart.asTable());
  }

  /** Normal, Title, Subtitle, Heading 1 to 3, Caption, Footnote, List Bullet; Arial, en-GB. */
  private void styles() {
    XWPFStyles styles = doc.createStyles();
    var defaults =
        styles.getCtStyles().isSetDocDefaults()
            ? styles.getCtStyles().getDocDefaults()
            : styles.getCtStyles().addNewDocDefaults();
    CTRPr rpr = defaults.addNewRPrDefault().addNewRPr();
    fonts(rpr.addNewRFonts());
    rpr.addNewSz().setVal(BigInteger.valueOf(BODY_HALF_POINTS));
    rpr.addNewSzCs().setVal(BigInteger.valueOf(BODY_HALF_POINTS));
    var lang = rpr.addNewLang();
    lang.setVal(Report.LANGUAGE);
    lang.setEastAsia(Report.LANGUAGE);
    lang.setBidi(Report.LANGUAGE);
    var spacing = defaults.addNewPPrDefault().addNewPPr().addNewSpacing();
    spacing.setAfter(BigInteger.valueOf(160));
    spacing.setLine(BigInteger.valueOf(264));

    styles.addStyle(style("Normal", "Normal", null, -1, 0, false));
    styles.addStyle(style("Title", "Title", "Normal", -1, 40, true));
    styles.addStyle(style("Subtitle", "Subtitle", "Normal", -1, 24, false));
    styles.addStyle(style("Heading1", "heading 1", "Normal", 0, 32, true));
    styles.addStyle(style("Heading2", "heading 2", "Normal", 1, 26, true));
    styles.addStyle(style("Heading3", "heading 3", "Normal", 2, 24, true));
    styles.addStyle(style("Caption", "caption", "Normal", -1, 22, true));
    styles.addStyle(style("Footnote", "Table note", "Normal", -1, 18, false));
    styles.addStyle(style("ListBullet", "List Bullet", "Normal", -1, 0, false));
  }

  private static XWPFStyle style(
      String id, String name, String basedOn, int outline, int halfPoints, boolean bold) {
    CTStyle s = CTStyle.Factory.newInstance();
    s.setStyleId(id);
    s.setType(STStyleType.PARAGRAPH);
    s.addNewName().setVal(name);
    if (basedOn == null) {
      s.setDefault(true);
    } else {
      s.addNewBasedOn().setVal(basedOn);
      s.addNewNext().setVal("Normal");
    }
    s.addNewQFormat();
    CTPPrGeneral ppr = s.addNewPPr();
    if (outline >= 0) {
      ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
      ppr.addNewKeepNext();
      var spacing = ppr.addNewSpacing();
      spacing.setBefore(BigInteger.valueOf(outline == 0 ? 360 : 240));
      spacing.setAfter(BigInteger.valueOf(120));
    }
    if ("Caption".equals(id)) {
      ppr.addNewKeepNext();
      ppr.addNewSpacing().setAfter(BigInteger.valueOf(80));
    }
    CTRPr rpr = s.addNewRPr();
    if (bold) {
      rpr.addNewB();
      rpr.addNewBCs();
    }
    if (halfPoints > 0) {
      rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
      rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
    }
    return new XWPFStyle(s);
  }

  private static void fonts(CTFonts fonts) {
    fonts.setAscii(ReportFonts.WORD_FAMILY);
    fonts.setHAnsi(ReportFonts.WORD_FAMILY);
    fonts.setCs(ReportFonts.WORD_FAMILY);
    fonts.setEastAsia(ReportFonts.WORD_FAMILY);
  }

  /** One bullet list definition: a round bullet, indented a quarter inch, hanging. */
  private BigInteger bulletNumbering() {
    CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
    abstractNum.setAbstractNumId(BigInteger.ZERO);
    CTLvl level = abstractNum.addNewLvl();
    level.setIlvl(BigInteger.ZERO);
    level.addNewNumFmt().setVal(STNumberFormat.BULLET);
    level.addNewLvlText().setVal("\u2022");
    var ind = level.addNewPPr().addNewInd();
    ind.setLeft(BigInteger.valueOf(360));
    ind.setHanging(BigInteger.valueOf(360));
    fonts(level.addNewRPr().addNewRFonts());
    XWPFNumbering numbering = doc.createNumbering();
    BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum));
    return numbering.addNum(abstractId);
  }
}
