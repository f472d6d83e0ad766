package io.delaynet.cli.chip;

import io.delaynet.config.ConfigException;
import io.delaynet.hardware.calibration.CalibrationTable;
import io.delaynet.hardware.config.ChipMethod;
import io.delaynet.io.AtomicFiles;
import io.delaynet.run.ResolvedConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code delaynet chip calibrate}: measures every delay element of a delgrad-chip configuration's
 * network, as deployed before training, through the backend's interface alone (probe networks:
 * inject spikes, read spike times), prints the table and saves it as CSV. Training with
 * {@code chip.calibration: measured} runs the same measurement.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the realised delay of every delay element of a delgrad-chip network on its backend,",
                "using only what the backend reports (spike times); print the table and save it as CSV.",
                "Example: delaynet chip calibrate -c examples/yinyang-chip-axonal.yaml --set backend.chip_seed=2"})
public final class CalibrateCommand implements Callable<Integer> {
    /** More rows than this per layer are left to the CSV. */
    static final int PRINTED_ROWS = 60;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "A delgrad-chip configuration.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Where to save the table (default: runs/calibration/<config>-chip<seed>.csv).")
    Path out;

    @Override
    public Integer call() throws IOException {
        ResolvedConfig resolved = ResolvedConfig.resolve(config, overrides);
        if (!"delgrad-chip".equals(resolved.method().name())) {
            throw new ConfigException(config + " uses method " + resolved.method().name()
                    + "; chip calibrate needs a delgrad-chip configuration");
        }
        ObjectNode tree = resolved.tree();
        ObjectNode backend = (ObjectNode) tree.get("backend");
        CalibrationTable table = ChipMethod.calibrate(tree);
        if (table.layers().isEmpty()) {
            throw new ConfigException(config + " has no layer with delays, so there is nothing to calibrate; "
                    + "use a configuration with delays (e.g. examples/yinyang-chip-axonal.yaml)");
        }
        long seed = backend.get("chip_seed").asLong();
        Path target = out != null ? out
                : Path.of("runs", "calibration", resolved.name() + "-chip" + seed + ".csv");
        System.out.printf(Locale.ROOT, "delay calibration of %s on the %s backend, chip %d, noise scale %s%n",
                resolved.name(), backend.get("type").asString(), seed, backend.get("noise_scale").asDouble());
        System.out.print(table.summary());
        System.out.print(printed(table.csv()));
        AtomicFiles.writeString(target, table.csv());
        System.out.println("wrote " + target);
        return 0;
    }

    /** The CSV as aligned columns, at most {@link #PRINTED_ROWS} rows per layer. */
    private static String printed(String csv) {
        StringBuilder out = new StringBuilder();
        String lastLayer = null;
        int rows = 0;
        int hidden = 0;
        for (String line : csv.split("\n")) {
            String[] f = line.split(",");
            if (!f[0].equals(lastLayer)) {
                if (hidden > 0) {
                    out.append(String.format(Locale.ROOT, "  ... %d more rows in the CSV%n", hidden));
                }
                lastLayer = f[0];
                rows = 0;
                hidden = 0;
            }
            if (rows++ >= PRINTED_ROWS && !"layer".equals(f[0])) {
                hidden++;
                continue;
            }
            out.append(String.format(Locale.ROOT, "%5s %-9s %4s %4s %10s %10s %10s %14s %5s%n", (Object[]) f));
        }
        if (hidden > 0) {
            out.append(String.format(Locale.ROOT, "  ... %d more rows in the CSV%n", hidden));
        }
        return out.toString();
    }
}
