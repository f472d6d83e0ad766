package io.delaynet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.delay.DelayKind;
import io.delaynet.delay.DelayParameterisation;
import io.delaynet.event.EventDescriptions;
import io.delaynet.event.EventNetwork;
import io.delaynet.event.EventTrace;
import io.delaynet.event.LifModel;
import io.delaynet.event.Projection;
import io.delaynet.io.Json;
import io.delaynet.stepped.delay.DelayInterpolation;
import io.delaynet.stepped.delay.Rounding;
import io.delaynet.stepped.network.Activity;
import io.delaynet.stepped.network.SpikeEvents;
import io.delaynet.stepped.network.SteppedDescriptions;
import io.delaynet.stepped.network.SteppedNetwork;
import io.delaynet.stepped.network.TestNetworks;
import io.delaynet.stepped.neuron.CubaLifParams;
import io.delaynet.stepped.neuron.LeakyIntegratorParams;
import io.delaynet.stepped.neuron.LifParams;
import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.neuron.SrmParams;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.stepped.surrogate.Surrogate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A network written as a description, through its JSON form, and built again computes exactly
 * what the original computed, for both engines and every neuron model, delay kind and delay
 * realisation; and writing the rebuilt network gives the same description again.
 */
class DescriptionRoundTripTest {
    private static final SpikeFunction SPIKE = new SpikeFunction.Threshold(new Surrogate.Exponential(1, 1));

    @Test
    void steppedNetworksRebuildExactly() {
        NeuronModel[] hidden = {new CubaLifParams(2.0, 5.0, 1.0, LifParams.Reset.SUBTRACT, true),
                new LifParams(6.0, 1.0, LifParams.Reset.ZERO, true), new SrmParams(1.0, 3.0, 1.0, 2.0, true)};
        DelayInterpolation[] forms = {new DelayInterpolation.IntegerShift(Rounding.FLOOR),
                new DelayInterpolation.IntegerShift(Rounding.ROUND), new DelayInterpolation.Linear(),
                new DelayInterpolation.Gaussian(0.7)};
        long seed = 1;
        int checked = 0;
        for (NeuronModel model : hidden) {
            for (DelayKind kind : DelayKind.values()) {
                for (DelayInterpolation form : forms) {
                    SteppedNetwork net = TestNetworks.recurrent(seed++, 16, new int[] {10, 8, 4}, model,
                            new LeakyIntegratorParams(4.0), kind, form, SPIKE, 1.2, 0.7, 3);
                    NetworkDescription d = SteppedDescriptions.describe(net, 0.001, "mean_output");
                    NetworkDescription read = throughJson(d);
                    SteppedNetwork rebuilt = SteppedDescriptions.build(read, options());
                    for (long s = 0; s < 3; s++) {
                        SpikeEvents input = TestNetworks.randomInput(seed * 10 + s, 16, 10, 0.25, false);
                        Activity a = net.newActivity();
                        Activity b = rebuilt.newActivity();
                        net.forward(input, a);
                        rebuilt.forward(input, b);
                        assertArrayEquals(a.spikes(0), b.spikes(0), model + " " + kind + " " + form);
                        assertArrayEquals(a.spikes(1), b.spikes(1));
                        checked++;
                    }
                    assertSameDescription(d, SteppedDescriptions.describe(rebuilt, 0.001, "mean_output"));
                }
            }
        }
        assertEquals(3 * 4 * 4 * 3, checked);
    }

    @Test
    void eventNetworksRebuildExactly() {
        SplittableRandom r = new SplittableRandom(5);
        for (LifModel model : new LifModel[] {new LifModel(2.0, 1.0), new LifModel(1.0, 1.0)}) {
            for (DelayKind kind : DelayKind.values()) {
                EventNetwork net = randomEventNetwork(r, model, kind);
                NetworkDescription d = EventDescriptions.describe(net, 0.001);
                EventNetwork rebuilt = EventDescriptions.build(throughJson(d));
                EventTrace ta = net.newTrace();
                EventTrace tb = rebuilt.newTrace();
                int spiking = 0;
                for (int s = 0; s < 20; s++) {
                    double[] input = new double[net.inputSize()];
                    for (int i = 0; i < input.length; i++) {
                        input[i] = 0.15 + 1.85 * r.nextDouble();
                    }
                    double[] a = net.forward(input, ta).clone();
                    double[] b = rebuilt.forward(input, tb).clone();
                    assertArrayEquals(a, b, model + " " + kind);
                    for (double t : a) {
                        spiking += Double.isFinite(t) ? 1 : 0;
                    }
                }
                assertTrue(spiking > 20, "outputs too silent to compare: " + spiking);
                assertSameDescription(d, EventDescriptions.describe(rebuilt, 0.001));
            }
        }
    }

    @Test
    void sharedEventDelaysAreExpandedPerElement() {
        List<Projection> layers = List.of(new Projection(0, 6, 3, new double[18], DelayKind.AXONAL,
                new DelayParameterisation.Sigmoid(2.0, 1.5), new double[] {-1, 0, 1}, 2, 1));
        NetworkDescription d = EventDescriptions.describe(new EventNetwork(new LifModel(1.0, 1.0), 6, layers), 0.001);
        double[] delays = d.connections().get(0).delays();
        assertEquals(6, delays.length);
        for (int i = 0; i < 3; i++) {
            assertEquals(delays[i], delays[i + 3], "tiled sharing: line i uses parameter i mod 3");
        }
        assertTrue(delays[0] > 2.0 && delays[0] < 3.5);
    }

    @Test
    void damagedDescriptionsNameTheField() {
        NetworkDescription d = SteppedDescriptions.describe(TestNetworks.recurrent(3, 8, new int[] {4, 3, 2},
                new CubaLifParams(2.0, 5.0, 1.0, LifParams.Reset.SUBTRACT, true), new LeakyIntegratorParams(4.0),
                DelayKind.SYNAPTIC, new DelayInterpolation.Linear(), SPIKE, 1.0, 0.5, 2), 0.001, "mean_output");
        String text = Json.write(DescriptionJson.toJson(d));
        ConfigException e = assertThrows(ConfigException.class,
                () -> DescriptionJson.fromJson(Json.parse(text.replace("\"cuba_lif\"", "\"izhikevich\"")), "f"));
        assertTrue(e.getMessage().contains("unknown neuron type 'izhikevich'"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> DescriptionJson.fromJson(Json.parse(text.replace("\"pre\" : 4", "\"pre\" : 5")), "f"));
        assertTrue(e.getMessage().startsWith("f: "), e.getMessage());
    }

    private static SteppedDescriptions.Options options() {
        return new SteppedDescriptions.Options(SPIKE, new io.delaynet.stepped.estimator.SurrogateGradient(SPIKE), true,
                false, false, io.delaynet.stepped.delay.DelayBounds.NON_NEGATIVE,
                new io.delaynet.stepped.delay.DelayBounds(1, Double.POSITIVE_INFINITY));
    }

    static NetworkDescription throughJson(NetworkDescription d) {
        return DescriptionJson.fromJson(Json.parse(Json.write(DescriptionJson.toJson(d))), "test");
    }

    static void assertSameDescription(NetworkDescription a, NetworkDescription b) {
        assertEquals(a.time(), b.time());
        assertEquals(a.window(), b.window());
        assertEquals(a.populations(), b.populations());
        assertEquals(a.connections().size(), b.connections().size());
        for (int c = 0; c < a.connections().size(); c++) {
            Connection x = a.connections().get(c);
            Connection y = b.connections().get(c);
            assertEquals(List.of(x.name(), x.from(), x.to(), x.pre(), x.post(), x.kind(), x.realisation(), x.recurrent()),
                    List.of(y.name(), y.from(), y.to(), y.pre(), y.post(), y.kind(), y.realisation(), y.recurrent()));
            assertArrayEquals(x.weights(), y.weights());
            assertArrayEquals(x.delays(), y.delays());
        }
    }

    private static EventNetwork randomEventNetwork(SplittableRandom r, LifModel model, DelayKind kind) {
        int[] sizes = {6, 7, 3};
        List<Projection> projections = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            double[] w = new double[sizes[l] * sizes[l + 1]];
            for (int k = 0; k < w.length; k++) {
                w[k] = 2.0 + 1.0 * r.nextGaussian();
            }
            double[] raw = new double[kind.count(sizes[l], sizes[l + 1])];
            for (int k = 0; k < raw.length; k++) {
                raw[k] = 0.5 * r.nextGaussian();
            }
            projections.add(new Projection(l, sizes[l], sizes[l + 1], w, kind, new DelayParameterisation.Sigmoid(0, 1),
                    kind == DelayKind.NONE ? null : raw, 1, 1));
        }
        return new EventNetwork(model, sizes[0], projections);
    }
}
