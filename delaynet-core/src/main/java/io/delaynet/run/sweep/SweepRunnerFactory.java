package io.delaynet.run.sweep;

import io.delaynet.run.RunContext;

/**
 * A runner of sweeps on machines other than this one, found at run time through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.delaynet.run.sweep.SweepRunnerFactory}),
 * so that the core and the command line need not depend on, or load, a cluster framework: the
 * optional {@code delaynet-spark} module registers one named {@code spark}.
 */
public interface SweepRunnerFactory {
    /** The name that selects this factory, e.g. {@code spark}. */
    String name();

    /**
     * Connects to a cluster.
     *
     * @param master  where to send the tasks, in the framework's own form (e.g. {@code local[2]}, {@code spark://host:7077})
     * @param context where the tasks find their data on the machines that run them
     * @return a runner; close it to leave the cluster
     */
    SweepRunner open(String master, RunContext context);

    /** The registered factory of that name, if its module is on the class path. */
    static java.util.Optional<SweepRunnerFactory> find(String name) {
        return java.util.ServiceLoader.load(SweepRunnerFactory.class).stream()
                .map(java.util.ServiceLoader.Provider::get).filter(f -> f.name().equals(name)).findFirst();
    }
}
