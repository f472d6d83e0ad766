package io.delaynet.data.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImageResamplingTest {

    private static MnistData.ImageSet oneImage(int side, java.util.function.IntBinaryOperator pixel) {
        byte[] p = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                p[y * side + x] = (byte) pixel.applyAsInt(x, y);
            }
        }
        return new MnistData.ImageSet(p, new byte[] {7}, 1, side * side);
    }

    @Test
    void aUniformImageStaysUniform() {
        MnistData.ImageSet out = ImageResampling.centerCropResize(oneImage(28, (x, y) -> 200), 28, 24, 16);
        assertEquals(256, out.imageSize());
        for (int i = 0; i < 256; i++) {
            assertEquals(200, out.pixel(0, i));
        }
        assertEquals(7, out.label(0));
    }

    @Test
    void theCropDropsTheBorderAndTheFilterAveragesNeighbours() {
        // a bright frame two pixels wide lies entirely outside the centre 24x24 crop
        MnistData.ImageSet frame = oneImage(28, (x, y) -> x < 2 || y < 2 || x >= 26 || y >= 26 ? 255 : 0);
        MnistData.ImageSet out = ImageResampling.centerCropResize(frame, 28, 24, 16);
        for (int i = 0; i < 256; i++) {
            assertEquals(0, out.pixel(0, i));
        }
        // one bright crop column (x = 2 of the image, the crop's first) reaches output column 0 only:
        // Pillow's triangle filter for output 0 (centre 0.75, support 1.5) spans crop columns 0 and 1
        // with weights 0.833 and 0.5 before normalisation, so column 0 gets 0.625 * 255 = 159.4 -> 159
        MnistData.ImageSet line = oneImage(28, (x, y) -> x == 2 ? 255 : 0);
        MnistData.ImageSet resized = ImageResampling.centerCropResize(line, 28, 24, 16);
        assertEquals(159, resized.pixel(0, 5 * 16));
        assertEquals(0, resized.pixel(0, 5 * 16 + 1));
    }
}
