package org.safeload.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample report as a Word document, opened again with POI. */
class DocxReportTest {

  private static XWPFDocument doc;

  @BeforeAll
  static void write() throws Exception {
    byte[] bytes = new ReportRenderer().docx(SampleReport.report());
    doc = new XWPFDocument(new ByteArrayInputStream(bytes));
  }

  private static List<String> cells(XWPFTableRow row) {
    return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
  }

  @Test
  void titleAndSectionsAreWordHeadingsWithOutlineLevels() {
    List<String> headings =
        doc.getParagraphs().stream()
            .filter(p -> p.getStyleID() != null && p.getStyleID().startsWith("Heading"))
            .map(p -> p.getStyleID() + ": " + p.getText())
            .toList();
    assertThat(headings)
        .containsExactly(
            "Heading1: 1. Summary",
            "Heading1: 2. Recommendations",
            "Heading1: 3. Financial implications",
            "Heading2: 3.1 Monthly cost",
            "Heading2: 3.2 Evidence of impact",
            "Heading1: Appendix: figures");
    XWPFParagraph first = doc.getParagraphs().getFirst();
    assertThat(first.getStyleID()).isEqualTo("Title");
    assertThat(first.getText()).isEqualTo("Extension of the managed social work team contract");
    // Word knows its built-in headings by these names; the outline level feeds the navigation pane.
    assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
    assertThat(doc.getStyles().getStyle("Heading2").getName()).isEqualTo("heading 2");
    assertThat(doc.getStyles().getStyle("Heading1").getCTStyle().getPPr().getOutlineLvl().getVal())
        .hasToString("0");
    assertThat(doc.getStyles().getStyle("Heading2").getCTStyle().getPPr().getOutlineLvl().getVal())
        .hasToString("1");
  }

  @Test
  void titleStatusLanguageAndFont() {
    assertThat(doc.getProperties().getCoreProperties().getTitle())
        .isEqualTo("Extension of the managed social work team contract");
    assertThat(doc.getHeaderList().getFirst().getText()).contains("Draft");
    var defaults = doc.getStyles().getCtStyles().getDocDefaults().getRPrDefault().getRPr();
    assertThat(defaults.getLangArray(0).getVal()).isEqualTo("en-GB");
    assertThat(defaults.getRFontsArray(0).getAscii()).isEqualTo("Arial");
  }

  @Test
  void textIsKeptAsWrittenIncludingMarkupCharacters() {
    String text =
        doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + "\n" + b);
    assertThat(text)
        .contains("for 6 months & to note the spend <so far>.")
        .contains("Decision maker: Director of Children's Services")
        .contains("Warning: Spend passed the contract ceiling in September 2026.")
        .contains("Extend the contract to 31 March 2027.");
    XWPFParagraph bullet =
        doc.getParagraphs().stream()
            .filter(p -> p.getText().equals("Extend the contract to 31 March 2027."))
            .findFirst()
            .orElseThrow();
    assertThat(bullet.getNumID()).isNotNull();
    assertThat(bullet.getNumFmt()).isEqualTo("bullet");
  }

  @Test
  void everyCellOfTheMonthlyTableAndItsComputedTotal() {
    XWPFTable table = doc.getTables().getFirst();
    List<List<String>> rows = table.getRows().stream().map(DocxReportTest::cells).toList();
    assertThat(rows)
        .containsExactly(
            List.of("Month", "Team cost", "Extras", "Social workers"),
            List.of("April 2026", "£40,300.00", "£1,250.50", "6"),
            List.of("May 2026", "£41,643.33", "£1,250.50", "6"),
            List.of("June 2026", "£40,300.00", "£0.00", "6"),
            List.of("July 2026", "£41,643.34", "\u2212£312.25 [a]", "6"),
            List.of("August 2026", "£41,643.33", "£1,250.50", "5"),
            List.of("September 2026", "£40,300.00", "£1,250.50", "4.5"),
            // 245,830.00 and 4,689.75: worked in SampleReport.
            List.of("Total", "£245,830.00 [b]", "£4,689.75", ""));
    assertThat(table.getRow(0).isRepeatHeader()).isTrue();
    XWPFParagraph money = table.getRow(1).getCell(1).getParagraphs().getFirst();
    assertThat(money.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
    assertThat(table.getRow(1).getCell(0).getParagraphs().getFirst().getAlignment())
        .isEqualTo(ParagraphAlignment.LEFT);
    XWPFTableRow total = table.getRow(7);
    assertThat(total.getCell(1).getParagraphs().getFirst().getRuns()).allMatch(XWPFRun::isBold);
    assertThat(table.getRow(2).getCell(1).getParagraphs().getFirst().getRuns())
        .noneMatch(XWPFRun::isBold);

    String text =
        doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + "\n" + b);
    assertThat(text)
        .contains("[a] Credit for a vacant post, 1 to 10 July 2026")
        .contains(
            "[b] The council's report gives £245,828.00 for the total of Team cost; the rows add"
                + " up to £245,830.00, £2.00 more.");
  }

  @Test
  void chartsArePicturesWithAltTextFollowedByTheirFigures() {
    assertThat(doc.getAllPictures()).hasSize(2);
    List<XWPFPicture> pictures =
        doc.getParagraphs().stream()
            .flatMap(p -> p.getRuns().stream())
            .flatMap(r -> r.getEmbeddedPictures().stream())
            .toList();
    assertThat(pictures)
        .extracting(XWPFPicture::getDescription)
        .containsExactly(
            SampleReport.cumulativeSpend().textAlternative(),
            SampleReport.caseload().textAlternative());
    assertThat(pictures.getFirst().getPictureData().getData()).startsWith(0x89, 'P', 'N', 'G');

    XWPFTable spend = doc.getTables().get(1);
    assertThat(cells(spend.getRow(0))).containsExactly("Month", "Cumulative spend");
    assertThat(cells(spend.getRow(6))).containsExactly("Sep 2026", "£250,519.75");
    XWPFTable caseload = doc.getTables().get(2);
    assertThat(caseload.getRows().stream().map(DocxReportTest::cells).toList())
        .containsExactly(
            List.of("Period", "Caseload per FTE"),
            List.of("March 2026 (before)", "24.5"),
            List.of("September 2026 (after)", "17.2"));
  }

  @Test
  void theSourcesAreATable() {
    XWPFTable sources = doc.getTables().get(3);
    assertThat(sources.getRows().stream().map(DocxReportTest::cells).toList())
        .containsExactly(
            List.of("Figure", "Value", "Source", "As of"),
            List.of("Contract ceiling", "£250,000.00", "Contract terms", "1 April 2026"),
            List.of(
                "Spend to date",
                "£250,519.75",
                "Safeload costing with invoices",
                "24 November 2026"));
  }
}
