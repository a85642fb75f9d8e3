package io.backstop.vault.simulation.cli;

import io.backstop.vault.simulation.PathSummary;
import io.backstop.vault.simulation.SimulationReport;
import io.backstop.vault.simulation.SimulationReport.BufferQuantiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The run's charts as PNG files, drawn with JFreeChart: LP returns, the buffer fan, the tail of the loss beyond LP. */
final class ReportCharts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    private static final int BINS = 60;

    private ReportCharts() {
    }

    /** Writes {@code lp-return.png}, {@code buffer-fan.png} and {@code loss-tail.png} into a folder. */
    static void write(Path folder, PathSummary[] summaries, SimulationReport report) throws IOException {
        save(lpReturns(summaries, report), folder.resolve("lp-return.png"));
        save(bufferFan(report), folder.resolve("buffer-fan.png"));
        save(lossTail(summaries, report), folder.resolve("loss-tail.png"));
    }

    private static JFreeChart lpReturns(PathSummary[] summaries, SimulationReport report) {
        HistogramDataset data = new HistogramDataset();
        double[] returns = Arrays.stream(summaries).mapToDouble(s -> 100 * s.lpReturn()).toArray();
        data.addSeries("paths", returns, BINS);
        JFreeChart chart = ChartFactory.createHistogram("LP return over the horizon", "return (%)", "paths", data,
                PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYBarRenderer bars = (XYBarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setSeriesPaint(0, new Color(31, 119, 180));
        chart.addSubtitle(new TextTitle(String.format("%,d paths · mean %.2f%% · p01 %.2f%% · p99 %.2f%%",
                report.paths(), 100 * report.lpReturn().mean(), 100 * report.lpReturn().p01(),
                100 * report.lpReturn().p99())));
        return chart;
    }

    private static JFreeChart bufferFan(SimulationReport report) {
        YIntervalSeries outer = new YIntervalSeries("5–95%");
        YIntervalSeries inner = new YIntervalSeries("25–75%");
        YIntervalSeries median = new YIntervalSeries("median");
        for (BufferQuantiles q : report.bufferOverTime()) {
            outer.add(q.day(), q.p50(), q.p05(), q.p95());
            inner.add(q.day(), q.p50(), q.p25(), q.p75());
            median.add(q.day(), q.p50(), q.p50(), q.p50());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(outer);
        data.addSeries(inner);
        data.addSeries(median);
        JFreeChart chart = ChartFactory.createXYLineChart("Insurance buffer over time", "day", "buffer balance",
                data, PlotOrientation.VERTICAL, true, false, false);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        Color blue = new Color(31, 119, 180);
        for (int i = 0; i < 3; i++) {
            renderer.setSeriesPaint(i, blue);
            renderer.setSeriesFillPaint(i, blue);
            renderer.setSeriesStroke(i, new BasicStroke(i == 2 ? 2f : 0.5f));
        }
        renderer.setAlpha(0.25f);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        chart.addSubtitle(new TextTitle(String.format("P(buffer drawn) %.4f · P(buffer empty) %.4f · recommended"
                + " starting buffer %s", report.bufferDrawProbability().value(),
                report.bufferExhaustedProbability().value(), report.recommendedBuffer().toPlainString())));
        return chart;
    }

    /** P(loss beyond LP capital ≥ x) against x, on a log scale: the tail the buffer is sized for. */
    private static JFreeChart lossTail(PathSummary[] summaries, SimulationReport report) {
        double[] losses = Arrays.stream(summaries).mapToDouble(PathSummary::lossBeyondLp).filter(l -> l > 0)
                .sorted().toArray();
        XYSeries exceedance = new XYSeries("P(loss ≥ x)");
        int n = summaries.length;
        for (int i = 0; i < losses.length; i++) {
            if (i == 0 || losses[i] > losses[i - 1]) {
                exceedance.add(losses[i], (losses.length - i) / (double) n);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(exceedance);
        JFreeChart chart = ChartFactory.createXYLineChart("Loss beyond LP capital: tail", "loss x (currency)",
                "probability of a loss at or above x", data, PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, new Color(214, 39, 40));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        if (losses.length > 0) {
            LogAxis axis = new LogAxis("probability of a loss at or above x");
            axis.setSmallestValue(0.5 / n);
            plot.setRangeAxis(axis);
        }
        SimulationReport.TailRisk t = report.lossBeyondLp();
        chart.addSubtitle(new TextTitle(losses.length == 0
                ? "no path lost more than LP capital"
                : String.format("%d of %,d paths · VaR99 %,.0f · CVaR99 %,.0f · VaR99.9 %,.0f · CVaR99.9 %,.0f",
                        losses.length, n, t.var99(), t.cvar99(), t.var999(), t.cvar999())));
        return chart;
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
