package io.delaynet.run.sweep;

import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.io.FolderLock;
import io.delaynet.run.ResolvedConfig;
import io.delaynet.run.RunContext;
import io.delaynet.run.RunFolder;
import io.delaynet.run.RunSummary;
import io.delaynet.run.TrainingRun;
import io.delaynet.train.TrainingListener;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The unit of work of a sweep: "run this configuration in this folder and return its summary".
 * A small serialisable value (configuration text, overrides, folder path), so a distributed
 * runner can ship it to another machine; only the {@link RunContext} (where the data lies) is that
 * machine's own.
 *
 * <p>Running a task continues whatever its folder holds: a finished run is kept (or extended from
 * its checkpoint when more epochs are asked), an interrupted one resumes from its checkpoint, and
 * an empty or absent folder gets a new run. A resumed or extended run ends with the numbers of one
 * that ran straight through. A folder holding a run of another configuration is refused.
 *
 * @param config    the configuration before overrides
 * @param overrides {@code key.path=value} overrides, applied in order
 * @param folder    the run folder, as a path string (paths are not serialisable)
 */
public record RunTask(ConfigText config, List<String> overrides, String folder) implements Serializable {

    /**
     * Keys in which the folder's run may differ from the task: more epochs extend a run, and the
     * thread count does not change a single number.
     */
    public static final Set<String> FREE_KEYS = Set.of("training.epochs", "training.threads");

    /** What running a task does, given what its folder holds. */
    public enum Action {
        /** no run in the folder yet: train from the start */
        START,
        /** an interrupted run: continue from its checkpoint */
        RESUME,
        /** a finished run with fewer epochs than asked: train on from its checkpoint */
        EXTEND,
        /** a finished run with the epochs asked: read its summary */
        KEEP
    }

    public RunTask {
        Objects.requireNonNull(config, "config");
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(folder, "folder");
    }

    public RunTask(ConfigText config, List<String> overrides, Path folder) {
        this(config, overrides, folder.toString());
    }

    public Path folderPath() {
        return Path.of(folder);
    }

    /** The configuration this task trains: method defaults, then the text, then the overrides. */
    public ResolvedConfig resolve() {
        return ResolvedConfig.resolve(config.parse(), config.name(), overrides);
    }

    /**
     * What {@link #run} would do now, after checking that the folder can take this run.
     *
     * @throws ConfigException when the folder holds more epochs than asked, a run of another
     *                         configuration, or files that are no run
     */
    public Action plan() {
        return plan(resolve());
    }

    /**
     * Runs the task in its folder (see {@link Action}) and returns the summary that the folder
     * then holds.
     *
     * @param listener sees every batch and epoch trained here (none for a kept run)
     */
    public RunSummary run(RunContext context, TrainingListener listener) {
        ResolvedConfig resolved = resolve();
        Path dir = folderPath();
        Action action = plan(resolved);
        if (action == Action.START) {
            // the run creates its folder; it locks it (and checks it again) once it exists
            TrainingRun.start(resolved, dir, context).execute(listener);
            return RunSummary.read(new RunFolder(dir).summary());
        }
        // planned and run under one lock: no other process changes the folder in between
        try (FolderLock lock = FolderLock.acquire(dir, "delaynet sweep")) {
            switch (plan(resolved)) {
                case START -> TrainingRun.start(resolved, dir, context).execute(listener);
                case RESUME, EXTEND -> TrainingRun.resume(dir, resolved.name(), freeKeys(resolved), context)
                        .execute(listener);
                case KEEP -> {
                }
            }
            return RunSummary.read(new RunFolder(dir).summary());
        }
    }

    private Action plan(ResolvedConfig resolved) {
        Path dir = folderPath();
        RunFolder run = new RunFolder(dir);
        if (Files.isRegularFile(run.summary())) {
            requireSameConfiguration(resolved, run);
            int done = RunSummary.read(run.summary()).epochs();
            int target = resolved.epochs();
            if (done > target) {
                throw new ConfigException(dir + " already holds a run of " + done + " epochs, more than the "
                        + target + " asked for; choose another --out folder");
            }
            return done < target ? Action.EXTEND : Action.KEEP;
        }
        if (Files.isRegularFile(run.config())) {
            requireSameConfiguration(resolved, run);
            return Action.RESUME;
        }
        if (Files.exists(dir) && !isEmptyFolder(dir)) {
            throw new ConfigException(dir + " is not empty but holds no run (no config.yaml); empty it, "
                    + "or choose another --out folder");
        }
        return Action.START;
    }

    /** The saved run continues with the task's epochs and threads; everything else is checked to agree. */
    private static List<String> freeKeys(ResolvedConfig resolved) {
        List<String> out = new ArrayList<>();
        for (String key : FREE_KEYS.stream().sorted().toList()) {
            JsonNode value = resolved.tree().at("/" + key.replace('.', '/'));
            if (!value.isMissingNode()) {
                out.add(key + "=" + value);
            }
        }
        return out;
    }

    private static void requireSameConfiguration(ResolvedConfig resolved, RunFolder run) {
        ResolvedConfig saved = ResolvedConfig.ofTree(ConfigTree.read(run.config()), resolved.name());
        ConfigDifference.first(saved.tree(), resolved.tree(), FREE_KEYS).ifPresent(d -> {
            throw new ConfigException(run.dir() + " holds a run of another configuration (" + d.path() + " is "
                    + ConfigDifference.shown(d.left()) + " there, " + ConfigDifference.shown(d.right())
                    + " here); choose another --out folder, or delete " + run.dir() + " to train it again");
        });
    }

    private static boolean isEmptyFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.allMatch(FolderLock::isLockFile);
        } catch (IOException e) {
            throw new ConfigException("cannot read folder " + dir + " (" + e.getMessage() + "); check its permissions");
        }
    }
}
