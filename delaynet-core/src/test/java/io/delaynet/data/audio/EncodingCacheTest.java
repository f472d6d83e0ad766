package io.delaynet.data.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodingCacheTest {
    @TempDir
    Path tmp;

    private final List<String> notices = new ArrayList<>();

    @Test
    void secondLoadReadsTheCacheAndGivesTheSameSamples() {
        FsddDataset ds = SharedData.synthetic(tmp.resolve("wav"), 2, new String[] {"ann", "bob"}, 2);
        EncodingCache cache = new EncodingCache(tmp.resolve("cache"), 2, notices::add);
        EncodedDataset first = cache.load(ds, CochleaSettings.DEFAULT, ProgressListener.SILENT);
        EncodedDataset second = cache.load(ds, CochleaSettings.DEFAULT, ProgressListener.SILENT);
        assertEquals(EncodedDataset.Origin.ENCODED, first.origin());
        assertEquals(EncodedDataset.Origin.CACHE, second.origin());
        assertEquals(first.samples(), second.samples());
        assertEquals(first.cacheFile(), second.cacheFile());
        assertTrue(notices.isEmpty(), notices.toString());
    }

    @Test
    void damagedCacheFileIsReportedAndRebuilt() throws IOException {
        FsddDataset ds = SharedData.synthetic(tmp.resolve("wav"), 2, new String[] {"ann"}, 2);
        EncodingCache cache = new EncodingCache(tmp.resolve("cache"), 1, notices::add);
        EncodedDataset first = cache.load(ds, CochleaSettings.DEFAULT, ProgressListener.SILENT);
        byte[] bytes = Files.readAllBytes(first.cacheFile());
        Files.write(first.cacheFile(), java.util.Arrays.copyOf(bytes, bytes.length - 100));
        EncodedDataset rebuilt = cache.load(ds, CochleaSettings.DEFAULT, ProgressListener.SILENT);
        assertEquals(EncodedDataset.Origin.REBUILT, rebuilt.origin());
        assertEquals(first.samples(), rebuilt.samples());
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains("rebuilding"), notices.get(0));
        assertEquals(EncodedDataset.Origin.CACHE, cache.load(ds, CochleaSettings.DEFAULT, ProgressListener.SILENT).origin());
        try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
            assertEquals(1, files.count(), "only the cache file, no temporary leftovers");
        }
    }

    @Test
    void unwritableCacheFolderStillGivesTheSamplesWithANotice() throws IOException {
        FsddDataset ds = SharedData.synthetic(tmp.resolve("wav"), 1, new String[] {"ann"}, 2);
        Path notAFolder = Files.writeString(tmp.resolve("file"), "occupied");
        EncodedDataset set = new EncodingCache(notAFolder.resolve("cache"), 1, notices::add)
                .load(ds, CochleaSettings.DEFAULT, ProgressListener.SILENT);
        assertEquals(2, set.samples().size());
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).startsWith("cannot write cache file"), notices.get(0));
    }

    @Test
    void keyFollowsSettingsFileContentsAndFileList() {
        Path wav = tmp.resolve("wav");
        FsddDataset ds = SharedData.synthetic(wav, 2, new String[] {"ann"}, 2);
        InputKey base = InputKey.of(CochleaSettings.DEFAULT, ds.recordings());
        assertEquals(base, InputKey.of(CochleaSettings.DEFAULT, ds.recordings()));
        assertNotEquals(base, InputKey.of(CochleaSettings.DEFAULT.withChannels(32), ds.recordings()));
        assertNotEquals(base, InputKey.of(CochleaSettings.DEFAULT, ds.recordings().subList(1, 4)));
        TestWav.write(wav.resolve("0_ann_0.wav"), TestWav.pcm16(8000, TestWav.tone(8000, 300, 0.5, 0.1)));
        assertNotEquals(base, InputKey.of(CochleaSettings.DEFAULT, FsddDataset.load(wav).recordings()));
    }

    @Test
    void selectMapsASplitOntoItsSamples() {
        FsddDataset ds = SharedData.synthetic(tmp.resolve("wav"), 2, new String[] {"ann", "bob"}, 6);
        EncodedDataset set = new EncodingCache(tmp.resolve("cache"), 2, notices::add)
                .load(ds, CochleaSettings.DEFAULT, ProgressListener.SILENT);
        DataSplit<SpikeSample> split = set.select(ds.officialSplit());
        assertEquals(2 * 2 * 5, split.test().size());
        assertEquals(2 * 2, split.train().size());
        assertTrue(split.train().stream().allMatch(s -> s.id().endsWith("_5")));
    }
}
