package io.delaynet.baseline;

import io.delaynet.data.audio.DataSplit;
import io.delaynet.data.audio.SpikeSample;
import java.util.List;

/**
 * The check that an encoding keeps the class information: spike counts per channel and time bin,
 * standardised on the training set, into multinomial logistic regression. No hidden layer and no
 * spiking dynamics, so any accuracy it reaches is there in the counts themselves.
 */
public final class LinearReadoutBaseline {
    private final SpikeCountFeatures features;
    private final SoftmaxRegression.Options options;

    public LinearReadoutBaseline(SpikeCountFeatures features, SoftmaxRegression.Options options) {
        this.features = features;
        this.options = options;
    }

    /** Trains on {@code split.train()} and scores on both halves; classes are 0..classes-1. */
    public BaselineResult evaluate(DataSplit<SpikeSample> split, int classes) {
        if (split.train().isEmpty() || split.test().isEmpty()) {
            throw new IllegalArgumentException("both the training and the test set need samples");
        }
        double[][] trainX = features.of(split.train());
        double[][] testX = features.of(split.test());
        Standardizer standardizer = Standardizer.fit(trainX);
        trainX = standardizer.apply(trainX);
        testX = standardizer.apply(testX);
        int[] trainY = labels(split.train());
        int[] testY = labels(split.test());
        SoftmaxRegression model = SoftmaxRegression.train(trainX, trainY, classes, options);
        int[][] confusion = new int[classes][classes];
        int correct = 0;
        for (int i = 0; i < testX.length; i++) {
            int predicted = model.predict(testX[i]);
            confusion[testY[i]][predicted]++;
            correct += predicted == testY[i] ? 1 : 0;
        }
        int trainCorrect = 0;
        for (int i = 0; i < trainX.length; i++) {
            trainCorrect += model.predict(trainX[i]) == trainY[i] ? 1 : 0;
        }
        return new BaselineResult(trainCorrect / (double) trainX.length, correct / (double) testX.length, confusion,
                trainX[0].length);
    }

    private static int[] labels(List<SpikeSample> samples) {
        return samples.stream().mapToInt(SpikeSample::label).toArray();
    }
}
