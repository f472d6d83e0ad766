package io.delaynet.online;

import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigTree;
import io.delaynet.util.RandomStreams;

/** Small online networks from YAML laid over the method's defaults, for the tests. */
final class OnlineFixtures {
    private OnlineFixtures() {
    }

    static OnlineConfig config(String yaml) {
        OnlineMethod method = new OnlineMethod();
        return ConfigBinder.bind(ConfigTree.merge(method.defaults(), ConfigTree.parse(yaml, "test")),
                OnlineConfig.class, "test");
    }

    static OnlineNetwork network(String yaml, int inputs, int classes, int steps) {
        OnlineConfig c = config(yaml);
        OnlineMethod.check(c);
        return OnlineMethod.network(c, inputs, classes, steps, new RandomStreams(c.training().seed()));
    }

    /** A small network's section: {@code hidden} CubaLIF neurons, strong weights so that they spike. */
    static String small(int hidden, boolean recurrent, String delayKind, String forward, double recurrentStd,
                        String networkExtra, String extra) {
        return """
                network:
                  hidden: [%d]
                  recurrent: %s
                  weights:
                    scale: 1.0
                    layers: [{mean: 0.3, std: 0.6}, {mean: 0.0, std: 0.5}]
                    recurrent: {mean: 0.0, std: %s}
                  delays: {kind: %s, forward: %s, init_low: 0.2, init_high: 4.7, max: 8.0}
                  recurrent_delays: {kind: %s, forward: %s, init_low: 1.1, init_high: 3.6, max: 5.0}
                  %s
                %s
                """.formatted(hidden, recurrent, recurrentStd, delayKind, forward, delayKind, forward, networkExtra,
                extra);
    }
}
