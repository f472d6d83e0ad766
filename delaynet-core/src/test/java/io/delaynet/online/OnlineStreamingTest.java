package io.delaynet.online;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.train.OptimizerSettings;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.SampleResult;
import io.delaynet.train.Split;
import io.delaynet.train.StepSchedule;
import io.delaynet.train.StreamingLearner.UpdateHook;
import io.delaynet.train.Trainer;
import io.delaynet.train.TrainingListener;
import io.delaynet.train.TrainingOptions;
import io.delaynet.train.UpdateSchedule;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code online.stream}: recordings played one after another with the state never reset are one
 * long unsegmented input. Two segments of T steps learnt as a stream, updating every k steps, give
 * bit for bit the parameters of one sequence of 2 T steps (the loss of a segment is its mean over T
 * steps, so the long sequence's errors are half as large and it steps at twice the rate); learnt
 * from rest instead, they do not.
 */
class OnlineStreamingTest {
    private static final int INPUTS = 7;
    private static final int CLASSES = 3;
    private static final int STEPS = 40;
    private static final int EVERY = 8;
    private static final double RATE = 0.01;

    @ParameterizedTest(name = "{0} read-out, recurrent {1}")
    @CsvSource({"leaky_integrator, false", "spiking, false", "leaky_integrator, true", "spiking, true"})
    void aStreamOfTwoRecordingsIsOneSequenceOfTwiceTheLength(String readout, boolean recurrent) {
        String yaml = OnlineFixtures.small(6, recurrent, "synaptic", "linear", 0.05, "readout: {model: " + readout + "}",
                "online: {feedback: symmetric}");
        OnlineNetwork stream = OnlineFixtures.network(yaml, INPUTS, CLASSES, STEPS);
        OnlineNetwork fromRest = OnlineFixtures.network(yaml, INPUTS, CLASSES, STEPS);
        OnlineNetwork whole = OnlineFixtures.network(yaml, INPUTS, CLASSES, 2 * STEPS);
        List<ParameterGroup> groups = stream.network().parameters();
        for (int g = 0; g < groups.size(); g++) {
            assertArrayEquals(groups.get(g).values(), whole.network().parameters().get(g).values(), 0.0);
        }
        RandomSpikes samples = new RandomSpikes(INPUTS, CLASSES, 2, 3, 0.15);
        SpikeEvents a = new SpikeEvents(STEPS);
        SpikeEvents b = new SpikeEvents(STEPS);
        samples.encode(Split.TRAIN, 0, a);
        samples.encode(Split.TRAIN, 1, b);
        SpikeEvents both = concatenate(a, b);
        int label = samples.label(Split.TRAIN, 0);

        OnlineWorkspace ws = stream.newWorkspace();
        UpdateHook step = sgd(stream, ws, RATE);
        SampleResult first = stream.run(a, label, ws, true, EVERY, step, false);
        SampleResult second = stream.run(b, label, ws, true, EVERY, step, true);
        OnlineWorkspace wl = whole.newWorkspace();
        SampleResult all = whole.run(both, label, wl, true, EVERY, sgd(whole, wl, 2 * RATE), false);
        OnlineWorkspace wr = fromRest.newWorkspace();
        UpdateHook restStep = sgd(fromRest, wr, RATE);
        fromRest.run(a, label, wr, true, EVERY, restStep, false);
        fromRest.run(b, label, wr, true, EVERY, restStep, false);

        assertEquals(all.loss(), (first.loss() + second.loss()) / 2, 1e-12 * all.loss());
        boolean restDiffers = false;
        for (int g = 0; g < groups.size(); g++) {
            double[] streamed = groups.get(g).values();
            assertArrayEquals(whole.network().parameters().get(g).values(), streamed, 0.0, groups.get(g).name());
            assertFalse(Arrays.equals(streamed, initial(yaml).get(g).values()), groups.get(g).name() + " must learn");
            restDiffers |= !Arrays.equals(streamed, fromRest.network().parameters().get(g).values());
        }
        assertTrue(restDiffers, "starting the second recording from rest must change what is learnt");
    }

    @Test
    void theTrainerStreamsTheEpochThroughOneWorkspaceWhateverTheThreads() {
        double[][] one = train(true, 1);
        double[][] three = train(true, 3);
        double[][] segmented = train(false, 1);
        boolean differs = false;
        for (int g = 0; g < one.length; g++) {
            assertArrayEquals(one[g], three[g], 0.0, "group " + g);
            differs |= !Arrays.equals(one[g], segmented[g]);
        }
        assertTrue(differs, "a stream must learn otherwise than recordings from rest");
    }

    @Test
    void theLearnerCarriesTheStreamOnUntilAnEvaluationEndsIt() {
        String yaml = OnlineFixtures.small(6, false, "synaptic", "linear", 0.05, "", "online: {feedback: symmetric}");
        RandomSpikes samples = new RandomSpikes(INPUTS, CLASSES, 3, 3, 0.15);
        OnlineLearner stream = new OnlineLearner(OnlineFixtures.network(yaml, INPUTS, CLASSES, STEPS), samples, true);
        OnlineLearner segmented = new OnlineLearner(OnlineFixtures.network(yaml, INPUTS, CLASSES, STEPS), samples);
        OnlineWorkspace ws = stream.newWorkspace();
        OnlineWorkspace wr = segmented.newWorkspace();
        // the first recording starts from rest either way
        assertEquals(segmented.learn(0, wr).loss(), stream.learn(0, ws).loss(), 0.0);
        assertTrue(segmented.learn(1, wr).loss() != stream.learn(1, ws).loss(), "the second carries on");
        stream.evaluate(Split.VALIDATION, 0, ws);
        segmented.evaluate(Split.VALIDATION, 0, wr);
        assertEquals(segmented.learn(2, wr).loss(), stream.learn(2, ws).loss(), 0.0, "after an evaluation: from rest");
    }

    @Test
    void aStreamNeedsSequentialUpdatesAndTheOnlineRule() {
        for (String wrong : new String[] {"online: {stream: true}\ntraining: {update: {every: batch}}",
                "online: {stream: true, gradient: bptt}\ntraining: {update: {every: sample}}"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> OnlineMethod.check(OnlineFixtures.config(wrong)),
                    wrong);
            assertTrue(e.getMessage().contains("set training.update.every to steps or sample"), e.getMessage());
            assertEquals(-1, e.getMessage().indexOf('\n'), "one line: " + e.getMessage());
        }
        OnlineMethod.check(OnlineFixtures.config("online: {stream: true}\ntraining: {update: {every: steps, steps: 10}}"));
        OnlineMethod.check(OnlineFixtures.config("online: {stream: true}\ntraining: {update: {every: sample}}"));
        assertFalse(OnlineFixtures.config("").online().stream(), "one sequence per recording unless asked");
    }

    private static double[][] train(boolean stream, int threads) {
        String yaml = OnlineFixtures.small(8, true, "synaptic", "linear", 0.05, "readout: {model: spiking}",
                "online: {feedback: symmetric}");
        OnlineLearner learner = new OnlineLearner(OnlineFixtures.network(yaml, 6, 3, STEPS),
                new RandomSpikes(6, 3, 12, 2, 0.15), stream);
        TrainingOptions options = new TrainingOptions(2, 4, 5, threads, Map.of("weights", 0.01, "delays", 0.1),
                StepSchedule.NONE, OptimizerSettings.adam(false), new UpdateSchedule.EverySteps(10),
                Double.POSITIVE_INFINITY);
        try (Trainer<OnlineWorkspace> trainer = new Trainer<>(learner, options)) {
            trainer.fit(0, TrainingListener.NONE);
        }
        return learner.parameters().stream().map(g -> g.values().clone()).toArray(double[][]::new);
    }

    private static List<ParameterGroup> initial(String yaml) {
        return OnlineFixtures.network(yaml, INPUTS, CLASSES, STEPS).network().parameters();
    }

    /** Plain gradient descent inside the sequence, as the trainer's hook does it: step, clamp, re-tabulate, zero. */
    private static UpdateHook sgd(OnlineNetwork net, OnlineWorkspace ws, double rate) {
        return () -> {
            List<ParameterGroup> groups = net.network().parameters();
            for (int g = 0; g < groups.size(); g++) {
                double[] gradient = ws.gradients()[g];
                if (groups.get(g).trainable()) {
                    double[] v = groups.get(g).values();
                    for (int i = 0; i < v.length; i++) {
                        v[i] -= rate * gradient[i];
                    }
                }
                Arrays.fill(gradient, 0.0);
            }
            net.network().clampDelays();
            net.refresh();
        };
    }

    private static SpikeEvents concatenate(SpikeEvents a, SpikeEvents b) {
        SpikeEvents out = new SpikeEvents(a.steps() + b.steps());
        for (SpikeEvents part : new SpikeEvents[] {a, b}) {
            int offset = part == a ? 0 : a.steps();
            for (int t = 0; t < part.steps(); t++) {
                for (int k = part.from(t); k < part.to(t); k++) {
                    out.add(offset + t, part.neuron(k), part.value(k));
                }
            }
        }
        out.finish();
        return out;
    }
}
