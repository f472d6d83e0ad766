package io.delaynet.data.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.data.DataFormatException;
import io.delaynet.data.DataNotFoundException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsddDatasetTest {
    @TempDir
    Path tmp;

    @Test
    void parsesNamesAndOrdersTakesNumerically() {
        for (String name : List.of("1_theo_10.wav", "1_theo_9.wav", "0_yweweler_3.wav", "1_alice_0.wav")) {
            TestWav.write(tmp.resolve(name), new byte[0]);
        }
        TestWav.write(tmp.resolve("README.md"), new byte[0]); // not a .wav: ignored
        List<String> ids = FsddDataset.load(tmp).recordings().stream().map(FsddRecording::id).toList();
        assertEquals(List.of("0_yweweler_3", "1_alice_0", "1_theo_9", "1_theo_10"), ids);
        FsddRecording r = FsddRecording.of(Path.of("7_nicolas_42.wav"));
        assertEquals(7, r.digit());
        assertEquals("nicolas", r.speaker());
        assertEquals(42, r.take());
    }

    @Test
    void officialSplitTestsTakesZeroToFour() {
        FsddDataset ds = syntheticListing(3, new String[] {"ann", "bob"}, 8);
        DataSplit<FsddRecording> split = ds.officialSplit();
        assertEquals(3 * 2 * 5, split.test().size());
        assertEquals(3 * 2 * 3, split.train().size());
        assertTrue(split.test().stream().allMatch(r -> r.take() <= 4));
        assertTrue(split.train().stream().allMatch(r -> r.take() >= 5));
    }

    @Test
    void leaveOneSpeakerOutHoldsOutExactlyThatSpeaker() {
        FsddDataset ds = syntheticListing(2, new String[] {"ann", "bob", "cy"}, 3);
        DataSplit<FsddRecording> split = ds.leaveOneSpeakerOut("bob");
        assertEquals(2 * 3, split.test().size());
        assertTrue(split.test().stream().allMatch(r -> r.speaker().equals("bob")));
        assertTrue(split.train().stream().noneMatch(r -> r.speaker().equals("bob")));
        assertEquals(2 * 2 * 3, split.train().size());
        DataFormatException e = assertThrows(DataFormatException.class, () -> ds.leaveOneSpeakerOut("zed"));
        assertTrue(e.getMessage().contains("[ann, bob, cy]"), e.getMessage());
    }

    @Test
    void badFileNameIsAFormatError() {
        TestWav.write(tmp.resolve("hello.wav"), new byte[0]);
        DataFormatException e = assertThrows(DataFormatException.class, () -> FsddDataset.load(tmp));
        assertTrue(e.getMessage().contains("hello.wav"), e.getMessage());
    }

    @Test
    void missingOrEmptyFolderIsReported() {
        assertThrows(DataNotFoundException.class, () -> FsddDataset.load(tmp.resolve("nope")));
        assertThrows(DataFormatException.class, () -> FsddDataset.load(tmp));
        assertThrows(DataNotFoundException.class, () -> FsddDataset.inDataRoot(tmp));
    }

    @Test
    void realSetHasTheDocumentedShape() {
        FsddDataset ds = FsddDataset.load(SharedData.fsddRecordingsOrSkip());
        assertEquals(3000, ds.recordings().size());
        assertEquals(Set.of("george", "jackson", "lucas", "nicolas", "theo", "yweweler"), ds.speakers());
        DataSplit<FsddRecording> split = ds.officialSplit();
        assertEquals(2700, split.train().size());
        assertEquals(300, split.test().size());
        assertEquals(500, ds.leaveOneSpeakerOut("theo").test().size());
    }

    private FsddDataset syntheticListing(int digits, String[] speakers, int takes) {
        for (int d = 0; d < digits; d++) {
            for (String s : speakers) {
                for (int t = 0; t < takes; t++) {
                    TestWav.write(tmp.resolve(d + "_" + s + "_" + t + ".wav"), new byte[0]);
                }
            }
        }
        return FsddDataset.load(tmp);
    }
}
