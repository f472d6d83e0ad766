package io.delaynet.cli;

import io.delaynet.config.ConfigException;
import io.delaynet.inspect.SampleGradients;
import io.delaynet.inspect.SampleSpikes;
import io.delaynet.run.RunContext;
import io.delaynet.run.TrainedModel;
import io.delaynet.train.Split;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code delaynet inspect}: one sample's spikes and loss gradient, for cross-checks with other implementations. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show what a trained model does with one sample: the spike times of every layer, the loss, "
                + "and the gradient of that loss with respect to every parameter (name, index, value, gradient).",
                "The gradient is the exact one unless --guarded asks for the training safeguards; use --json to "
                        + "compare numbers with another implementation bit for bit."})
public final class InspectCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "model.json of a run, or the run folder.")
    Path model;

    @Option(names = {"-s", "--sample"}, required = true, paramLabel = "K", description = "Index of the sample in the split.")
    int sample;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
            description = "train, validation or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--guarded", description = "Apply the method's training safeguards (e.g. DelGrad's weight-gradient guard).")
    boolean guarded;

    @Option(names = "--json", description = "Print JSON with every number exact.")
    boolean json;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() {
        Split which = EvalCommand.parseSplit(split);
        TrainedModel trained = TrainedModel.load(model, new RunContext(data.resolve()));
        int size = trained.experiment().learner().size(which);
        if (sample < 0 || sample >= size) {
            throw new ConfigException("sample " + sample + " is out of range: the " + which.label() + " split has "
                    + size + " samples; pick --sample from 0 to " + (size - 1));
        }
        String method = trained.config().method().name();
        SampleSpikes spikes = trained.experiment().sampleSpikes(which, new int[] {sample}).stream().findFirst()
                .orElseThrow(() -> new ConfigException("method " + method + " cannot report spike times yet"));
        SampleGradients gradients = trained.experiment().sampleGradients(which, sample, guarded)
                .orElseThrow(() -> new ConfigException("method " + method + " cannot report per-sample gradients yet"));
        SampleReport report = new SampleReport(trained.file(), spikes, gradients);
        System.out.print(json ? report.json() : report.text());
        System.out.flush();
        return 0;
    }
}
