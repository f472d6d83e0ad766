package io.delaynet.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.io.ModelFile;
import io.delaynet.train.TrainingListener;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Through the whole run (config, checkpoint file, resume): for every optimizer and update schedule,
 * two epochs in one go end with bit for bit the numbers of one epoch, a resume, and another epoch.
 * And a checkpoint of the first format, written by the code before the optimizer seam, resumes to
 * the numbers of an uninterrupted run of today's code.
 */
class OptimizerResumeTest {
    /** A DelGrad run small enough for a test: Yin-Yang is generated, 4-10-3 with synaptic delays. */
    private static final List<String> SMALL = List.of("training.threads=2", "training.keep=last",
            "network.layers=[{size: 10, delays: synaptic}, {size: 3, delays: synaptic}]");

    @TempDir
    Path tmp;

    static Stream<List<String>> settings() {
        return Stream.of(
                List.of(),
                List.of("training.amsgrad=true"),
                // neighbourhood aggregation's recipe: AdamW, betas (0, 0.999), exponential decay, clipping at 1
                List.of("training.optimizer.type=adamw", "training.optimizer.beta1=0.0", "training.schedule.step=1",
                        "training.schedule.gamma=0.9", "training.clip_grad_norm=1.0"),
                List.of("training.optimizer.type=sgd", "training.optimizer.momentum=0.9",
                        "training.optimizer.nesterov=true", "training.optimizer.weight_decay=0.001",
                        "training.learning_rates.weights=0.05", "training.learning_rates.delays=0.01"),
                List.of("training.update.every=sample", "training.batch_size=500",
                        "training.learning_rates.weights=0.001", "training.learning_rates.delays=0.0003"));
    }

    private static ResolvedConfig config(Path file, List<String> settings, String... more) {
        List<String> all = new ArrayList<>(SMALL);
        all.addAll(settings);
        all.addAll(List.of(more));
        return ResolvedConfig.resolve(file, all);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void oneEpochAndAResumeEqualTwoEpochs(List<String> settings) throws Exception {
        RunContext context = new RunContext(null);
        Path straight = tmp.resolve("straight");
        Path halves = tmp.resolve("halves");
        RunSummary a = TrainingRun.start(config(null, settings, "training.epochs=2"), straight, context)
                .execute(TrainingListener.NONE);
        TrainingRun.start(config(null, settings, "training.epochs=1"), halves, context).execute(TrainingListener.NONE);
        RunSummary b = TrainingRun.resume(halves, List.of("training.epochs=2"), context).execute(TrainingListener.NONE);
        assertSameRun(straight, halves, a, b);
        assertTrue(a.trainAccuracy() > 0.4, settings + " learned something: " + a.trainAccuracy());
    }

    @Test
    void aCheckpointOfTheFirstFormatResumesToTodaysUninterruptedRun() throws Exception {
        RunContext context = new RunContext(null);
        for (boolean amsgrad : new boolean[] {false, true}) {
            Path saved = resource("/io/delaynet/io/checkpoint-v1-amsgrad-" + amsgrad);
            Path old = tmp.resolve("old-" + amsgrad);
            Files.createDirectories(old);
            Files.copy(saved.resolve("config.yaml"), old.resolve("config.yaml"));
            Files.copy(saved.resolve("checkpoint.bin"), old.resolve("checkpoint.bin"));
            RunSummary resumed = TrainingRun.resume(old, List.of("training.epochs=2"), context)
                    .execute(TrainingListener.NONE);
            Path straight = tmp.resolve("new-" + amsgrad);
            RunSummary today = TrainingRun.start(ResolvedConfig.resolve(saved.resolve("config.yaml"),
                    List.of("training.epochs=2")), straight, context).execute(TrainingListener.NONE);
            assertSameRun(straight, old, today, resumed);
        }
    }

    @Test
    void resumingWithAnotherOptimizerIsAOneLineError() throws Exception {
        RunContext context = new RunContext(null);
        Path run = tmp.resolve("adam");
        TrainingRun.start(config(null, List.of(), "training.epochs=1"), run, context).execute(TrainingListener.NONE);
        String before = Files.readString(run.resolve("config.yaml"));
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingRun.resume(run,
                List.of("training.epochs=2", "training.optimizer.type=sgd"), context).execute(TrainingListener.NONE));
        assertTrue(e.getMessage().contains("adam") && e.getMessage().contains("sgd")
                && e.getMessage().contains("training.optimizer"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        assertEquals(before, Files.readString(run.resolve("config.yaml")), "the folder is left as it was");
    }

    @Test
    void inSampleUpdatesWithAMethodThatCannotAreAOneLineErrorNamingIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config(null, List.of("training.update.every=steps", "training.update.steps=5"))
                        .build(new RunContext(null)));
        assertTrue(e.getMessage().contains("'delgrad'") && e.getMessage().contains("training.update.every"),
                e.getMessage());
    }

    private static void assertSameRun(Path a, Path b, RunSummary sa, RunSummary sb) throws Exception {
        assertEquals(sa.testAccuracy(), sb.testAccuracy());
        assertEquals(sa.validationAccuracy(), sb.validationAccuracy());
        assertEquals(sa.trainAccuracy(), sb.trainAccuracy());
        assertEquals(sa.testLoss(), sb.testLoss());
        assertEquals(withoutTimes(a.resolve("metrics.csv")), withoutTimes(b.resolve("metrics.csv")));
        Map<String, double[]> pa = ModelFile.read(a.resolve("model.json")).parameters();
        Map<String, double[]> pb = ModelFile.read(b.resolve("model.json")).parameters();
        assertEquals(pa.keySet(), pb.keySet());
        for (String name : pa.keySet()) {
            assertArrayEquals(pa.get(name), pb.get(name), 0.0, name);
        }
    }

    private static List<String> withoutTimes(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(line -> {
            String[] f = line.split(",");
            return String.join(",", f[0], f[1], f[2], f[3], f[4], f[7]);
        }).toList();
    }

    private static Path resource(String name) {
        try {
            return Path.of(OptimizerResumeTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
