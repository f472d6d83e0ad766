package io.delaynet.cli.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.train.EpochMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Issue 16: a one-epoch run's curves drew their points on or outside the frame. */
class LearningCurvePlotsTest {
    private static final List<EpochMetrics> ONE_EPOCH = List.of(new EpochMetrics(0, 0.0546, 0.4872, 0.0304, 0.551, 0.3, 0.02, 0));

    private static void inside(XYChart chart, double x, double y) {
        var s = chart.getStyler();
        assertTrue(s.getXAxisMin() < x && x < s.getXAxisMax(), "x " + x + " inside [" + s.getXAxisMin() + ", " + s.getXAxisMax() + "]");
        assertTrue(s.getYAxisMin() < y && y < s.getYAxisMax(), "y " + y + " inside [" + s.getYAxisMin() + ", " + s.getYAxisMax() + "]");
    }

    @Test
    void theLossPointsOfOneEpochLieInsideTheAxes() {
        XYChart chart = LearningCurvePlots.loss(ONE_EPOCH, 1);
        inside(chart, 1, 0.0546);
        inside(chart, 1, 0.0304);
        Charts.png(chart); // and it draws
    }

    @Test
    void theAccuracyPointsOfOneEpochLieInsideTheAxes() {
        XYChart chart = LearningCurvePlots.accuracy(ONE_EPOCH, 1, 0.549);
        inside(chart, 1, 48.72);
        inside(chart, 1, 55.1);
        inside(chart, 1, 54.9);
        Charts.png(chart);
    }
}
