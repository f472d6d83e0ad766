package io.delaynet.stepped;

import static io.delaynet.inspect.LayerSpikes.layerName;

import io.delaynet.inspect.DelayDistribution;
import io.delaynet.stepped.network.Layer;
import io.delaynet.stepped.network.Projection;
import io.delaynet.stepped.network.SteppedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The learned delays of a time-stepped network, for the report's histograms: every projection
 * whose delays are trained, the recurrent ones (a layer back onto itself) as well as the
 * feed-forward ones, in layer order. Shared by the time-stepped and the online method, which run
 * the same networks.
 */
public final class LearnedDelays {
    private LearnedDelays() {
    }

    public static List<DelayDistribution> of(SteppedNetwork network) {
        List<DelayDistribution> out = new ArrayList<>();
        int layers = network.layerCount();
        for (int l = 0; l < layers; l++) {
            Layer layer = network.layer(l);
            Projection p = layer.input();
            add(out, p, layerName(l, layers) + " (" + p.pre() + ") → " + layerName(l + 1, layers) + " (" + p.post()
                    + "), " + p.kind().name().toLowerCase(Locale.ROOT));
            if (layer.isRecurrent()) {
                Projection r = layer.recurrent();
                add(out, r, layerName(l + 1, layers) + " (" + r.pre() + ") → itself, recurrent "
                        + r.kind().name().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Adds the projection's delays if it has any and trains them (frozen or absent delays have nothing to show). */
    private static void add(List<DelayDistribution> out, Projection p, String description) {
        if (p.delays() == null || !p.delays().trainable()) {
            return;
        }
        out.add(new DelayDistribution(p.delays().name(), description, p.delays().values(), p.bounds().min(),
                p.bounds().max(), SteppedInspection.TIME_UNIT));
    }
}
