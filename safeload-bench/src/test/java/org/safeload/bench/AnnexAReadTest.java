package org.safeload.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Annex A reader on a generated workbook of 2,000 children, in a JVM of its own with a 512 MB
 * heap (the benchmark's limit), through the bench's {@code annex-a --workbook} command: it reads
 * every row of Lists 3 to 8 with no problem and finds the cases the generator made, counted by the
 * generator as it wrote the children's stories.
 */
class AnnexAReadTest {

  @Test
  void twoThousandChildrenReadInHalfAGigabyteFindTheGeneratorsCases(@TempDir Path dir)
      throws Exception {
    Path workbook = dir.resolve("annex-a.xlsx");
    AnnexAWorkbook.Counts written = AnnexAWorkbook.write(workbook, 2_000, 11);
    // A sixth of the large council: 1,000 referrals, each a case, and the children open before
    // the six months (about 485 at this scale), one case each.
    assertThat(written.referrals()).isEqualTo(1_000);
    assertThat(written.cases()).isBetween(1_400, 1_600);

    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            BenchMain.class.getName(),
            "annex-a",
            "--workbook",
            workbook.toString(),
            "--repeat",
            "0");
    Path out = dir.resolve("out.txt");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("finished").isTrue();
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("heap limit 512 MB");

    Map<String, String> result = new HashMap<>();
    for (String line : output.lines().toList()) {
      if (line.startsWith("RESULT ")) {
        String[] w = line.split(" ", 3);
        result.merge(w[1], w[2], (a, b) -> a + "\n" + b);
      }
    }
    assertThat(result.get("problems")).isEqualTo("0 false");
    assertThat(Long.parseLong(result.get("cases"))).isEqualTo(written.cases());
    // Every row of Lists 3 to 8 read as a record; every list's rows counted.
    String[] rows = result.get("rows").split(" ");
    assertThat(Integer.parseInt(rows[0])).isEqualTo(written.mappedRows());
    assertThat(Integer.parseInt(rows[1])).isEqualTo(written.mappedRows());
    assertThat(Integer.parseInt(rows[2])).isEqualTo(written.allRows());
    for (int l = 1; l <= 11; l++) {
      assertThat(result.get("list").lines().toList())
          .contains("List_" + l + " " + written.rows().get("List " + l));
    }
    assertThat(Integer.parseInt(result.get("events"))).isGreaterThan(written.mappedRows());
  }
}
