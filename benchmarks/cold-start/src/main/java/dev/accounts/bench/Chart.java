package dev.accounts.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * The report's picture: above, every cold start of each function beside the do-nothing floor, the SDK
 * baseline and the lean SDK floor; below, each function's first call after the restore stand-in beside the
 * primed floor's first call (under "floor"; the SDK baselines are not restored). Boxes and whiskers, so the
 * spread shows with the median.
 */
final class Chart {
    private static final String COLD = "cold start";
    private static final String RESTORED = "first call after restore";

    private Chart() {
    }

    static void write(Report report, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultBoxAndWhiskerCategoryDataset cold = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultBoxAndWhiskerCategoryDataset restored = new DefaultBoxAndWhiskerCategoryDataset();
        // Both panels get every category in the same order: a subplot places its dataset's columns by index.
        for (Subject subject : report.coldSubjects()) {
            cold.add(report.coldStarts(subject), COLD, category(subject));
            List<Double> firstCalls = subject.role() == Subject.Role.FLOOR
                    ? report.primedFloor().map(report::restoredFirstCalls).orElse(List.of())
                    : report.restoredFirstCalls(subject);
            if (firstCalls.isEmpty()) {
                restored.add(new BoxAndWhiskerItem(null, null, null, null, null, null, null, null, List.of()),
                        RESTORED, category(subject));
            } else {
                restored.add(firstCalls, RESTORED, category(subject));
            }
        }
        CategoryAxis categories = new CategoryAxis();
        categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(categories);
        plot.add(panel(cold, "cold start (ms)", new Color(0x3366aa)), 3);
        plot.add(panel(restored, "first call after restore (ms)", new Color(0xcc6633)), 2);
        JFreeChart chart = new JFreeChart("Cold starts and restored first calls, beside the floors",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1100, 800);
    }

    private static CategoryPlot panel(DefaultBoxAndWhiskerCategoryDataset data, String axis, Color colour) {
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setSeriesPaint(0, colour);
        renderer.setMeanVisible(false);
        renderer.setMaxOutlierVisible(true);
        renderer.setMaximumBarWidth(0.06);
        NumberAxis range = new NumberAxis(axis);
        range.setAutoRangeIncludesZero(true);
        CategoryPlot plot = new CategoryPlot(data, null, range, renderer);
        plot.setBackgroundPaint(new Color(0xf4f4f4));
        plot.setRangeGridlinePaint(Color.GRAY);
        return plot;
    }

    private static String category(Subject subject) {
        return switch (subject.role()) {
            case FLOOR, PRIMED_FLOOR -> "floor";
            case SDK_BASELINE -> "SDK baseline";
            case LEAN_FLOOR -> "lean SDK floor";
            case FUNCTION -> subject.name();
        };
    }
}
