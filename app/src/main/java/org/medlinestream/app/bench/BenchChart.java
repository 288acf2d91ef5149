package org.medlinestream.app.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A horizontal bar chart of records/s per stage (PNG, plain Java2D), the raw broker's as a dashed
 * line, each bar labelled with its records/s and its ratio to the broker.
 */
final class BenchChart {
  private static final int WIDTH = 960;
  private static final int BAR = 28;
  private static final int GAP = 14;
  private static final int TOP = 70;
  private static final int LEFT = 150;
  private static final int RIGHT = 230;
  private static final Color BROKER = new Color(0x7f8c8d);
  private static final Color STAGE = new Color(0x2e86c1);
  private static final Color PIPELINE = new Color(0xd35400);

  private BenchChart() {}

  static void write(BenchReport report, Path file) throws IOException {
    List<StageResult> stages = report.stages();
    int height = TOP + stages.size() * (BAR + GAP) + 50;
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, height);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
      g.drawString("medline-stream bench: records/s per stage (ratio to the raw broker)", 20, 30);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      StageResult first = stages.get(0);
      g.drawString(String.format(Locale.ROOT, "%,d citations; bars: records per second", first
          .records()), 20, 50);
      double max = stages.stream().mapToDouble(StageResult::recordsPerSecond).max().orElse(1);
      int plotWidth = WIDTH - LEFT - RIGHT;
      for (int i = 0; i < stages.size(); i++) {
        StageResult stage = stages.get(i);
        int y = TOP + i * (BAR + GAP);
        int length = (int) Math.max(1, Math.round(stage.recordsPerSecond() / max * plotWidth));
        g.setColor(stage.name().startsWith("broker") ? BROKER
            : stage.name().equals("pipeline") ? PIPELINE : STAGE);
        g.fillRect(LEFT, y, length, BAR);
        g.setColor(Color.BLACK);
        g.drawString(stage.name(), 20, y + BAR / 2 + 5);
        String ratio = report.ratio(stage)
            .map(r -> String.format(Locale.ROOT, " (x%.2f)", r)).orElse("");
        g.drawString(String.format(Locale.ROOT, "%,.0f/s%s", stage.recordsPerSecond(), ratio),
            LEFT + length + 8, y + BAR / 2 + 5);
      }
      report.brokerRecordsPerSecond().ifPresent(broker -> {
        int x = LEFT + (int) Math.round(broker / max * plotWidth);
        g.setColor(BROKER);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
            new float[] {6, 4}, 0));
        g.drawLine(x, TOP - 6, x, height - 40);
        g.drawString("raw broker", x + 4, height - 26);
      });
    } finally {
      g.dispose();
    }
    ImageIO.write(image, "png", file.toFile());
  }
}
