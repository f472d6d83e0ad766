package io.delaynet.data.shd;

import io.jhdf.filter.Filter;

/**
 * HDF5's byte-shuffle filter (id 2), tolerant of the way variable-length datasets record it.
 *
 * <p>Shuffle stores byte 0 of every element, then byte 1 of every element, and so on, with the
 * element size as its one parameter. For variable-length data (SHD's spike rows) the library writes
 * the filter with no parameter and skips shuffling, because the chunk holds heap references whose
 * "element" is not a number. jHDF 0.13.0's own filter reads the missing parameter anyway and fails
 * with an index error. This one treats "no parameter, or an element of 1 byte" as "nothing to undo",
 * and otherwise unshuffles as usual; trailing bytes that do not fill a whole element were never
 * shuffled and are copied as they are.
 */
final class LenientShuffleFilter implements Filter {
    static final int SHUFFLE_ID = 2;

    @Override
    public int getId() {
        return SHUFFLE_ID;
    }

    @Override
    public String getName() {
        return "shuffle";
    }

    @Override
    public byte[] decode(byte[] shuffled, int[] parameters) {
        if (parameters == null || parameters.length == 0 || parameters[0] <= 1) {
            return shuffled;
        }
        int elementSize = parameters[0];
        int elements = shuffled.length / elementSize;
        byte[] out = new byte[shuffled.length];
        int from = 0;
        for (int b = 0; b < elementSize; b++) {
            for (int e = 0; e < elements; e++) {
                out[e * elementSize + b] = shuffled[from++];
            }
        }
        System.arraycopy(shuffled, from, out, from, shuffled.length - from);
        return out;
    }
}
