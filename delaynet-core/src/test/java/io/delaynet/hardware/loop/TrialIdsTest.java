package io.delaynet.hardware.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.delaynet.train.Split;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Trial identifiers: unique per run, and their high half names the group that shares batch-level noise. */
class TrialIdsTest {
    private static long group(long id) {
        return id >>> 32;
    }

    @Test
    void aTrainingBatchIsOneGroupAndBatchedEvaluationPassesAreCutIntoGroupsOfTheBatchSize() {
        assertEquals(group(TrialIds.training(7, 3)), group(TrialIds.training(7, 4999)), "one step, one group");
        assertNotEquals(group(TrialIds.training(7, 3)), group(TrialIds.training(8, 3)));
        assertEquals(group(TrialIds.evaluation(7, Split.TEST, 0)), group(TrialIds.evaluation(7, Split.TEST, 999)),
                "unbatched: the whole pass is one group");
        assertEquals(TrialIds.evaluation(7, Split.TEST, 12), TrialIds.evaluation(7, Split.TEST, 12, 0));
        assertEquals(group(TrialIds.evaluation(7, Split.TEST, 0, 200)), group(TrialIds.evaluation(7, Split.TEST, 199, 200)));
        assertNotEquals(group(TrialIds.evaluation(7, Split.TEST, 199, 200)), group(TrialIds.evaluation(7, Split.TEST, 200, 200)));
        assertNotEquals(group(TrialIds.evaluation(7, Split.TEST, 0, 200)), group(TrialIds.evaluation(7, Split.VALIDATION, 0, 200)));
        assertNotEquals(group(TrialIds.evaluation(7, Split.TEST, 0, 200)), group(TrialIds.evaluation(8, Split.TEST, 0, 200)));
    }

    @Test
    void noTwoRunsShareAnIdentifierAndNoBatchedEvaluationGroupIsATrainingOrCalibrationGroup() {
        Set<Long> ids = new HashSet<>();
        Set<Long> otherGroups = new HashSet<>();
        for (long step = 0; step < 300; step += 7) {
            for (int sample = 0; sample < 1000; sample += 13) {
                ids.add(TrialIds.training(step, sample));
                ids.add(TrialIds.calibration(step, sample));
                otherGroups.add(group(TrialIds.training(step, sample)));
                otherGroups.add(group(TrialIds.calibration(step, sample)));
                for (Split s : Split.values()) {
                    ids.add(TrialIds.evaluation(step, s, sample));
                    otherGroups.add(group(TrialIds.evaluation(step, s, sample)));
                }
            }
        }
        int expected = ids.size();
        for (long step = 0; step < 300; step += 7) {
            for (int sample = 0; sample < 1000; sample += 13) {
                for (Split s : Split.values()) {
                    long id = TrialIds.evaluation(step, s, sample, 200);
                    ids.add(id);
                    assertEquals(false, otherGroups.contains(group(id)), "a batched evaluation group of its own");
                }
            }
        }
        assertEquals(expected + 43 * 77 * 3, ids.size(), "every identifier distinct");
    }
}
