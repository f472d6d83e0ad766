package io.delaynet.cli;

import io.delaynet.nir.NirFile;
import io.delaynet.nir.NirImport;
import io.delaynet.nir.NirModels;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code delaynet import}: a NIR graph as a model folder (time-stepped, or event-driven for DelGrad exports). */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a NIR graph as a time-stepped network (or, for delaynet's DelGrad exports, an event-driven one).",
                "A graph delaynet exported comes back as a model folder that 'delaynet eval' evaluates (a DelGrad export "
                        + "with the exact event engine); a graph from another framework as its network description "
                        + "(network.json). See docs/nir.md."})
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.nir", description = "The NIR graph.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "The folder to write.")
    Path out;

    @Option(names = "--dt", paramLabel = "SECONDS", description = "Time step in seconds (default: the graph's, if delaynet wrote it).")
    Double dt;

    @Option(names = "--window", paramLabel = "STEPS", description = "Steps per sample (default: the graph's, if delaynet wrote it).")
    Double window;

    @Option(names = "--decision", paramLabel = "RULE",
            description = "How the output becomes a class, e.g. most_spikes (default: the graph's, else most_spikes).")
    String decision;

    @Override
    public Integer call() {
        NirModels.Imported imported = NirModels.importTo(NirFile.read(file), out,
                new NirImport.Options(Optional.ofNullable(dt), Optional.ofNullable(window), Optional.ofNullable(decision)));
        System.out.printf("imported %s: %d populations, %d projections -> %s%s%n", file,
                imported.network().populations().size(), imported.network().connections().size(), imported.written(),
                imported.evaluable() ? "" : " (a network description: the graph carries no delaynet configuration)");
        return 0;
    }
}
