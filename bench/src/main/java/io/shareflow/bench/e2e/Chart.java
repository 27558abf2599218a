package io.shareflow.bench.e2e;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The PNG of a run: above, throughput (accepted 202/s and shares ACTIVE/s) and the API's p99 against the offered
 * rate of each open-loop load; below, the sustained run's 202 → ACTIVE p99 per second of creation.
 */
final class Chart {

    /** One open-loop load: offered and achieved rates, and the API's p99. */
    record RatePoint(double offered, double acceptedPerSecond, double activePerSecond, double apiP99Millis) {
    }

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 1000;

    private Chart() {
    }

    static void write(Path png, List<RatePoint> rates, List<ActivationSummary.SecondPoint> sustained, String title)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        throughput(rates, title).draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT / 2.0));
        activation(sustained).draw(g, new Rectangle2D.Double(0, HEIGHT / 2.0, WIDTH, HEIGHT / 2.0));
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(png)) {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        }
    }

    private static JFreeChart throughput(List<RatePoint> points, String title) {
        XYSeries accepted = new XYSeries("accepted, 202/s", true);
        XYSeries active = new XYSeries("ACTIVE/s (whole pipeline)", true);
        XYSeries p99 = new XYSeries("API p99, ms (right axis)", true);
        for (RatePoint p : points) {
            accepted.add(p.offered(), p.acceptedPerSecond());
            if (!Double.isNaN(p.activePerSecond())) {
                active.add(p.offered(), p.activePerSecond());
            }
            p99.add(p.offered(), p.apiP99Millis());
        }
        XYSeriesCollection rates = new XYSeriesCollection();
        rates.addSeries(accepted);
        rates.addSeries(active);
        XYPlot plot = new XYPlot(rates, new NumberAxis("offered, shares/s (open loop)"),
                new NumberAxis("shares/s"), renderer(new Color(0x1f77b4), new Color(0x2ca02c)));
        plot.setDataset(1, new XYSeriesCollection(p99));
        NumberAxis millis = new NumberAxis("API p99, ms");
        plot.setRangeAxis(1, millis);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, renderer(new Color(0xd62728)));
        styled(plot);
        return new JFreeChart(title + " — throughput and API p99 against offered rate", JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
    }

    private static JFreeChart activation(List<ActivationSummary.SecondPoint> points) {
        XYSeries p99 = new XYSeries("p99 createdAt → ACTIVE of the shares created in that second, ms");
        for (ActivationSummary.SecondPoint p : points) {
            p99.add(p.second(), p.p99Millis());
        }
        XYPlot plot = new XYPlot(new XYSeriesCollection(p99), new NumberAxis("second of the sustained open-loop run"),
                new NumberAxis("ms"), renderer(new Color(0x9467bd)));
        styled(plot);
        return new JFreeChart("202 → ACTIVE p99 over time (sustained run)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static XYLineAndShapeRenderer renderer(Color... colors) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < colors.length; i++) {
            renderer.setSeriesPaint(i, colors[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        return renderer;
    }

    private static void styled(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
}
