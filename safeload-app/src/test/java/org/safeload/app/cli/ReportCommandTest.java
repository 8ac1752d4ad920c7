package org.safeload.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.demo.DemoCouncil;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.money.Costing;
import org.safeload.money.Decision;
import org.safeload.money.DecisionDocument;
import org.safeload.money.KeyDecisionRule;
import org.safeload.money.PrintedFigures;
import org.safeload.money.ScenarioReader;

/**
 * {@code safeload report} on the demo council (a database of its own, the demo loaded as on first
 * start, the clock at 24 November 2026): each decision's report from its frozen figures and a draft
 * as of a date, as Word and PDF, read back with POI and PDFBox. Every month of the financial table
 * and the key-decision statement are checked against the money engine run here on the demo's own
 * documents (the contract, and the decisions applied with {@link Contract#withDecision}), with the
 * council's rule as configured: £500,000 on all three tests.
 */
class ReportCommandTest {

  private static final String CODE = DemoCouncil.contractCode();

  private static final ContractCosting ENGINE =
      new ContractCosting(
          WorkingCalendar.englandAndWales(), KeyDecisionRule.of(new BigDecimal("500000")));

  private static CommandRun report(String... args) {
    List<String> all = new ArrayList<>(List.of("report"));
    all.addAll(List.of(args));
    all.add("--spring.datasource.url=jdbc:h2:mem:report-cli;DB_CLOSE_DELAY=-1");
    all.add("--safeload.admin.password=cli-test-password");
    all.add("--safeload.clock.fixed=2026-11-24T12:00:00Z");
    return CommandRun.of(all.toArray(String[]::new));
  }

  private static Contract demoContract() {
    return ScenarioReader.contract(DemoCouncil.contractDocument());
  }

  private static String pounds(BigDecimal amount) {
    return String.format(Locale.UK, "£%,.2f", amount);
  }

  private static String month(Costing.MonthCost m) {
    return m.month().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
  }

  private static BigDecimal sum(
      Costing c, java.util.function.Function<Costing.MonthCost, BigDecimal> f) {
    return c.months().stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Each month's row as the report prints it: month, team, extras, invoiced or not, total. */
  private static List<List<String>> expectedRows(Costing c) {
    List<List<String>> rows = new ArrayList<>();
    for (Costing.MonthCost m : c.months()) {
      rows.add(
          List.of(
              month(m),
              pounds(m.team()),
              pounds(m.extras()),
              m.actual() == null ? "Forecast" : "Invoiced",
              pounds(m.total())));
    }
    rows.add(
        List.of(
            "Total",
            pounds(sum(c, Costing.MonthCost::team)),
            pounds(sum(c, Costing.MonthCost::extras)),
            "",
            pounds(c.total())));
    return rows;
  }

  private static String pdfText(Path file) throws Exception {
    try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(file))) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
  }

  /**
   * Whether the PDF's text holds a row's cells in order: PDFBox runs some cells together
   * ("£1,045.16 Invoiced" comes out as "£1,045.16Invoiced"), so the spaces are left out on both
   * sides.
   */
  private static boolean hasRow(String text, List<String> row) {
    return text.replace(" ", "").contains(String.join("", row).replace(" ", ""));
  }

  @Test
  void theExtensionDecisionsReportAsWordFromItsFrozenFigures(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("extension.docx");
    Files.writeString(out, "an older report");
    CommandRun run =
        report(
            "--contract", CODE, "--type", "extension", "--decision", "2", "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Wrote " + out, "(decision 2)");
    // The file was replaced in one move: nothing is left beside it, and it may be read as any
    // file written in the folder may.
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
    Path probe = Files.writeString(dir.resolve("probe.txt"), "x");
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(probe));

    // The engine's figures: the demo contract with its 3-month option exercised on 19 November
    // 2026, as of that day; the decision's value is the option's most, £150,000.
    Decision extension = DecisionDocument.read(DemoCouncil.extensionDecision());
    Contract before = demoContract();
    Contract after = before.withDecision(extension);
    Costing cost = ENGINE.cost(after, extension.date());
    BigDecimal value = extension.valueOf(before, ENGINE.cost(before, extension.date()).total());
    String statement =
        ENGINE
            .keyDecisionRule()
            .assess(value, cost.potentialValue(), null, extension.wardsAffected())
            .statement();
    // By hand (DemoDecisionsTest): ten months from October 2026 to July 2027, £584,434.84 in all;
    // key because the potential value is £630,000.
    assertThat(cost.months()).hasSize(10);
    assertThat(cost.total()).isEqualByComparingTo("584434.84");
    assertThat(statement).contains("£630,000.00, reaches the £500,000.00 threshold");

    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(out)))) {
      XWPFTable table =
          doc.getTables().stream()
              .filter(
                  t ->
                      cells(t.getRow(0))
                          .equals(List.of("Month", "Team", "Extras", "Invoiced", "Total")))
              .findFirst()
              .orElseThrow();
      List<List<String>> rows =
          table.getRows().stream()
              .skip(1)
              .map(ReportCommandTest::cells)
              .map(ReportCommandTest::withoutNotes)
              .toList();
      assertThat(rows).containsExactlyElementsOf(expectedRows(cost));
      String text =
          doc.getParagraphs().stream()
              .map(XWPFParagraph::getText)
              .reduce("", (a, b) -> a + "\n" + b);
      assertThat(text)
          .contains(statement)
          .contains(
              "Decision maker: Councillor Priya Nandakumar, Cabinet Member for Children and Families")
          .contains("Figures as of 19 November 2026");
    }
  }

  @Test
  void theAwardDecisionsReportAsPdfListsWhereThePrintedTableDiffers(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("award.PDF");
    CommandRun run =
        report("--contract", CODE, "--type", "award", "--decision", "1", "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();

    Decision award = DecisionDocument.read(DemoCouncil.awardDecision());
    Contract c = demoContract();
    Costing cost = ENGINE.cost(c, award.date());
    BigDecimal value = award.valueOf(c, cost.total());
    String statement =
        ENGINE.keyDecisionRule().assess(value, cost.potentialValue(), null, false).statement();
    String text = pdfText(out);
    for (List<String> row : expectedRows(cost)) {
      assertThat(hasRow(text, row)).as("%s in %s", row, text).isTrue();
    }
    assertThat(text).contains(statement).contains("Status: Decision recorded");
    for (PrintedFigures.Difference d : PrintedFigures.compare(award.printed(), cost, c)) {
      assertThat(text).contains(d.message());
    }
  }

  @Test
  void aDraftExitReportAsOfADateAsPdf(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("exit.pdf");
    CommandRun run =
        report(
            "--contract", CODE, "--type", "exit", "--as-of", "2026-11-24", "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("(draft, figures as of 24 November 2026)");

    // The stored contract as the demo leaves it: both decisions applied.
    Contract c =
        demoContract()
            .withDecision(DecisionDocument.read(DemoCouncil.awardDecision()))
            .withDecision(DecisionDocument.read(DemoCouncil.extensionDecision()));
    Costing cost = ENGINE.cost(c, LocalDate.of(2026, 11, 24));
    String text = pdfText(out);
    for (List<String> row : expectedRows(cost)) {
      assertThat(hasRow(text, row)).as("%s in %s", row, text).isTrue();
    }
    assertThat(text)
        .contains("Exit from the contract for a managed social work team")
        .contains("Status: Draft")
        .contains(cost.keyDecisionStatement())
        .contains("The contract ends on 4 July 2027.");
  }

  @Test
  void noSuchContractOrDecisionIsExitOne(@TempDir Path dir) {
    Path out = dir.resolve("r.docx");
    CommandRun contract = report("--contract", "NOPE", "--type", "award", "--out", out.toString());
    assertThat(contract.code()).isEqualTo(1);
    assertThat(contract.err()).contains("No contract NOPE");
    CommandRun decision =
        report("--contract", CODE, "--type", "award", "--decision", "9", "--out", out.toString());
    assertThat(decision.code()).isEqualTo(1);
    assertThat(decision.err()).contains("No decision 9 on " + CODE);
    assertThat(out).doesNotExist();
  }

  @Test
  void badOptionsAreExitTwoBeforeAnythingIsRead(@TempDir Path dir) {
    Path out = dir.resolve("r.docx");
    CommandRun bad =
        CommandRun.of(
            "report",
            "--contract",
            CODE,
            "--type",
            "renewal",
            "--as-of",
            "24/11/2026",
            "--out",
            dir.resolve("r.odt").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().lines())
        .containsExactly(
            "--type must be one of: award, extension, exit (not renewal)",
            "--as-of must be a date like 2026-11-24 (not 24/11/2026)",
            "--out must end in .docx or .pdf (not r.odt)");
    CommandRun both =
        CommandRun.of(
            "report",
            "--contract",
            CODE,
            "--type",
            "award",
            "--decision",
            "one",
            "--as-of",
            "2026-11-24",
            "--out",
            out.toString());
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err().lines())
        .containsExactly(
            "--decision must be a decision's number, 1 or more (not one)",
            "--as-of is for a draft: a decision's report uses the figures frozen with it");
    CommandRun nowhere =
        CommandRun.of(
            "report",
            "--contract",
            CODE,
            "--type",
            "award",
            "--out",
            dir.resolve("missing").resolve("r.pdf").toString());
    assertThat(nowhere.code()).isEqualTo(1);
    assertThat(nowhere.err()).contains("does not exist");
    assertThat(CommandRun.of("report", "--type", "award").code()).isEqualTo(2);
    assertThat(out).doesNotExist();
  }

  private static List<String> cells(XWPFTableRow row) {
    return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
  }

  /** A cell's text without the note marker ("£81,900.00 [a]"): the note is checked elsewhere. */
  private static List<String> withoutNotes(List<String> row) {
    return row.stream().map(c -> c.replaceAll("( \\[[a-z]+\\])+$", "")).toList();
  }
}
