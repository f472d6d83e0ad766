package io.delaynet.run;

import java.nio.file.Path;

/** The names of the files a training run leaves in its folder. */
public record RunFolder(Path dir) {
    public Path config() {
        return dir.resolve("config.yaml");
    }

    public Path checkpoint() {
        return dir.resolve("checkpoint.bin");
    }

    public Path metricsCsv() {
        return dir.resolve("metrics.csv");
    }

    public Path metricsJson() {
        return dir.resolve("metrics.json");
    }

    public Path model() {
        return dir.resolve("model.json");
    }

    public Path summary() {
        return dir.resolve("summary.json");
    }

    public Path provenance() {
        return dir.resolve("provenance.json");
    }

    /** The HTML report that ties the other files together. */
    public Path report() {
        return dir.resolve("index.html");
    }

    /** The folder of the report's PNG plots. */
    public Path plots() {
        return dir.resolve("plots");
    }
}
