package org.safeload.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample report as a PDF, read back with PDFBox. */
class PdfReportTest {

  private static PDDocument pdf;
  private static String text;

  @BeforeAll
  static void write() throws Exception {
    byte[] bytes = new ReportRenderer().pdf(SampleReport.report());
    pdf = Loader.loadPDF(bytes);
    // Lines wrap where the page ends them: compare with single spaces.
    text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
  }

  @AfterAll
  static void close() throws Exception {
    pdf.close();
  }

  @Test
  void everyFigureOfTheMonthlyTableAndItsTotalIsInTheText() {
    assertThat(text)
        .contains("Extension of the managed social work team contract")
        .contains("Status: Draft")
        .contains("Monthly cost, April to September 2026")
        .contains("April 2026 £40,300.00 £1,250.50 6")
        .contains("May 2026 £41,643.33 £1,250.50 6")
        .contains("June 2026 £40,300.00 £0.00 6")
        .contains("July 2026 £41,643.34 \u2212£312.25 [a] 6")
        .contains("August 2026 £41,643.33 £1,250.50 5")
        .contains("September 2026 £40,300.00 £1,250.50 4.5")
        .contains("Total £245,830.00 [b] £4,689.75")
        .contains("[a] Credit for a vacant post, 1 to 10 July 2026")
        .contains("for 6 months & to note the spend <so far>.")
        .contains("Warning: Spend passed the contract ceiling in September 2026.")
        .contains("Sep 2026 £250,519.75")
        .contains("September 2026 (after) 17.2")
        .contains("Page 1 of");
  }

  @Test
  void titleLanguageAndTags() throws Exception {
    assertThat(pdf.getDocumentInformation().getTitle())
        .isEqualTo("Extension of the managed social work team contract");
    var catalog = pdf.getDocumentCatalog();
    assertThat(catalog.getLanguage()).isEqualTo("en-GB");
    assertThat(catalog.getMarkInfo().isMarked()).isTrue();
    assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
    assertThat(catalog.getStructureTreeRoot()).isNotNull();
    String xmp =
        new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(xmp).contains("pdfuaid").contains("pdfaid");

    List<PDStructureElement> elements = new ArrayList<>();
    collect(catalog.getStructureTreeRoot(), elements);
    List<String> types = elements.stream().map(PDStructureElement::getStructureType).toList();
    assertThat(types).contains("H1", "H2", "H3", "P", "L", "LI", "Table", "TH", "TD", "Figure");
    assertThat(elements.stream().filter(e -> e.getStructureType().equals("Figure")))
        .extracting(PDStructureElement::getAlternateDescription)
        .containsExactly(
            SampleReport.cumulativeSpend().textAlternative(),
            SampleReport.caseload().textAlternative());
  }

  @Test
  void onlyTheShippedFontIsUsedAndItIsEmbedded() throws Exception {
    List<String> fonts = new ArrayList<>();
    for (PDPage page : pdf.getPages()) {
      for (COSName name : page.getResources().getFontNames()) {
        PDFont font = page.getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        fonts.add(font.getName());
      }
    }
    assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("LiberationSans"));
    assertThat(fonts).anyMatch(f -> f.contains("Bold"));
  }

  private static void collect(PDStructureNode node, List<PDStructureElement> out) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        out.add(e);
        collect(e, out);
      }
    }
  }
}
