package io.delaynet.cli.audio;

import io.delaynet.cli.DataDirOption;
import io.delaynet.data.CacheDirectory;
import io.delaynet.data.audio.CochleaSettings;
import io.delaynet.data.audio.EncodedDataset;
import io.delaynet.data.audio.EncodingCache;
import io.delaynet.data.audio.FsddDataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every audio command shares: where the recordings are, the cache, the front end, threads. */
final class FsddOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Where encoded sets are kept (default: $DELAYNET_CACHE, else ~/.cache/delaynet).")
    Path cacheDir;

    @Option(names = "--channels", paramLabel = "N", description = "Cochlea channels (default: ${DEFAULT-VALUE}).",
            defaultValue = "64")
    int channels;

    @Option(names = "--threads", paramLabel = "N", description = "Encoding threads (default: all cores).")
    Integer threads;

    /** Checks the options that need no files, so a typo fails before any work starts. */
    void validate() {
        settings();
        threadCount();
    }

    CochleaSettings settings() {
        if (channels < 1 || channels > 65536) {
            throw new ParameterException(spec.commandLine(), "--channels must be between 1 and 65536, got " + channels);
        }
        return CochleaSettings.DEFAULT.withChannels(channels);
    }

    int threadCount() {
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    FsddDataset dataset() {
        return FsddDataset.inDataRoot(data.require());
    }

    /** Loads or encodes the whole set, with progress and cache notices as plain lines on stderr. */
    EncodedDataset encode(FsddDataset dataset, PrintWriter err) {
        EncodingCache cache = new EncodingCache(CacheDirectory.resolve(Optional.ofNullable(cacheDir)), threadCount(),
                notice -> {
                    err.println("delaynet: " + notice);
                    err.flush();
                });
        return cache.load(dataset, settings(), new ProgressLines(err, "encoding"));
    }

    Path cacheDirectory() {
        return CacheDirectory.resolve(Optional.ofNullable(cacheDir));
    }
}
