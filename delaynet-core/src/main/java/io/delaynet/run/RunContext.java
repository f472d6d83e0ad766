package io.delaynet.run;

import java.nio.file.Path;

/**
 * Where a run finds its inputs.
 *
 * @param dataDir the directory holding the data sets ({@code mnist/}, {@code fashion-mnist/},
 *                {@code fsdd/}, {@code yin-yang/}); null when none is needed or known
 */
public record RunContext(Path dataDir) {
}
