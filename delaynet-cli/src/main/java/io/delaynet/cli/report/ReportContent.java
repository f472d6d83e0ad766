package io.delaynet.cli.report;

import io.delaynet.inspect.DelayDistribution;
import java.util.List;

/**
 * What the report shows beyond the run's own files: the plots drawn and the findings.
 *
 * @param map      the decision map (empty unless the data are points of a plane, as Yin-Yang's)
 * @param warnings problems a reader must see first (delays piled up at a bound, an unfinished run)
 * @param notes    parts left out and why (e.g. the data needed to rebuild the network is missing)
 */
record ReportContent(List<Figure> curves, List<DelayDistribution> delays, List<Figure> delayPlots, String spikeSplit,
                     List<Figure> spikes, List<Figure> map, List<String> warnings, List<String> notes) {
}
