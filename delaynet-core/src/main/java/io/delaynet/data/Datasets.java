package io.delaynet.data;

import io.delaynet.config.ConfigException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The registry of data sets: the one place a new data set is named. It knows no engine; each
 * method asks for a data set by name and says which {@link Dataset.Kind}s it accepts.
 */
public final class Datasets {
    private static final List<Dataset> ALL = List.of(
            new Dataset("yinyang", Dataset.Kind.FEATURES, 3, "",
                    "Yin-Yang (Kriener et al.): 2-d points in three regions, regenerated bit-exactly; no files needed"),
            new Dataset("mnist", Dataset.Kind.IMAGES, 10, "mnist",
                    "MNIST handwritten digits, idx files (gzip or raw), 60k train / 10k test"),
            new Dataset("fashion-mnist", Dataset.Kind.IMAGES, 10, "fashion-mnist",
                    "Fashion-MNIST, same layout as MNIST"),
            new Dataset("fsdd", Dataset.Kind.SPIKE_EVENTS, 10, "fsdd/recordings",
                    "Free Spoken Digit Dataset WAV files through the cochlea front end into spikes (SHD layout)"),
            new Dataset("shd", Dataset.Kind.SPIKE_EVENTS, 20, "shd",
                    "Spiking Heidelberg Digits HDF5 files (shd_train.h5, shd_test.h5), when you have them"));

    private Datasets() {
    }

    public static List<Dataset> all() {
        return ALL;
    }

    /** The data set of that name, if it is of one of the {@code accepted} kinds. */
    public static Dataset byName(String name, String key, List<Dataset.Kind> accepted) {
        List<Dataset> usable = ALL.stream().filter(d -> accepted.contains(d.kind())).toList();
        for (Dataset d : usable) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new ConfigException(key + ": unknown data set '" + name + "' for this method; use one of: "
                + usable.stream().map(Dataset::name).collect(Collectors.joining(", ")));
    }
}
