package io.delaynet.cli;

import io.delaynet.config.ConfigException;
import io.delaynet.io.Json;
import io.delaynet.run.RunContext;
import io.delaynet.run.TrainedModel;
import io.delaynet.train.Evaluation;
import io.delaynet.train.Split;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code delaynet eval}: accuracy and loss of a trained model on one split. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a trained model on a data split.",
                "Prints the same accuracy as the run's summary.json: the model holds the exact parameters, "
                        + "and evaluation does not depend on the thread count; a chip run with trial noise draws "
                        + "it afresh, and says so."})
public final class EvalCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "model.json of a run, or the run folder.")
    Path model;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
            description = "train, validation or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--json", description = "Print the result as JSON, with every number exact.")
    boolean json;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() {
        Split which = parseSplit(split);
        TrainedModel trained = TrainedModel.load(model, new RunContext(data.resolve()));
        Evaluation e = trained.evaluate(which);
        java.util.Optional<String> note = trained.experiment().evaluationNote();
        long parameters = trained.experiment().learner().parameters().stream()
                .filter(io.delaynet.train.ParameterGroup::trainable).mapToLong(io.delaynet.train.ParameterGroup::size).sum();
        int correct = 0;
        for (int i = 0; i < e.size(); i++) {
            correct += e.predictions()[i] >= 0 && e.predictions()[i] == e.labels()[i] ? 1 : 0;
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", trained.file().toString());
            out.put("split", which.label());
            out.put("accuracy", e.accuracy());
            out.put("correct", correct);
            out.put("samples", e.size());
            out.put("loss", e.loss());
            if (e.latency().known()) {
                out.put("decision_step_mean", e.latency().meanSteps());
                out.put("decision_step_median", e.latency().medianSteps());
            }
            out.put("parameters", parameters);
            note.ifPresent(n -> out.put("note", n));
            System.out.println(Json.write(out));
        } else {
            System.out.printf(Locale.ROOT, "%s accuracy %.2f %% (%d of %d correct), loss %s%n", which.label(),
                    100 * e.accuracy(), correct, e.size(), e.loss());
            if (e.latency().known()) {
                System.out.printf(Locale.ROOT, "decision step: mean %.2f, median %.1f (the step after which the running "
                        + "decision stays at its final answer)%n", e.latency().meanSteps(), e.latency().medianSteps());
            }
            System.out.printf(Locale.ROOT, "parameters: %d trainable%n", parameters);
            note.ifPresent(n -> System.out.println("note: " + n));
        }
        return 0;
    }

    /** The split named on the command line, or a one-line error listing the names. */
    static Split parseSplit(String text) {
        try {
            return Split.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
