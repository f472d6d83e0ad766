package io.delaynet.event.config;

import static io.delaynet.inspect.LayerSpikes.layerName;

import io.delaynet.delay.DelayKind;
import io.delaynet.delay.DelayParameterisation;
import io.delaynet.data.yinyang.LatencyEncoding;
import io.delaynet.data.yinyang.YinYang;
import io.delaynet.event.DelGradLearner;
import io.delaynet.event.EventTrace;
import io.delaynet.event.SpikeData;
import io.delaynet.inspect.DecisionMap;
import io.delaynet.event.EventNetwork;
import io.delaynet.event.Projection;
import io.delaynet.inspect.DelayDistribution;
import io.delaynet.inspect.LayerSpikes;
import io.delaynet.inspect.ParameterGradient;
import io.delaynet.inspect.SampleGradients;
import io.delaynet.inspect.SampleSpikes;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.SampleResult;
import io.delaynet.train.Split;
import java.util.ArrayList;
import java.util.List;

/**
 * DelGrad's answers to the inspection hooks of {@link io.delaynet.run.Experiment}, for any learner of
 * the event engine: the plain method's and the chip-in-the-loop method's (there: the host's network).
 */
public final class DelGradInspection {
    /** DelGrad measures every time in units of the synaptic time constant. */
    static final String TIME_UNIT = "τ_s";

    private final DelGradLearner learner;

    public DelGradInspection(DelGradLearner learner) {
        this.learner = learner;
    }

    public List<DelayDistribution> delays() {
        EventNetwork network = learner.network();
        List<DelayDistribution> out = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            Projection p = network.projection(l);
            if (p.delays() == null) {
                continue;
            }
            double lower;
            double upper;
            if (p.parameterisation() instanceof DelayParameterisation.Sigmoid s) {
                lower = s.shift();
                upper = s.shift() + s.scale();
            } else {
                DelayParameterisation.Clip c = (DelayParameterisation.Clip) p.parameterisation();
                lower = c.min();
                upper = c.max();
            }
            String description = layerName(l, network.layerCount()) + " (" + p.pre() + ") → "
                    + layerName(l + 1, network.layerCount()) + " (" + p.post() + "), " + p.kind();
            out.add(new DelayDistribution(p.delays().name(), description, p.effectiveDelays(), lower, upper, TIME_UNIT));
        }
        return out;
    }

    public List<SampleSpikes> sampleSpikes(Split split, int[] samples) {
        List<SampleSpikes> out = new ArrayList<>();
        int layers = learner.network().layerCount();
        for (int index : samples) {
            double[][] times = learner.spikeTimes(split, index);
            List<LayerSpikes> perLayer = new ArrayList<>();
            for (int l = 0; l <= layers; l++) {
                perLayer.add(LayerSpikes.ofFirstSpikes(layerName(l, layers), times[l]));
            }
            int label = learner.data(split).labels()[index];
            int predicted = learner.loss().predict(times[layers]);
            out.add(new SampleSpikes(split, index, label, predicted, TIME_UNIT, perLayer));
        }
        return out;
    }

    SampleGradients sampleGradients(Split split, int sample, boolean guarded) {
        DelGradLearner.Workspace ws = learner.newWorkspace();
        SampleResult r = learner.sampleGradient(split, sample, ws, guarded);
        List<ParameterGroup> groups = learner.parameters();
        List<ParameterGradient> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            ParameterGroup group = groups.get(g);
            out.add(new ParameterGradient(group.name(), layout(group), group.values(), ws.gradients()[g]));
        }
        String note = r.loss() == DelGradLearner.SILENT_LOSS
                ? "the label neuron is silent or the loss is not finite: training records loss "
                        + DelGradLearner.SILENT_LOSS + " and takes no gradient from this sample"
                : "";
        return new SampleGradients(split, sample, r.label(), r.predicted(), r.loss(), guarded, note, out);
    }

    /** How a group's flat index maps to neurons, so values can be matched with another implementation's tensors. */
    private String layout(ParameterGroup group) {
        EventNetwork network = learner.network();
        for (int l = 0; l < network.layerCount(); l++) {
            Projection p = network.projection(l);
            String pre = "pre = " + (l == 0 ? "input line" : "neuron of " + layerName(l, network.layerCount()));
            String post = "post = neuron of " + layerName(l + 1, network.layerCount());
            if (group == p.weights()) {
                return "weight[post * " + p.pre() + " + pre]; " + pre + ", " + post;
            }
            if (group == p.delays()) {
                return delayIndex(p) + "; " + pre + ", " + post + "; " + delayFormula(p.parameterisation());
            }
        }
        return "";
    }

    private static String delayIndex(Projection p) {
        int nPre = p.pre() / p.preSharing();
        int nPost = p.post() / p.postSharing();
        String i = p.preSharing() == 1 ? "pre" : "(pre mod " + nPre + ")";
        String j = p.postSharing() == 1 ? "post" : "(post mod " + nPost + ")";
        return switch (p.kind()) {
            case SYNAPTIC -> "raw delay p[" + j + " * " + nPre + " + " + i + "] of synapse pre → post";
            case AXONAL -> "raw delay p[" + i + "] of every synapse leaving pre";
            case DENDRITIC -> "raw delay p[" + j + "] of every synapse reaching post";
            case NONE -> throw new IllegalStateException("no delays of kind " + DelayKind.NONE);
        };
    }

    private static String delayFormula(DelayParameterisation parameterisation) {
        if (parameterisation instanceof DelayParameterisation.Sigmoid s) {
            return "delay = " + s.shift() + " + " + s.scale() + " * sigmoid(p)";
        }
        DelayParameterisation.Clip c = (DelayParameterisation.Clip) parameterisation;
        return "delay = p, clipped to [" + c.min() + ", " + c.max() + "]";
    }

    /**
     * The exact network's predicted class over a grid of Yin-Yang's unit square, and on the test split.
     * Grid points are encoded as the data set encodes its samples (features x, y, 1 - x, 1 - y).
     */
    public java.util.Optional<DecisionMap> decisionMap(int resolution, DelGradConfig.Data data) {
        if (!data.isYinYang()) {
            return java.util.Optional.empty();
        }
        LatencyEncoding encoding = new LatencyEncoding(data.early(), data.late(),
                data.biasTimes().stream().mapToDouble(Double::doubleValue).toArray(), data.replicas());
        return java.util.Optional.of(decisionMap(resolution, encoding));
    }

    private DecisionMap decisionMap(int resolution, LatencyEncoding encoding) {
        EventNetwork network = learner.network();
        EventTrace trace = network.newTrace();
        int[] grid = new int[resolution * resolution];
        boolean[] inside = new boolean[grid.length];
        DecisionMap frame = new DecisionMap(resolution, 0.0, 2 * YinYang.R_BIG, 3, grid, inside,
                new double[0], new double[0], new int[0], new int[0]);
        for (int row = 0; row < resolution; row++) {
            double y = frame.coordinate(row);
            for (int col = 0; col < resolution; col++) {
                double x = frame.coordinate(col);
                double[] input = encoding.encode(new double[] {x, y, 1.0 - x, 1.0 - y});
                grid[row * resolution + col] = learner.loss().predict(network.forward(input, trace));
                inside[row * resolution + col] = Math.hypot(x - YinYang.R_BIG, y - YinYang.R_BIG) <= YinYang.R_BIG;
            }
        }
        YinYang.Split test = YinYang.test();
        SpikeData encoded = learner.data(Split.TEST);
        int n = test.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = test.features()[i][0];
            ys[i] = test.features()[i][1];
            predicted[i] = learner.loss().predict(network.forward(encoded.inputs()[i], trace));
        }
        return new DecisionMap(resolution, frame.min(), frame.max(), 3, grid, inside, xs, ys, encoded.labels().clone(),
                predicted);
    }
}
