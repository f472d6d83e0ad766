package io.delaynet.online;

import io.delaynet.config.ConfigTree;
import io.delaynet.run.RunContext;
import io.delaynet.stepped.SteppedExperiment;
import io.delaynet.stepped.SteppedLearner;
import io.delaynet.stepped.SteppedWorkspace;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.Split;
import io.delaynet.train.StreamingLearner.UpdateHook;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.node.ObjectNode;

/**
 * A measurement, not a check (it asserts nothing and runs only when asked): at initialisation, the
 * gradient of the recurrent FSDD example summed over 16 training recordings spread over the set,
 * online and by BPTT truncated to blocks of k steps, with each group's norm and its cosine to the
 * online and to the full BPTT gradient. docs/three-factor.md section 6c quotes its output.
 *
 * <pre>mvn -o -q -pl delaynet-core test -Dtest=TruncationProbe -Ddelaynet.probe.data=/path/to/data</pre>
 */
@EnabledIfSystemProperty(named = "delaynet.probe.data", matches = ".+")
class TruncationProbe {
    private static final int RECORDINGS = 16;
    private static final int[] TRUNCATIONS = {1, 2, 5, 10, 20, 50, 0};

    @Test
    void report() {
        String example = System.getProperty("delaynet.probe.config", "../examples/fsdd-online-recurrent-synaptic.yaml");
        RunContext context = new RunContext(Path.of(System.getProperty("delaynet.probe.data")));
        OnlineMethod method = new OnlineMethod();
        ObjectNode base = ConfigTree.merge(method.defaults(), ConfigTree.read(Path.of(example)));
        OnlineLearner online = ((OnlineExperiment) method.buildExperiment(base, context)).learner();
        int size = online.size(Split.TRAIN);
        int stride = size / RECORDINGS;
        double[][] rule = sum(online.parameters(), index -> {
            OnlineWorkspace ws = online.newWorkspace();
            online.learn(index, ws, Integer.MAX_VALUE, UpdateHook.NONE);
            return ws.gradients();
        }, stride);
        double[][] full = null;
        List<ParameterGroup> groups = online.parameters();
        StringBuilder out = new StringBuilder("[truncation probe] " + example + ", " + RECORDINGS
                + " training recordings (every " + stride + "th of " + size + ")\n");
        out.append("online norms:");
        for (int g = 0; g < groups.size(); g++) {
            out.append(String.format(" %s %.4g;", groups.get(g).name(), norm(rule[g])));
        }
        out.append('\n');
        for (int k = TRUNCATIONS.length - 1; k >= 0; k--) {
            int truncation = TRUNCATIONS[k];
            ObjectNode tree = base.deepCopy();
            ConfigTree.override(tree, "online.gradient=bptt");
            if (truncation > 0) {
                ConfigTree.override(tree, "online.bptt_truncation=" + truncation);
            }
            SteppedLearner bptt = ((SteppedExperiment) method.buildExperiment(tree, context)).learner();
            double[][] g = sum(groups, index -> {
                SteppedWorkspace ws = bptt.newWorkspace();
                bptt.learn(index, ws);
                return ws.gradients();
            }, stride);
            if (truncation == 0) {
                full = g;
            }
            out.append(truncation == 0 ? "full BPTT" : "k = " + truncation).append(":");
            for (int p = 0; p < groups.size(); p++) {
                out.append(String.format(" %s norm %.4g cos(online) %.3f cos(full) %.3f;", groups.get(p).name(),
                        norm(g[p]), OnlineVersusBpttTest.cosine(g[p], rule[p]),
                        OnlineVersusBpttTest.cosine(g[p], full[p])));
            }
            out.append('\n');
        }
        System.out.println(out);
    }

    private interface PerSample {
        double[][] gradient(int index);
    }

    private static double[][] sum(List<ParameterGroup> groups, PerSample f, int stride) {
        double[][] total = new double[groups.size()][];
        for (int g = 0; g < total.length; g++) {
            total[g] = new double[groups.get(g).size()];
        }
        for (int r = 0; r < RECORDINGS; r++) {
            double[][] one = f.gradient(r * stride);
            for (int g = 0; g < total.length; g++) {
                for (int k = 0; k < total[g].length; k++) {
                    total[g][k] += one[g][k];
                }
            }
        }
        return total;
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
