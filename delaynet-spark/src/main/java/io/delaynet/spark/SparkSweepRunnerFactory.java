package io.delaynet.spark;

import io.delaynet.run.RunContext;
import io.delaynet.run.sweep.SweepRunner;
import io.delaynet.run.sweep.SweepRunnerFactory;

/** {@code delaynet sweep --spark MASTER}: registered in META-INF/services, found by the command line at run time. */
public final class SparkSweepRunnerFactory implements SweepRunnerFactory {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public SweepRunner open(String master, RunContext context) {
        return SparkSweepRunner.open(master, context);
    }
}
