package io.delaynet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.train.Adam;
import io.delaynet.train.EpochMetrics;
import io.delaynet.train.Optimizer;
import io.delaynet.train.OptimizerSettings;
import io.delaynet.train.OptimizerState;
import io.delaynet.train.ParameterGroup;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint stores any optimizer's state generically and gives it back bit for bit; files of
 * the first format (DNCKPT01, written by the code before the optimizer seam: two real run folders
 * of one DelGrad epoch, with and without AMSGrad) still read, as Adam state.
 */
class CheckpointTest {
    @TempDir
    Path dir;

    private static List<ParameterGroup> groups() {
        SplittableRandom r = new SplittableRandom(2);
        return List.of(new ParameterGroup("layer1.weights", r.doubles(12).toArray(), "weights", true),
                new ParameterGroup("layer1.frozen", r.doubles(4).toArray(), "weights", false),
                new ParameterGroup("layer1.delays", r.doubles(5).toArray(), "delays", true));
    }

    static Path resource(String name) {
        try {
            return Path.of(CheckpointTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyOptimizersStateSurvivesTheFileBitForBit() throws Exception {
        for (OptimizerSettings settings : List.of(OptimizerSettings.adam(true),
                new OptimizerSettings(OptimizerSettings.Type.ADAMW, 0, 0.999, 1e-8, 0.01, false, 0, false),
                new OptimizerSettings(OptimizerSettings.Type.SGD, 0.9, 0.999, 1e-8, 0, false, 0.9, false),
                new OptimizerSettings(OptimizerSettings.Type.SGD, 0.9, 0.999, 1e-8, 0, false, 0, false))) {
            List<ParameterGroup> groups = groups();
            Optimizer optimizer = settings.create(groups);
            SplittableRandom r = new SplittableRandom(8);
            for (int s = 0; s < 3; s++) {
                optimizer.step(new double[][] {r.doubles(12).toArray(), new double[4], r.doubles(5).toArray()},
                        key -> 0.01);
            }
            EpochMetrics metrics = new EpochMetrics(0, 0.5, 0.25, 0.4, 0.3, 1.5, 0.5, 2);
            Path file = dir.resolve(settings.type().configName() + ".bin");
            Checkpoint.capture(1, groups, optimizer, Map.of("bump", new double[] {7}), List.of(metrics)).write(file);

            Checkpoint back = Checkpoint.read(file);
            OptimizerState saved = optimizer.state();
            assertEquals(saved.type(), back.optimizer().type());
            assertEquals(3, back.optimizer().steps());
            assertEquals(saved.buffers().keySet(), back.optimizer().buffers().keySet());
            for (String name : saved.buffers().keySet()) {
                double[][] want = saved.buffer(name);
                double[][] got = back.optimizer().buffer(name);
                assertEquals(want.length, got.length);
                for (int g = 0; g < want.length; g++) {
                    assertArrayEquals(want[g], got[g], 0.0, name + " of group " + g);
                }
            }
            assertArrayEquals(groups.get(0).values(), back.parameters().get("layer1.weights"), 0.0);
            assertArrayEquals(new double[] {7}, back.extra().get("bump"), 0.0);
            assertEquals(List.of(metrics), back.history());
            settings.create(groups()).restore(back.optimizer()); // and the state fits a fresh optimizer
        }
    }

    @Test
    void theFirstFormatStillReadsAsAdamState() {
        for (boolean amsgrad : new boolean[] {false, true}) {
            Checkpoint old = Checkpoint.read(resource("checkpoint-v1-amsgrad-" + amsgrad + "/checkpoint.bin"));
            assertEquals(1, old.nextEpoch());
            assertEquals("adam", old.optimizer().type());
            assertEquals(34, old.optimizer().steps(), "one epoch of Yin-Yang in batches of 150");
            assertEquals(amsgrad ? List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq") : List.of("exp_avg", "exp_avg_sq"),
                    List.copyOf(old.optimizer().buffers().keySet()));
            assertEquals(old.parameters().size(), old.optimizer().buffer("exp_avg").length, "a row per group");
            assertEquals(1, old.history().size());
            // written when the event-driven engine counted layers from 0; read under today's names
            assertEquals(List.of("layer1.weights", "layer1.delays", "layer2.weights", "layer2.delays"),
                    List.copyOf(old.parameters().keySet()));
            // the moments hold real numbers, and the parameter shapes match the moment shapes
            int g = 0;
            for (double[] values : old.parameters().values()) {
                assertEquals(values.length, old.optimizer().buffer("exp_avg_sq")[g++].length);
            }
            assertTrue(old.optimizer().buffer("exp_avg_sq")[0][0] > 0);
            Adam adam = Adam.withDefaults(List.copyOf(old.parameters().entrySet().stream()
                    .map(e -> new ParameterGroup(e.getKey(), e.getValue(), "weights", true)).toList()), amsgrad);
            adam.restore(old.optimizer());
            assertEquals(34, adam.steps());
        }
    }

    @Test
    void aDamagedFileIsRecognised() throws Exception {
        List<ParameterGroup> groups = groups();
        Path file = dir.resolve("c.bin");
        Checkpoint.capture(1, groups, Adam.withDefaults(groups, false), Map.of(), List.of()).write(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        ConfigException e = assertThrows(ConfigException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }
}
