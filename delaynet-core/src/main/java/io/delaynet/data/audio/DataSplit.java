package io.delaynet.data.audio;

import java.util.List;

/** A training set and a held-out test set, each in a fixed order. */
public record DataSplit<T>(List<T> train, List<T> test) {
    public DataSplit {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }
}
