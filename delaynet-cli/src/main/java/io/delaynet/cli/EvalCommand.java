package io.delaynet.cli;

import io.delaynet.io.ModelFile;
import io.delaynet.run.Experiment;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import io.delaynet.train.Evaluation;
import io.delaynet.train.Learner;
import io.delaynet.train.Split;
import io.delaynet.train.Trainer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code delaynet eval}: accuracy and loss of a trained model on one split. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a trained model on a data split.")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", description = "model.json of a run.")
    Path model;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
            description = "train, validation or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() {
        Split which;
        try {
            which = Split.parse(split);
        } catch (IllegalArgumentException e) {
            throw new io.delaynet.config.ConfigException(e.getMessage());
        }
        ModelFile file = ModelFile.read(model);
        Experiment experiment = ResolvedConfig.ofTree(file.config(), "model").build(new RunContext(data.resolve()));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Learner<Learner.Workspace> learner = (Learner) experiment.learner();
        file.applyTo(learner.parameters(), model);
        learner.afterStep();
        var options = experiment.training().toOptions();
        try (Trainer<Learner.Workspace> trainer = new Trainer<>(learner, options)) {
            Evaluation e = trainer.evaluate(which);
            System.out.printf(Locale.ROOT, "%s accuracy %.2f %% (%d samples), loss %.6f%n", which.label(),
                    100 * e.accuracy(), e.size(), e.loss());
        }
        return 0;
    }
}
