package io.delaynet.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.train.Split;
import io.delaynet.train.StreamingLearner.UpdateHook;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nothing about the past is stored: the simulation state (neurons, delay histories, traces) has
 * the same size for a sequence of T and of 10 T steps, and learning a sequence allocates no memory
 * that grows with its length (measured with the thread's allocation counter).
 */
class OnlineMemoryTest {

    @ParameterizedTest(name = "recurrent {0}, {1} delays")
    @CsvSource({"true, synaptic", "false, axonal"})
    void stateAndAllocationDoNotGrowWithTheSequence(boolean recurrent, String kind) {
        String yaml = OnlineFixtures.small(16, recurrent, kind, "linear", 0.05, "", "");
        OnlineNetwork shortRun = OnlineFixtures.network(yaml, 8, 4, 100);
        OnlineNetwork longRun = OnlineFixtures.network(yaml, 8, 4, 1000);
        OnlineWorkspace a = shortRun.newWorkspace();
        OnlineWorkspace b = longRun.newWorkspace();
        assertEquals(a.stateDoubles(), b.stateDoubles());
        assertTrue(a.stateDoubles() > 0);
        long bytesShort = allocatedWhileLearning(shortRun, a);
        long bytesLong = allocatedWhileLearning(longRun, b);
        // a few objects per sequence (the result), never per step: 900 more steps must cost nothing
        assertTrue(bytesShort < 4096 && bytesLong < 4096, "allocated " + bytesShort + " and " + bytesLong + " bytes");
    }

    private static long allocatedWhileLearning(OnlineNetwork net, OnlineWorkspace ws) {
        RandomSpikes samples = new RandomSpikes(8, 4, 1, 9, 0.2);
        samples.encode(Split.TRAIN, 0, ws.input);
        int label = samples.label(Split.TRAIN, 0);
        for (int warm = 0; warm < 3; warm++) {
            net.run(ws.input, label, ws, true, 10, UpdateHook.NONE);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(id);
        net.run(ws.input, label, ws, true, 10, UpdateHook.NONE);
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
