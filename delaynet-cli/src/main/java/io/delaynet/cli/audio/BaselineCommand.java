package io.delaynet.cli.audio;

import io.delaynet.baseline.BaselineResult;
import io.delaynet.baseline.LinearReadoutBaseline;
import io.delaynet.baseline.SoftmaxRegression;
import io.delaynet.baseline.SpikeCountFeatures;
import io.delaynet.data.audio.DataSplit;
import io.delaynet.data.audio.EncodedDataset;
import io.delaynet.data.audio.FsddDataset;
import io.delaynet.data.audio.FsddRecording;
import io.delaynet.data.audio.SpikeBinning;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code delaynet audio baseline}: a linear readout of the spike counts, the check that the encoding
 * keeps what distinguishes the digits.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Train multinomial logistic regression on spike counts per channel and time bin and",
                "report its accuracy on held-out recordings (official split, or leave one speaker out)."})
public final class BaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FsddOptions fsdd;

    @Option(names = "--leave-out", paramLabel = "SPEAKER",
            description = "Test on this speaker's recordings and train on the others; 'all' does each speaker in turn."
                    + " Default: the official split (takes 0-4 test).")
    String leaveOut;

    @Option(names = "--bin-ms", defaultValue = "50", description = "Time-bin width in ms (default: ${DEFAULT-VALUE}).")
    double binMs;

    @Option(names = "--bins", defaultValue = "20", description = "Time bins from the start (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--pool", defaultValue = "1", description = "Neighbouring channels summed (default: ${DEFAULT-VALUE}).")
    int pool;

    @Option(names = "--epochs", defaultValue = "40", description = "Training passes (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the data order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!(binMs > 0) || bins < 1 || pool < 1 || epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--bin-ms must be positive and --bins, --pool, --epochs at least 1");
        }
        SpikeCountFeatures features = new SpikeCountFeatures(binMs / 1000, bins, pool);
        SoftmaxRegression.Options base = SoftmaxRegression.Options.DEFAULT;
        SoftmaxRegression.Options options = new SoftmaxRegression.Options(epochs, base.batchSize(),
                base.learningRate(), base.l2(), seed);
        fsdd.validate();
        FsddDataset dataset = fsdd.dataset();
        Map<String, DataSplit<FsddRecording>> splits = splits(dataset);
        EncodedDataset encoded = fsdd.encode(dataset, spec.commandLine().getErr());
        int channels = SpikeBinning.pooledChannels(encoded.settings().channels(), pool);
        out.printf(Locale.ROOT, "features: %d = %d bins of %s ms x %d channels (pool %d), log(1 + count), standardised%n",
                features.size(encoded.settings().channels()), bins, binMs, channels, pool);
        out.printf(Locale.ROOT, "readout:  softmax regression, %d epochs, batch %d, Adam lr %s, L2 %s, seed %d%n",
                options.epochs(), options.batchSize(), options.learningRate(), options.l2(), options.seed());
        LinearReadoutBaseline baseline = new LinearReadoutBaseline(features, options);
        double sum = 0;
        for (Map.Entry<String, DataSplit<FsddRecording>> split : splits.entrySet()) {
            sum += report(out, split.getKey(), split.getValue(), encoded, baseline, splits.size() == 1);
        }
        if (splits.size() > 1) {
            out.printf(Locale.ROOT, "mean over %d speakers: test accuracy %.1f %%%n", splits.size(), 100 * sum / splits.size());
        }
        out.flush();
        return 0;
    }

    /** The splits to evaluate, by name, checked before any encoding starts. */
    private Map<String, DataSplit<FsddRecording>> splits(FsddDataset dataset) {
        Map<String, DataSplit<FsddRecording>> splits = new LinkedHashMap<>();
        if (leaveOut == null) {
            splits.put("official split (test: takes 0-4)", dataset.officialSplit());
        } else {
            List<String> speakers = leaveOut.equals("all") ? List.copyOf(dataset.speakers()) : List.of(leaveOut);
            for (String speaker : speakers) {
                splits.put("leave out " + speaker, dataset.leaveOneSpeakerOut(speaker));
            }
        }
        return splits;
    }

    private static double report(PrintWriter out, String name, DataSplit<FsddRecording> split, EncodedDataset encoded,
                                 LinearReadoutBaseline baseline, boolean confusion) {
        BaselineResult r = baseline.evaluate(encoded.select(split), FsddDataset.CLASSES);
        out.printf(Locale.ROOT, "%s: train %d, test %d recordings; train accuracy %.1f %%, test accuracy %.1f %%%n",
                name, split.train().size(), split.test().size(), 100 * r.trainAccuracy(), 100 * r.testAccuracy());
        if (confusion) {
            out.println("confusion on the test set (rows: true digit, columns: predicted):");
            out.print("     ");
            for (int k = 0; k < FsddDataset.CLASSES; k++) {
                out.printf("%4d", k);
            }
            out.println();
            int[][] m = r.confusion();
            for (int t = 0; t < m.length; t++) {
                out.printf("%4d ", t);
                for (int p = 0; p < m[t].length; p++) {
                    out.printf("%4d", m[t][p]);
                }
                out.println();
            }
        }
        return r.testAccuracy();
    }
}
