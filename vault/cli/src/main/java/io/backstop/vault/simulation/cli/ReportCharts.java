package io.backstop.vault.simulation.cli;

import io.backstop.vault.simulation.PathSummary;
import io.backstop.vault.simulation.SimulationReport;
import io.backstop.vault.simulation.SimulationReport.BufferQuantiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The run's charts as PNG files, drawn with JFreeChart: LP returns, the buffer fan (with the alternative set-up's
 * when comparing), the tail of the loss beyond LP capital. Money axes name their currency, probabilities read as
 * plain numbers (0.01, not 10^-2), and every figure quoted is formatted as a person reads it.
 */
final class ReportCharts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    private static final int BINS = 60;
    private static final Color BLUE = new Color(31, 119, 180);
    private static final Color ORANGE = new Color(245, 133, 24);
    private static final Color RED = new Color(214, 39, 40);
    private static final Color GREY = new Color(90, 90, 90);
    private static final DecimalFormat MONEY = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(
            Locale.ROOT));
    private static final DecimalFormat PROBABILITY = new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(
            Locale.ROOT));

    private ReportCharts() {
    }

    /**
     * Writes {@code lp-return.png}, {@code buffer-fan.png} and {@code loss-tail.png} into a folder.
     *
     * @param alternative the alternative set-up's report when comparing, drawn beside the base in the fan; or null
     * @param currency    the currency money is in
     * @param target      the target probability of a socialised loss the buffer is sized for
     */
    static void write(Path folder, PathSummary[] summaries, SimulationReport report, SimulationReport alternative,
            String currency, double target) throws IOException {
        save(lpReturns(summaries, report), folder.resolve("lp-return.png"));
        save(bufferFan(report, alternative, currency), folder.resolve("buffer-fan.png"));
        save(lossTail(summaries, report, currency, target), folder.resolve("loss-tail.png"));
    }

    /**
     * The LP return's histogram over the bulk of the paths: from the 0.5th to the 99.5th percentile (widened to
     * take in zero), so that a few extreme paths do not squeeze the rest into a corner; the paths beyond are
     * counted in the subtitle. A return below −100% is a path whose NAV ended negative: the options' liability
     * exceeded the LPs' capital before a settlement socialised it.
     */
    private static JFreeChart lpReturns(PathSummary[] summaries, SimulationReport report) {
        double[] returns = Arrays.stream(summaries).mapToDouble(s -> 100 * s.lpReturn()).sorted().toArray();
        double low = Math.min(0, quantile(returns, 0.005));
        double high = Math.max(0, quantile(returns, 0.995));
        if (high <= low) {
            high = low + 1;
        }
        double lo = low;
        double hi = high;
        double[] bulk = Arrays.stream(returns).filter(r -> r >= lo && r <= hi).toArray();
        long below = Arrays.stream(returns).filter(r -> r < lo).count();
        long above = Arrays.stream(returns).filter(r -> r > hi).count();
        long underWater = Arrays.stream(returns).filter(r -> r < -100).count();
        HistogramDataset data = new HistogramDataset();
        data.addSeries("paths", bulk, BINS, lo, hi);
        JFreeChart chart = ChartFactory.createHistogram("LP return over the horizon", "return (%)",
                "paths", data, PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        style(plot);
        XYBarRenderer bars = (XYBarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BLUE);
        mark(plot, 100 * report.lpReturn().mean(), "mean", GREY, false);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "%,d paths · mean %.2f%% · p01 %.2f%% · p99 "
                + "%.2f%%", report.paths(), 100 * report.lpReturn().mean(), 100 * report.lpReturn().p01(),
                100 * report.lpReturn().p99())));
        if (below + above > 0) {
            chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "shown: %.1f%% to %.1f%%; beyond: %,d paths "
                    + "below (lowest %.1f%%), %,d above (highest %.1f%%)%s", lo, hi, below, returns[0], above,
                    returns[returns.length - 1], underWater == 0 ? ""
                            : String.format(Locale.ROOT, "; %,d below −100%%: NAV ended negative, the options' "
                                    + "liability above LP capital before settlement", underWater)),
                    new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        }
        return chart;
    }

    /**
     * The buffer's balance over the horizon: the 5–95% and 25–75% bands of the paths and the median, from zero on a
     * currency axis; when comparing, the alternative set-up's median and 5–95% band in another colour.
     */
    private static JFreeChart bufferFan(SimulationReport report, SimulationReport alternative, String currency) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        addFan(data, report, "current");
        if (alternative != null) {
            addFan(data, alternative, "alternative");
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Insurance buffer over time", "day",
                "buffer balance (" + currency + ")", data, PlotOrientation.VERTICAL, true, false, false);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        int sets = alternative == null ? 1 : 2;
        for (int set = 0; set < sets; set++) {
            Color color = set == 0 ? BLUE : ORANGE;
            for (int band = 0; band < 3; band++) {
                int i = 3 * set + band;
                renderer.setSeriesPaint(i, color);
                renderer.setSeriesFillPaint(i, color);
                renderer.setSeriesStroke(i, new BasicStroke(band == 2 ? 2.2f : 0f));
            }
        }
        renderer.setAlpha(alternative == null ? 0.25f : 0.18f);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        style(plot);
        NumberAxis money = (NumberAxis) plot.getRangeAxis();
        money.setAutoRangeIncludesZero(true);
        money.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        // DeviationRenderer draws every series' legend as a line: a band is shown as the fill it draws.
        LegendItemCollection legend = new LegendItemCollection();
        for (int set = 0; set < sets; set++) {
            Color color = set == 0 ? BLUE : ORANGE;
            String name = sets == 1 ? "" : (set == 0 ? "current: " : "alternative: ");
            legend.add(band(name + "5–95% of paths", color, 50));
            legend.add(band(name + "25–75%", color, 120));
            legend.add(new LegendItem(name + "median", null, null, null, new java.awt.geom.Line2D.Double(0, 0, 14, 0),
                    new BasicStroke(2.2f), color));
        }
        plot.setFixedLegendItems(legend);
        String recommended = MONEY.format(report.recommendedBuffer()) + " " + currency
                + (alternative == null ? "" : " (alternative " + MONEY.format(alternative.recommendedBuffer()) + " "
                        + currency + ")");
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "P(buffer drawn) %s · P(buffer empty) %s · "
                + "recommended starting buffer %s", PROBABILITY.format(report.bufferDrawProbability().value()),
                PROBABILITY.format(report.bufferExhaustedProbability().value()), recommended)));
        return chart;
    }

    private static void addFan(YIntervalSeriesCollection data, SimulationReport report, String name) {
        YIntervalSeries outer = new YIntervalSeries(name + " 5–95%");
        YIntervalSeries inner = new YIntervalSeries(name + " 25–75%");
        YIntervalSeries median = new YIntervalSeries(name + " median");
        for (BufferQuantiles q : report.bufferOverTime()) {
            outer.add(q.day(), q.p50(), q.p05(), q.p95());
            inner.add(q.day(), q.p50(), q.p25(), q.p75());
            median.add(q.day(), q.p50(), q.p50(), q.p50());
        }
        data.addSeries(outer);
        data.addSeries(inner);
        data.addSeries(median);
    }

    private static LegendItem band(String label, Color color, int alpha) {
        return new LegendItem(label, null, null, null, new Rectangle(0, 0, 14, 10),
                new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha), new BasicStroke(0.5f), color);
    }

    /**
     * P(loss beyond LP capital ≥ x) against x, a step from zero, on a log scale in decades read as plain
     * probabilities: the tail the buffer is sized for, with VaR and CVaR at 99% and 99.9% and the target drawn.
     */
    private static JFreeChart lossTail(PathSummary[] summaries, SimulationReport report, String currency,
            double target) {
        double[] losses = Arrays.stream(summaries).mapToDouble(PathSummary::lossBeyondLp).filter(l -> l > 0)
                .sorted().toArray();
        int n = summaries.length;
        XYSeries exceedance = new XYSeries("P(loss ≥ x)");
        if (losses.length > 0) {
            exceedance.add(0, losses.length / (double) n);
            for (int i = 0; i < losses.length; i++) {
                if (i == losses.length - 1 || losses[i + 1] > losses[i]) {
                    int atOrAbove = losses.length - i;
                    exceedance.add(losses[i], atOrAbove / (double) n);
                }
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Loss beyond LP capital: tail",
                "loss x (" + currency + ")", "probability of a loss at or above x",
                new XYSeriesCollection(exceedance), PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setStepPoint(1.0);
        renderer.setSeriesPaint(0, RED);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setDefaultShapesVisible(true);
        plot.setRenderer(renderer);
        style(plot);
        plot.setNoDataMessage("no path lost more than LP capital");
        NumberAxis money = (NumberAxis) plot.getDomainAxis();
        money.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        SimulationReport.TailRisk t = report.lossBeyondLp();
        if (losses.length > 0) {
            double floor = Math.pow(10, Math.floor(Math.log10(Math.min(0.5 / n, target / 2))));
            LogAxis axis = new LogAxis("probability of a loss at or above x");
            axis.setBase(10);
            axis.setTickUnit(new NumberTickUnit(1));
            axis.setNumberFormatOverride(PROBABILITY);
            axis.setRange(floor, 1);
            plot.setRangeAxis(axis);
            money.setRange(0, Math.max(losses[losses.length - 1], t.cvar999()) * 1.08);
            markProbability(plot, 0.01, "1% (VaR 99)" + (target == 0.01 ? ", the target" : ""));
            markProbability(plot, 0.001, "0.1% (VaR 99.9)" + (target == 0.001 ? ", the target" : ""));
            if (target != 0.01 && target != 0.001) {
                markProbability(plot, target, "target " + PROBABILITY.format(target));
            }
            // A VaR of zero (fewer paths in the tail than its level) sits on the axis: the subtitle says it.
            if (t.var99() > 0) {
                mark(plot, t.var99(), "VaR 99", GREY, true);
            }
            mark(plot, t.cvar99(), "CVaR 99", BLUE, true);
            if (t.var999() > 0) {
                mark(plot, t.var999(), "VaR 99.9", GREY, false);
            }
            mark(plot, t.cvar999(), "CVaR 99.9", ORANGE, false);
        }
        chart.addSubtitle(new TextTitle(losses.length == 0 ? "no path lost more than LP capital"
                : String.format(Locale.ROOT, "%,d of %,d paths · VaR 99 %s · CVaR 99 %s · VaR 99.9 %s · "
                        + "CVaR 99.9 %s (%s)", losses.length, n, MONEY.format(t.var99()), MONEY.format(t.cvar99()),
                        MONEY.format(t.var999()), MONEY.format(t.cvar999()), currency)));
        return chart;
    }

    private static void markProbability(XYPlot plot, double p, String label) {
        ValueMarker marker = new ValueMarker(p, GREY, new BasicStroke(0.8f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1, new float[] {4, 4}, 0));
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(marker);
    }

    private static void mark(XYPlot plot, double x, String label, Color color, boolean top) {
        ValueMarker marker = new ValueMarker(x, color, new BasicStroke(1.2f));
        marker.setLabel(label);
        marker.setLabelPaint(color);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        marker.setLabelAnchor(top ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(top ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
        plot.addDomainMarker(marker);
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    }

    /** The q-quantile of sorted values, by the nearest rank. */
    private static double quantile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
