package io.delaynet.data.audio;

import java.util.Arrays;

/**
 * Binned spikes in compressed-row form: for each time step, the channels that spiked in it (ascending)
 * and how often. A time-stepped engine then touches only the synapses of active inputs, which for
 * audio spikes is a few percent of the dense [T][channels] grid. Immutable.
 */
public final class SparseSpikeRaster {
    private final int steps;
    private final int channels;
    private final int[] rowStart;
    private final int[] channel;
    private final int[] count;

    private SparseSpikeRaster(int steps, int channels, int[] rowStart, int[] channel, int[] count) {
        this.steps = steps;
        this.channels = channels;
        this.rowStart = rowStart;
        this.channel = channel;
        this.count = count;
    }

    static SparseSpikeRaster of(SpikeEvents events, double dt, int steps, int pool) {
        int pooled = SpikeBinning.pooledChannels(events.unitCount(), pool);
        // Events are in time order, so each step's cells arrive together; within a step, gather per channel.
        int[] rowStart = new int[steps + 1];
        int[] channel = new int[events.size()];
        int[] count = new int[events.size()];
        int[] cellOfChannel = new int[pooled];
        Arrays.fill(cellOfChannel, -1);
        int cells = 0;
        int currentStep = 0;
        int stepCellStart = 0;
        for (int i = 0; i < events.size(); i++) {
            int s = SpikeBinning.step(events.time(i), dt);
            if (s >= steps) {
                break;
            }
            if (s != currentStep) {
                sortRow(channel, count, stepCellStart, cells, cellOfChannel);
                for (int k = currentStep + 1; k <= s; k++) {
                    rowStart[k] = cells;
                }
                currentStep = s;
                stepCellStart = cells;
            }
            int c = events.unit(i) / pool;
            if (cellOfChannel[c] < 0) {
                cellOfChannel[c] = cells;
                channel[cells] = c;
                cells++;
            }
            count[cellOfChannel[c]]++;
        }
        sortRow(channel, count, stepCellStart, cells, cellOfChannel);
        for (int k = currentStep + 1; k <= steps; k++) {
            rowStart[k] = cells;
        }
        return new SparseSpikeRaster(steps, pooled, rowStart, Arrays.copyOf(channel, cells), Arrays.copyOf(count, cells));
    }

    /** Orders one row's cells by channel (insertion sort: rows are short) and clears the channel lookup. */
    private static void sortRow(int[] channel, int[] count, int from, int to, int[] cellOfChannel) {
        for (int i = from + 1; i < to; i++) {
            int c = channel[i];
            int n = count[i];
            int j = i - 1;
            while (j >= from && channel[j] > c) {
                channel[j + 1] = channel[j];
                count[j + 1] = count[j];
                j--;
            }
            channel[j + 1] = c;
            count[j + 1] = n;
        }
        for (int i = from; i < to; i++) {
            cellOfChannel[channel[i]] = -1;
        }
    }

    public int steps() {
        return steps;
    }

    public int channels() {
        return channels;
    }

    /** Number of non-empty (step, channel) cells. */
    public int cells() {
        return channel.length;
    }

    /** Index of the first cell of {@code step}; cells of a step are [rowStart(step), rowStart(step + 1)). */
    public int rowStart(int step) {
        return rowStart[step];
    }

    public int channel(int cell) {
        return channel[cell];
    }

    public int count(int cell) {
        return count[cell];
    }

    /** The dense equivalent, [step][channel] counts. */
    public float[][] toDense() {
        float[][] out = new float[steps][channels];
        for (int s = 0; s < steps; s++) {
            for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
                out[s][channel[k]] = count[k];
            }
        }
        return out;
    }
}
