package io.delaynet.data.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.data.DataFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelEncoderTest {
    @TempDir
    Path tmp;

    @Test
    void resultIsTheSameForAnyThreadCountAndKeepsSpeakers() {
        FsddDataset ds = SharedData.synthetic(tmp, 3, new String[] {"ann", "bob"}, 3);
        CochleaEncoder encoder = new CochleaEncoder(CochleaSettings.DEFAULT);
        List<SpikeSample> one = new ParallelEncoder(encoder, 1).encode(ds.recordings(), ProgressListener.SILENT);
        List<Integer> reported = new ArrayList<>();
        List<SpikeSample> three = new ParallelEncoder(encoder, 3).encode(ds.recordings(), (done, total) -> reported.add(done));
        assertEquals(one, three);
        assertEquals(18, one.size());
        assertEquals(18, reported.size());
        assertEquals(18, (int) reported.get(reported.size() - 1));
        for (int i = 0; i < one.size(); i++) {
            FsddRecording r = ds.recordings().get(i);
            assertEquals(r.id(), one.get(i).id());
            assertEquals(r.digit(), one.get(i).label());
            assertEquals(r.speaker(), one.get(i).speaker());
            assertTrue(one.get(i).events().size() > 0);
        }
    }

    @Test
    void aDamagedRecordingStopsTheRunWithItsOwnError() {
        SharedData.synthetic(tmp, 2, new String[] {"ann"}, 4);
        TestWav.write(tmp.resolve("1_ann_2.wav"), TestWav.build(1, 2, 8000, 16, new byte[16]));
        FsddDataset ds = FsddDataset.load(tmp);
        ParallelEncoder parallel = new ParallelEncoder(new CochleaEncoder(CochleaSettings.DEFAULT), 2);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> parallel.encode(ds.recordings(), ProgressListener.SILENT));
        assertTrue(e.getMessage().contains("1_ann_2.wav: has 2 channels"), e.getMessage());
    }
}
