package org.safeload.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.safeload.report.ValueKind;

/** Charts are drawn headless, in the shipped font, at three pixels a point. */
class ChartPainterTest {

  private static BufferedImage image(byte[] png) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static int count(BufferedImage image, int x0, int y0, int x1, int y1, int rgb) {
    int n = 0;
    for (int x = x0; x < x1; x++) {
      for (int y = y0; y < y1; y++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  private static int dark(BufferedImage image, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int x = x0; x < x1; x++) {
      for (int y = y0; y < y1; y++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) < 90 && ((rgb >> 8) & 0xff) < 90 && (rgb & 0xff) < 90) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void aLineChartHasItsSeriesItsReferenceLineAndItsLabels() throws Exception {
    BufferedImage image = image(ChartPainter.png(SampleReport.cumulativeSpend()));
    assertThat(image.getWidth()).isEqualTo(ChartPainter.WIDTH * ChartPainter.SCALE);
    assertThat(image.getHeight()).isEqualTo(ChartPainter.HEIGHT * ChartPainter.SCALE);
    int w = image.getWidth();
    int h = image.getHeight();
    assertThat(count(image, 0, 0, w, h, 0x1d70b8)).as("the series in blue").isGreaterThan(1000);
    assertThat(count(image, 0, 0, w, h, 0xd4351c)).as("the ceiling in red").isGreaterThan(1000);
    // Text was drawn: the tick labels left of the plot and the month labels under it.
    int left = 84 * ChartPainter.SCALE;
    int bottom = (ChartPainter.HEIGHT - 80) * ChartPainter.SCALE;
    assertThat(dark(image, 40, 0, left - 10, bottom)).as("value labels").isGreaterThan(500);
    assertThat(dark(image, left, bottom + 10, w, bottom + 60))
        .as("month labels")
        .isGreaterThan(500);
  }

  @Test
  void aBarChartIsDrawnToo() throws Exception {
    BufferedImage image = image(ChartPainter.png(SampleReport.caseload()));
    assertThat(count(image, 0, 0, image.getWidth(), image.getHeight(), 0x1d70b8))
        .as("two bars")
        .isGreaterThan(20_000);
  }

  @Test
  void ticksAreRoundAndMoneyTicksAreWholePounds() {
    // Range 250,519.75 / 5 = 50,103.95: 1, 2 and 5 × 10,000 are smaller, so 100,000.
    assertThat(ChartPainter.step(new BigDecimal("250519.75"))).isEqualByComparingTo("100000");
    // Range 24.5 / 5 = 4.9: 5.
    assertThat(ChartPainter.step(new BigDecimal("24.5"))).isEqualByComparingTo("5");
    assertThat(ChartPainter.roundAway(new BigDecimal("250519.75"), new BigDecimal("100000")))
        .isEqualByComparingTo("300000");
    assertThat(ChartPainter.roundAway(new BigDecimal("-12"), new BigDecimal("5")))
        .isEqualByComparingTo("-15");
    assertThat(
            ChartPainter.tick(ValueKind.MONEY, new BigDecimal("200000"), new BigDecimal("100000")))
        .isEqualTo("£200,000");
    assertThat(ChartPainter.tick(ValueKind.MONEY, new BigDecimal("-50"), new BigDecimal("50")))
        .isEqualTo("\u2212£50");
    assertThat(ChartPainter.tick(ValueKind.MONEY, new BigDecimal("0.5"), new BigDecimal("0.5")))
        .isEqualTo("£0.50");
    assertThat(ChartPainter.tick(ValueKind.NUMBER, new BigDecimal("17.5"), new BigDecimal("2.5")))
        .isEqualTo("17.5");
  }
}
