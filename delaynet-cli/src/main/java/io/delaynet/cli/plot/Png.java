package io.delaynet.cli.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.IChart;

/** Writes XChart charts as PNG files under exactly the name given (XChart's own save appends ".png"). */
public final class Png {
    private Png() {
    }

    public static Path write(IChart chart, Path file) {
        return write(List.of(chart), 1, 1, file);
    }

    /** Several charts on one image, row by row in a rows × columns grid. */
    public static Path write(List<? extends IChart> charts, int rows, int columns, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (OutputStream out = Files.newOutputStream(file)) {
                BitmapEncoder.saveBitmap(charts, rows, columns, out, BitmapEncoder.BitmapFormat.PNG);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
