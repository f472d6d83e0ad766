package io.delaynet.run;

import io.delaynet.train.ChunkRunner;

/**
 * Data-parallel training on machines other than this one, found at run time through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.delaynet.run.DataParallelFactory})
 * so that the core and the command line never depend on, or load, a cluster framework; the
 * optional {@code delaynet-spark} module registers one named {@code spark}
 * ({@code delaynet train --spark MASTER}).
 */
public interface DataParallelFactory {
    /** The name that selects this factory, e.g. {@code spark}. */
    String name();

    /** Connects to {@code master} (the framework's own form, e.g. {@code local[2]}); close the session when done. */
    Session open(String master);

    /** A connection to a cluster, for one or more runs. */
    interface Session extends AutoCloseable {
        /**
         * The chunk runner for one run.
         *
         * @param experiment         the run's experiment on this machine (its method state travels with every batch)
         * @param resolvedConfigYaml the run's resolved configuration, from which the far side builds its copies
         * @param context            where the far side finds the data
         */
        ChunkRunner runner(Experiment experiment, String resolvedConfigYaml, RunContext context);

        @Override
        void close();
    }

    /** The registered factory of that name, if its module is on the class path. */
    static java.util.Optional<DataParallelFactory> find(String name) {
        return java.util.ServiceLoader.load(DataParallelFactory.class).stream()
                .map(java.util.ServiceLoader.Provider::get).filter(f -> f.name().equals(name)).findFirst();
    }
}
