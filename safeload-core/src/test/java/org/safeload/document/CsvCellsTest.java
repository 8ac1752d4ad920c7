package org.safeload.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

  @Test
  void aValueASpreadsheetWouldRunIsWrittenAsText() {
    assertThat(CsvCells.cell("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
    assertThat(CsvCells.cell("+44 20")).isEqualTo("'+44 20");
    assertThat(CsvCells.cell("-1+1")).isEqualTo("'-1+1");
    assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.cell("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvCells.cell("T1")).isEqualTo("T1");
    assertThat(CsvCells.cell("a=b")).isEqualTo("a=b");
    assertThat(CsvCells.cell("")).isEmpty();
    assertThat(CsvCells.cell(null)).isEmpty();
  }

  @Test
  void everyCellReadsBackAsItsValueOrItsValueAfterAnApostrophe() throws Exception {
    List<String> values =
        List.of("plain", "with, comma", "with \"quotes\"", "two\nlines", "=1+2", "-=\"x\",y", "é");
    StringBuilder line = new StringBuilder();
    for (String v : values) {
      line.append(line.isEmpty() ? "" : ",").append(CsvCells.cell(v));
    }
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(line + "\r\n")).getRecords();
    assertThat(records).hasSize(1);
    List<String> read = new ArrayList<>(records.get(0).toList());
    assertThat(read)
        .containsExactly(
            "plain", "with, comma", "with \"quotes\"", "two\nlines", "'=1+2", "'-=\"x\",y", "é");
  }
}
