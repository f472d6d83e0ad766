package io.delaynet.data.yinyang;

/**
 * The Yin-Yang classification data set (Kriener, Göltz &amp; Petrovici), regenerated bit for bit
 * from its seed: rejection sampling in the unit square with a class drawn first, so the three
 * classes are balanced even though the dots cover a small area. Features are
 * (x, y, 1 - x, 1 - y); the mirrored pair lets networks without a bias learn.
 */
public final class YinYang {
    public static final double R_SMALL = 0.1;
    public static final double R_BIG = 0.5;
    /** Published split sizes and seeds. */
    public static final int TRAIN_SIZE = 5000;
    public static final int VALIDATION_SIZE = 1000;
    public static final int TEST_SIZE = 1000;
    public static final long TRAIN_SEED = 42;
    public static final long VALIDATION_SEED = 41;
    public static final long TEST_SEED = 40;

    private YinYang() {
    }

    /** One split: features [n][4] and labels [n] (0 = yang region, 1 = yin region, 2 = dots). */
    public record Split(double[][] features, int[] labels) {
        public int size() {
            return labels.length;
        }
    }

    public static Split train() {
        return generate(TRAIN_SIZE, TRAIN_SEED);
    }

    public static Split validation() {
        return generate(VALIDATION_SIZE, VALIDATION_SEED);
    }

    public static Split test() {
        return generate(TEST_SIZE, TEST_SEED);
    }

    /** Generates {@code size} samples exactly as the reference generator with {@code RandomState(seed)}. */
    public static Split generate(int size, long seed) {
        Mt19937 rng = new Mt19937(seed);
        double[][] features = new double[size][];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            int goal = rng.nextInt(3);
            while (true) {
                double x = rng.nextDouble() * 2.0 * R_BIG;
                double y = rng.nextDouble() * 2.0 * R_BIG;
                if (Math.sqrt((x - R_BIG) * (x - R_BIG) + (y - R_BIG) * (y - R_BIG)) > R_BIG) {
                    continue;
                }
                int c = classOf(x, y);
                if (c == goal) {
                    features[i] = new double[] {x, y, 1.0 - x, 1.0 - y};
                    labels[i] = c;
                    break;
                }
            }
        }
        return new Split(features, labels);
    }

    /** The reference class rule, comparisons copied exactly (&lt; versus &lt;=). */
    static int classOf(double x, double y) {
        double dRight = Math.sqrt((x - 1.5 * R_BIG) * (x - 1.5 * R_BIG) + (y - R_BIG) * (y - R_BIG));
        double dLeft = Math.sqrt((x - 0.5 * R_BIG) * (x - 0.5 * R_BIG) + (y - R_BIG) * (y - R_BIG));
        boolean criterion1 = dRight <= R_SMALL;
        boolean criterion2 = dLeft > R_SMALL && dLeft <= 0.5 * R_BIG;
        boolean criterion3 = y > R_BIG && dRight > 0.5 * R_BIG;
        boolean isYin = criterion1 || criterion2 || criterion3;
        boolean isCircles = dRight < R_SMALL || dLeft < R_SMALL;
        return isCircles ? 2 : isYin ? 1 : 0;
    }
}
