package io.delaynet.model;

/**
 * How the synapses of a {@link Connection} are laid out. {@link Dense} is all-to-all with one
 * weight per synapse (every connection before convolutions existed). The spatial kinds see the
 * neurons of both populations as channel-major images, neuron {@code (c * height + y) * width + x}
 * (NIR's and PyTorch's CHW order), and share weights across positions:
 * <ul>
 *   <li>{@link Conv2d}: a {@code kernel x kernel} convolution (cross-correlation, as
 *       {@code torch.nn.Conv2d} and NIR {@code Conv2d}) with stride 1 and no padding ("valid"),
 *       weights {@code w[((o * inChannels + c) * kernel + ky) * kernel + kx]}, no bias;</li>
 *   <li>{@link SumPool2d}: non-overlapping {@code size x size} windows per channel summed, as NIR's
 *       {@code SumPool2d}, times one fixed weight (weights has that single value; 1 is a plain sum,
 *       {@code 1 / size^2} an average).</li>
 * </ul>
 * Spatial connections carry no delays (delay kind none).
 */
public sealed interface Topology {

    /** Number of weight values a connection of this layout between {@code pre} and {@code post} neurons holds. */
    int weightCount(int pre, int post);

    /** Checks that the populations' sizes fit the layout; the message names the connection. */
    void check(String connection, int pre, int post);

    /** A name for files and messages: dense, conv2d or sum_pool2d. */
    String type();

    /** All-to-all: weights post-major, one per synapse. */
    record Dense() implements Topology {
        public static final Dense INSTANCE = new Dense();

        @Override
        public int weightCount(int pre, int post) {
            return pre * post;
        }

        @Override
        public void check(String connection, int pre, int post) {
        }

        @Override
        public String type() {
            return "dense";
        }
    }

    /** Valid, stride-1 convolution of an {@code inChannels x height x width} image. */
    record Conv2d(int inChannels, int height, int width, int outChannels, int kernel) implements Topology {
        public Conv2d {
            if (inChannels < 1 || outChannels < 1 || kernel < 1) {
                throw new IllegalArgumentException("a convolution needs >= 1 input and output channels and a kernel "
                        + ">= 1, got " + inChannels + ", " + outChannels + " and " + kernel);
            }
            if (height < kernel || width < kernel) {
                throw new IllegalArgumentException("a " + kernel + "x" + kernel + " convolution needs an image at least "
                        + "that large, got " + height + "x" + width);
            }
        }

        public int outHeight() {
            return height - kernel + 1;
        }

        public int outWidth() {
            return width - kernel + 1;
        }

        @Override
        public int weightCount(int pre, int post) {
            return outChannels * inChannels * kernel * kernel;
        }

        @Override
        public void check(String connection, int pre, int post) {
            if (pre != inChannels * height * width || post != outChannels * outHeight() * outWidth()) {
                throw new IllegalArgumentException(connection + ": a " + kernel + "x" + kernel + " convolution of "
                        + inChannels + "x" + height + "x" + width + " into " + outChannels + " channels connects "
                        + inChannels * height * width + " to " + outChannels * outHeight() * outWidth()
                        + " neurons, not " + pre + " to " + post);
            }
        }

        @Override
        public String type() {
            return "conv2d";
        }
    }

    /** Sum over non-overlapping {@code size x size} windows of a {@code channels x height x width} image. */
    record SumPool2d(int channels, int height, int width, int size) implements Topology {
        public SumPool2d {
            if (channels < 1 || size < 1) {
                throw new IllegalArgumentException("pooling needs >= 1 channel and a size >= 1, got " + channels
                        + " and " + size);
            }
            if (height % size != 0 || width % size != 0) {
                throw new IllegalArgumentException(size + "x" + size + " pooling needs an image whose sides are "
                        + "multiples of " + size + ", got " + height + "x" + width);
            }
        }

        public int outHeight() {
            return height / size;
        }

        public int outWidth() {
            return width / size;
        }

        @Override
        public int weightCount(int pre, int post) {
            return 1;
        }

        @Override
        public void check(String connection, int pre, int post) {
            if (pre != channels * height * width || post != channels * outHeight() * outWidth()) {
                throw new IllegalArgumentException(connection + ": " + size + "x" + size + " pooling of " + channels
                        + "x" + height + "x" + width + " connects " + channels * height * width + " to "
                        + channels * outHeight() * outWidth() + " neurons, not " + pre + " to " + post);
            }
        }

        @Override
        public String type() {
            return "sum_pool2d";
        }
    }
}
