package org.safeload.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The preview fragment, rendered by Thymeleaf with Spring's expression language (as the app does,
 * with its restrictions on image sources) and read with Jsoup.
 */
class ReportPreviewTest {

  private static String html;
  private static Document page;

  @BeforeAll
  static void render() {
    ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
    files.setPrefix("templates/");
    files.setSuffix(".html");
    files.setTemplateMode(TemplateMode.HTML);
    files.setCharacterEncoding("UTF-8");
    files.setCheckExistence(true);
    files.setOrder(1);
    StringTemplateResolver strings = new StringTemplateResolver();
    strings.setOrder(2);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.addTemplateResolver(files);
    engine.addTemplateResolver(strings);
    Context context = new Context();
    context.setVariable("preview", new ReportRenderer().preview(SampleReport.report()));
    html =
        engine.process(
            "<main><div th:replace=\"~{report/fragments :: report(${preview})}\"></div></main>",
            context);
    page = Jsoup.parse(html);
  }

  private static List<String> texts(String selector) {
    return page.select(selector).eachText();
  }

  @Test
  void headingsAreGovukHeadings() {
    assertThat(texts("h1.govuk-heading-l"))
        .containsExactly("Extension of the managed social work team contract");
    assertThat(texts("h2.govuk-heading-m"))
        .containsExactly(
            "1. Summary", "2. Recommendations", "3. Financial implications", "Appendix: figures");
    assertThat(texts("h3.govuk-heading-s"))
        .containsExactly("3.1 Monthly cost", "3.2 Evidence of impact");
    assertThat(texts(".sl-report__subtitle"))
        .containsExactly(
            "Northbridge Council",
            "Decision maker: Director of Children's Services",
            "Date of decision: 14 December 2026");
    assertThat(texts("strong.govuk-tag")).containsExactly("Draft");
    assertThat(page.selectFirst(".sl-report").attr("lang")).isEqualTo("en-GB");
  }

  @Test
  void textIsEscaped() {
    assertThat(html).contains("6 months &amp; to note the spend &lt;so far&gt;.");
    assertThat(texts("p.govuk-body"))
        .contains(
            "This report asks the Director to extend the contract with Brightpath Social Care Ltd"
                + " for 6 months & to note the spend <so far>.");
  }

  @Test
  void keyValuesListsWarningsAndEmphasis() {
    assertThat(texts(".govuk-summary-list__key")).containsExactly("Decision maker", "Key decision");
    assertThat(texts(".govuk-summary-list__value"))
        .containsExactly("Director of Children's Services", "No: the value is under £500,000.00");
    assertThat(texts("ul.govuk-list--bullet li"))
        .containsExactly(
            "Extend the contract to 31 March 2027.",
            "Taper the team from 6 to 4 social workers from February 2027.");
    assertThat(texts(".govuk-warning-text__text"))
        .containsExactly("Warning Spend passed the contract ceiling in September 2026.");
    assertThat(texts("p.govuk-\\!-font-weight-bold"))
        .containsExactly("The extension is recommended.");
  }

  @Test
  void theMonthlyTableWithNumericCellsAndItsComputedTotal() {
    Element table = page.selectFirst("table.govuk-table");
    assertThat(table.selectFirst("caption").text())
        .isEqualTo("Monthly cost, April to September 2026");
    assertThat(table.select("thead th").eachText())
        .containsExactly("Month", "Team cost", "Extras", "Social workers");
    assertThat(table.select("thead th.govuk-table__header--numeric").eachText())
        .containsExactly("Team cost", "Extras", "Social workers");
    List<List<String>> rows =
        table.select("tbody tr").stream()
            .map(r -> r.select("th, td").stream().map(Element::text).toList())
            .toList();
    assertThat(rows)
        .containsExactly(
            List.of("April 2026", "£40,300.00", "£1,250.50", "6"),
            List.of("May 2026", "£41,643.33", "£1,250.50", "6"),
            List.of("June 2026", "£40,300.00", "£0.00", "6"),
            List.of("July 2026", "£41,643.34", "\u2212£312.25[a]", "6"),
            List.of("August 2026", "£41,643.33", "£1,250.50", "5"),
            List.of("September 2026", "£40,300.00", "£1,250.50", "4.5"),
            List.of("Total", "£245,830.00[b]", "£4,689.75", ""));
    assertThat(table.select("tbody th[scope=row]")).hasSize(7);
    assertThat(table.select("tbody td.govuk-table__cell--numeric")).hasSize(7 * 3);
    assertThat(table.select("tr.sl-report__total th").text()).isEqualTo("Total");
    Element wrapper = table.closest(".sl-report__table");
    assertThat(wrapper.select("p.govuk-body-s").eachText())
        .containsExactly(
            "[a] Credit for a vacant post, 1 to 10 July 2026",
            "[b] The council's report gives £245,828.00 for the total of Team cost; the rows add"
                + " up to £245,830.00, £2.00 more.");
  }

  @Test
  void chartsArePicturesWithAltTextAndTheirFiguresAsATable() {
    List<Element> images = page.select("figure.sl-report__chart img");
    assertThat(images).hasSize(2);
    assertThat(images.getFirst().attr("src")).startsWith("data:image/png;base64,iVBOR");
    assertThat(images)
        .extracting(i -> i.attr("alt"))
        .containsExactly(
            SampleReport.cumulativeSpend().textAlternative(),
            SampleReport.caseload().textAlternative());
    Element figure = page.selectFirst("figure.sl-report__chart");
    assertThat(figure.selectFirst("figcaption").text())
        .isEqualTo("Cumulative spend against the ceiling");
    assertThat(figure.select("details.govuk-details table caption").text())
        .isEqualTo("Cumulative spend against the ceiling (Ceiling: £250,000.00)");
    assertThat(figure.select("details tbody tr").last().select("th, td").eachText())
        .containsExactly("Sep 2026", "£250,519.75");
  }

  @Test
  void theSourcesAreATable() {
    Element table = page.select("table.govuk-table").last();
    assertThat(table.selectFirst("caption").text()).isEqualTo("Figures used in this report");
    assertThat(table.select("tbody tr").first().select("th, td").eachText())
        .containsExactly("Contract ceiling", "£250,000.00", "Contract terms", "1 April 2026");
  }
}
