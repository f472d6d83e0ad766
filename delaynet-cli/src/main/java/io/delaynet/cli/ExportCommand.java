package io.delaynet.cli;

import io.delaynet.config.ConfigException;
import io.delaynet.nir.NirExport;
import io.delaynet.nir.NirFile;
import io.delaynet.nir.NirGraph;
import io.delaynet.nir.NirModels;
import io.delaynet.run.TrainedModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code delaynet export}: a trained model in a format other tools read (NIR). */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export a trained model, learned delays included, for use in other frameworks.",
                "nir: the NIR graph format (HDF5) that snnTorch, Norse, Lava, Rockpool, Sinabs, Spyx and Nengo read; "
                        + "see docs/nir.md for the mapping."})
public final class ExportCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "model.json of a run, or the run folder.")
    Path model;

    @Option(names = "--format", defaultValue = "nir", paramLabel = "FORMAT",
            description = "Output format; only nir (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write, e.g. model.nir.")
    Path out;

    @Option(names = "--per-synapse", defaultValue = "auto", paramLabel = "FORM",
            description = "How per-synapse delays are written: fanout (one-hot fan-out, Delay, Linear), lags (a Delay "
                    + "and Linear per whole-step lag; time-stepped models only) or auto (the fan-out up to 2^24 values, "
                    + "else the lags; default). See docs/nir.md.")
    String perSynapse;

    @Override
    public Integer call() {
        if (!format.equals("nir")) {
            throw new ConfigException("--format must be nir, got '" + format + "'");
        }
        long limit = switch (perSynapse) {
            case "auto" -> NirExport.FANOUT_LIMIT;
            case "fanout" -> Long.MAX_VALUE;
            case "lags" -> 0;
            default -> throw new ConfigException("--per-synapse must be auto, fanout or lags, got '" + perSynapse + "'");
        };
        TrainedModel trained = TrainedModel.load(model);
        NirGraph graph = NirModels.export(trained, limit);
        NirFile.write(graph, out);
        System.out.printf("exported %s to %s: %d NIR nodes, %d edges%n", trained.file(), out, graph.nodes().size(),
                graph.edges().size());
        return 0;
    }
}
