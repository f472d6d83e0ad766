package io.delaynet.data.shd;

import io.delaynet.data.DataFormatException;
import io.delaynet.data.DataNotFoundException;
import io.delaynet.data.audio.SpikeEvents;
import io.delaynet.data.audio.SpikeSample;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.filter.FilterManager;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads spike data sets in the layout of the Spiking Heidelberg Digits and Spiking Speech Commands
 * (Cramer et al. 2020): {@code /spikes/times} and {@code /spikes/units} hold one variable-length row
 * per sample, {@code /labels} the class, {@code /extra/speaker} the speaker and {@code /extra/keys}
 * the class names. Times are seconds; both float32 and float16 files are read.
 */
public final class ShdReader {
    /** Channels of the SHD and SSC cochlea model. */
    public static final int SHD_UNITS = 700;
    private static final String FIX = "download the file again, or check that it is an SHD/SSC file";

    static {
        // jHDF keeps one filter table per JVM; replacing its shuffle filter is what makes
        // shuffled variable-length files readable (see LenientShuffleFilter).
        FilterManager.addFilter(new LenientShuffleFilter());
    }

    private ShdReader() {
    }

    /** Reads {@code file} with SHD's 700 input channels. */
    public static ShdDataset read(Path file) {
        return read(file, SHD_UNITS);
    }

    /**
     * Reads every sample of {@code file}.
     *
     * @param unitCount number of input channels; a unit at or above it is reported as a format error
     * @throws DataFormatException   when the file is not HDF5, is damaged, or lacks the SHD datasets
     * @throws DataNotFoundException when the file does not exist
     */
    public static ShdDataset read(Path file, int unitCount) {
        if (!Files.isRegularFile(file)) {
            throw new DataNotFoundException(file + ": no such file", "check the path to the .h5 file");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            Object[] times = rows(hdf, file, "/spikes/times");
            Object[] units = rows(hdf, file, "/spikes/units");
            int[] labels = ints(read(hdf, file, "/labels", true), file, "/labels");
            Object speakerData = read(hdf, file, "/extra/speaker", false);
            int[] speakers = speakerData == null ? null : ints(speakerData, file, "/extra/speaker");
            Object keyData = read(hdf, file, "/extra/keys", false);
            List<String> keys = keyData instanceof String[] names ? List.of(names) : List.of();
            if (units.length != times.length || labels.length != times.length
                    || (speakers != null && speakers.length != times.length)) {
                throw new DataFormatException(file + ": has " + times.length + " time rows, " + units.length
                        + " unit rows and " + labels.length + " labels; they must match", FIX);
            }
            List<SpikeSample> samples = new ArrayList<>(times.length);
            for (int i = 0; i < times.length; i++) {
                String speaker = speakers == null ? "unknown" : Integer.toString(speakers[i]);
                samples.add(new SpikeSample(Integer.toString(i), labels[i], speaker,
                        events(times[i], units[i], unitCount, file, i)));
            }
            return new ShdDataset(samples, unitCount, keys);
        } catch (DataFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // jHDF reports damage in many ways (HdfException, buffer underflows, index errors).
            throw new DataFormatException(file + ": is not a readable HDF5 file (" + oneLine(e) + ")", FIX, e);
        }
    }

    private static SpikeEvents events(Object timeRow, Object unitRow, int unitCount, Path file, int row) {
        float[] t = floats(timeRow, file, "/spikes/times");
        int[] u = ints(unitRow, file, "/spikes/units");
        if (t.length != u.length) {
            throw new DataFormatException(file + ": sample " + row + " has " + t.length + " times but " + u.length
                    + " units", FIX);
        }
        float end = 0;
        for (int k = 0; k < t.length; k++) {
            if (u[k] < 0 || u[k] >= unitCount) {
                throw new DataFormatException(file + ": sample " + row + " has unit " + u[k] + ", outside [0, "
                        + unitCount + ")", "pass the file's channel count (SHD and SSC have " + SHD_UNITS + ")");
            }
            if (!(t[k] >= 0) || Float.isInfinite(t[k])) {
                throw new DataFormatException(file + ": sample " + row + " has spike time " + t[k], FIX);
            }
            end = Math.max(end, t[k]);
        }
        // SHD stores no sample length; the last spike is the best stand-in.
        return SpikeEvents.of(t, u, unitCount, end);
    }

    private static Object[] rows(HdfFile hdf, Path file, String path) {
        Object data = read(hdf, file, path, true);
        if (!(data instanceof Object[] rows)) {
            throw new DataFormatException(file + ": " + path + " is not a variable-length dataset", FIX);
        }
        return rows;
    }

    private static Object read(HdfFile hdf, Path file, String path, boolean required) {
        Node node;
        try {
            node = hdf.getByPath(path);
        } catch (io.jhdf.exceptions.HdfInvalidPathException e) {
            node = null;
        }
        if (node instanceof Dataset d) {
            return d.getData();
        }
        if (required) {
            throw new DataFormatException(file + ": has no " + path + " dataset", FIX);
        }
        return null;
    }

    /** Any 1-D integer array jHDF returns (byte, short, int, long; unsigned types come widened). */
    private static int[] ints(Object data, Path file, String path) {
        if (data instanceof int[] a) {
            return a;
        }
        if (data != null && data.getClass().isArray() && !(data instanceof float[]) && !(data instanceof double[])
                && data.getClass().getComponentType().isPrimitive()) {
            int[] out = new int[Array.getLength(data)];
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.toIntExact(((Number) Array.get(data, i)).longValue());
            }
            return out;
        }
        throw new DataFormatException(file + ": " + path + " does not hold integers", FIX);
    }

    private static float[] floats(Object data, Path file, String path) {
        if (data instanceof float[] a) {
            return a;
        }
        if (data instanceof double[] a) {
            float[] out = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = (float) a[i];
            }
            return out;
        }
        throw new DataFormatException(file + ": " + path + " does not hold floating-point times", FIX);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
