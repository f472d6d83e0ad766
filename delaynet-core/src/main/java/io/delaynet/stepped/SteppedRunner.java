package io.delaynet.stepped;

import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.data.DataFormatException;
import io.delaynet.run.RunContext;
import io.delaynet.train.EpochMetrics;
import io.delaynet.train.Evaluation;
import io.delaynet.train.Split;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stop-gap runner until {@code delaynet train --config} exists: trains one configuration and
 * prints a line per epoch and the test accuracy at the end.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp delaynet-cli/target/delaynet.jar \
 *     io.delaynet.stepped.SteppedRunner CONFIG.yaml [key.path=value ...] [--data-dir DIR]</pre>
 */
public final class SteppedRunner {
    private SteppedRunner() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (ConfigException | DataFormatException e) {
            System.err.println("delaynet: " + e.getMessage());
            System.exit(2);
        }
    }

    static void run(String[] args) {
        if (args.length == 0) {
            throw new ConfigException("usage: SteppedRunner CONFIG.yaml [key.path=value ...] [--data-dir DIR]");
        }
        SteppedMethod method = new SteppedMethod();
        ObjectNode tree = ConfigTree.merge(method.defaults(), ConfigTree.read(Path.of(args[0])));
        String env = System.getenv("DELAYNET_DATA");
        Path dataDir = env == null || env.isBlank() ? null : Path.of(env);
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                dataDir = Path.of(args[++i]);
            } else {
                ConfigTree.override(tree, args[i]);
            }
        }
        SteppedExperiment experiment = method.buildExperiment(tree, new RunContext(dataDir), true);
        try (Trainer<SteppedWorkspace> trainer = new Trainer<>(experiment.learner(), experiment.training().toOptions())) {
            trainer.fit(0, new TrainingListener() {
                @Override
                public void epochDone(EpochMetrics m) {
                    System.out.println(String.format(Locale.ROOT,
                            "epoch %3d  train loss %.4f acc %6.2f%%  validation loss %.4f acc %6.2f%%  (%.1f s + %.1f s)",
                            m.epoch() + 1, m.trainLoss(), 100 * m.trainAccuracy(), m.validationLoss(),
                            100 * m.validationAccuracy(), m.trainSeconds(), m.evalSeconds()));
                }
            });
            Evaluation test = trainer.evaluate(Split.TEST);
            System.out.println(String.format(Locale.ROOT, "test loss %.4f accuracy %.2f%% on %d images",
                    test.loss(), 100 * test.accuracy(), test.size()));
        }
    }
}
