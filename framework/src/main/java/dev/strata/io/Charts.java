package dev.strata.io;

import dev.strata.spi.StrataException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts drawn with XChart, headless, written atomically. */
public final class Charts {
    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    private Charts() {
    }

    /**
     * The cost against the iteration it was recorded at, as the notebooks plot it. Non-finite costs
     * (a diverged run) are left out: XChart refuses them, and the finite part is still worth seeing.
     */
    public static void costCurve(List<Integer> iterations, List<Double> costs, String title, Path png)
            throws IOException {
        costCurve(iterations, costs, title, "iteration", png);
    }

    /** The cost curve against {@code xLabel} steps ({@code "iteration"} or {@code "epoch"}). */
    public static void costCurve(List<Integer> iterations, List<Double> costs, String title, String xLabel, Path png)
            throws IOException {
        requireSameSize(iterations.size(), costs.size(), "iterations", "costs");
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        keepFinite(iterations.stream().map(Integer::doubleValue).toList(), costs, x, y);
        XYChart chart = chart(title, xLabel, "cost");
        XYSeries series = chart.addSeries("cost", x, y);
        series.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setLegendVisible(false);
        save(chart, png);
    }

    /**
     * The training cost and, when there is validation data, the validation cost (same axis) and a
     * validation metric (right-hand axis), against {@code xLabel} steps.
     *
     * @param validationX {@code null} without validation data
     */
    public static void trainingCurves(String title, String xLabel, List<Integer> trainX, List<Double> trainCost,
            List<Integer> validationX, List<Double> validationCost, String metricName, List<Double> metric, Path png)
            throws IOException {
        if (validationX == null) {
            costCurve(trainX, trainCost, title, xLabel, png);
            return;
        }
        XYChart chart = chart(title, xLabel, "cost");
        addLine(chart, "training cost", trainX, trainCost, 0);
        addLine(chart, "validation cost", validationX, validationCost, 0);
        addLine(chart, "validation " + metricName + " (right axis)", validationX, metric, 1);
        chart.setYAxisGroupTitle(1, metricName);
        chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        save(chart, png);
    }

    private static void addLine(XYChart chart, String name, List<Integer> xs, List<Double> ys, int axis) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        keepFinite(xs.stream().map(Integer::doubleValue).toList(), ys, x, y);
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setYAxisGroup(axis);
    }

    /** Each trial's objective in trial order (points) and the best so far (a line): a search's history. */
    public static void history(String title, String metric, List<Double> values, List<Double> bestSoFar, Path png)
            throws IOException {
        List<Integer> trials = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            trials.add(i + 1);
        }
        XYChart chart = chart(title, "trial", metric);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        keepFinite(trials.stream().map(Integer::doubleValue).toList(), values, x, y);
        XYSeries points = chart.addSeries(metric, x, y);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        addLine(chart, "best so far", trials, bestSoFar, 0);
        save(chart, png);
    }

    /** A confusion matrix as a heat map: rows actual, columns predicted, each cell its count. */
    public static void confusion(String title, List<String> classes, long[][] counts, Path png) throws IOException {
        Headless.ensure();
        byte[] bytes;
        try {
            org.knowm.xchart.HeatMapChart chart = new org.knowm.xchart.HeatMapChartBuilder().width(WIDTH)
                    .height(HEIGHT).title(title).xAxisTitle("predicted").yAxisTitle("actual").build();
            chart.getStyler().setShowValue(true);
            chart.getStyler().setLegendVisible(false);
            List<Number[]> cells = new ArrayList<>();
            for (int r = 0; r < counts.length; r++) {
                for (int c = 0; c < counts[r].length; c++) {
                    // rows drawn from the bottom: the first class on top, as a printed matrix
                    cells.add(new Number[] {c, counts.length - 1 - r, counts[r][c]});
                }
            }
            List<String> reversed = new ArrayList<>(classes);
            java.util.Collections.reverse(reversed);
            chart.addSeries("counts", classes, reversed, cells);
            bytes = Png.encode(BitmapEncoder.getBufferedImage(chart));
        } catch (RuntimeException | Error e) {
            throw Headless.translate(e);
        }
        AtomicFiles.writeBytes(png, bytes);
    }

    /**
     * Points {@code (x[i], y[i])}, e.g. a sweep's test accuracy per learning rate. A categorical x
     * (optimizer names) is passed as indices 0, 1, ... and named in {@code xLabel}. Points with a
     * non-finite coordinate are left out.
     */
    public static void scatter(String title, String xLabel, String yLabel, List<Double> x, List<Double> y, Path png)
            throws IOException {
        requireSameSize(x.size(), y.size(), "x", "y");
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        keepFinite(x, y, xs, ys);
        XYChart chart = chart(title, xLabel, yLabel);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(yLabel, xs, ys);
        save(chart, png);
    }

    private static void keepFinite(List<Double> x, List<Double> y, List<Double> xOut, List<Double> yOut) {
        for (int i = 0; i < x.size(); i++) {
            Double xi = x.get(i);
            Double yi = y.get(i);
            if (xi != null && yi != null && Double.isFinite(xi) && Double.isFinite(yi)) {
                xOut.add(xi);
                yOut.add(yi);
            }
        }
        if (xOut.isEmpty()) {
            // XChart draws an empty frame for an empty series; a lone NaN point keeps the axes.
            xOut.add(0.0);
            yOut.add(Double.NaN);
        }
    }

    private static XYChart chart(String title, String xLabel, String yLabel) {
        Headless.ensure();
        try {
            return new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                    .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        } catch (RuntimeException | Error e) {
            throw Headless.translate(e);
        }
    }

    private static void save(XYChart chart, Path png) throws IOException {
        byte[] bytes;
        try {
            bytes = Png.encode(BitmapEncoder.getBufferedImage(chart));
        } catch (RuntimeException | Error e) {
            throw Headless.translate(e);
        }
        AtomicFiles.writeBytes(png, bytes);
    }

    private static void requireSameSize(int a, int b, String aName, String bName) {
        if (a != b) {
            throw new IllegalArgumentException(a + " " + aName + " but " + b + " " + bName);
        }
        if (a == 0) {
            throw new IllegalArgumentException("nothing to plot: no " + aName);
        }
    }

    /** AWT set-up shared by everything here that draws. */
    static final class Headless {
        private Headless() {
        }

        /** Drawing needs no display; a server or CI machine has none. */
        static void ensure() {
            if (System.getProperty("java.awt.headless") == null) {
                System.setProperty("java.awt.headless", "true");
            }
        }

        /**
         * AWT reports a machine without fontconfig or fonts with errors such as "Fontconfig head is
         * null", an UnsatisfiedLinkError for libfontmanager or a NullPointerException deep in
         * sun.font; say what to install instead. Anything else is rethrown as it is.
         */
        static RuntimeException translate(Throwable e) {
            if (isFontProblem(e)) {
                return fontFailure(e);
            }
            if (e instanceof RuntimeException r) {
                return r;
            }
            throw (Error) e;
        }

        static boolean isFontProblem(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (message.contains("font") || message.contains("freetype")) {
                    return true;
                }
                for (StackTraceElement frame : t.getStackTrace()) {
                    String cls = frame.getClassName();
                    if (cls.startsWith("sun.font.") || cls.startsWith("sun.awt.FontConfiguration")
                            || cls.equals("java.awt.Font")) {
                        return true;
                    }
                }
            }
            return false;
        }

        static StrataException fontFailure(Throwable e) {
            return new StrataException("could not draw a chart: Java found no usable fonts (" + e
                    + "); install fontconfig and a font, e.g. on Debian/Ubuntu 'apt-get install fontconfig fonts-dejavu-core'",
                    1, e);
        }
    }
}
