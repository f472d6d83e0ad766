/**
 * Runs: from a configuration to a finished run folder, and back. The method registry
 * ({@link io.delaynet.run.Methods}, filled through {@link java.util.ServiceLoader}) turns the
 * {@code method:} key into a {@link io.delaynet.run.Method}, which builds an
 * {@link io.delaynet.run.Experiment} from a {@link io.delaynet.run.ResolvedConfig};
 * {@link io.delaynet.run.TrainingRun} trains it into a {@link io.delaynet.run.RunFolder} with
 * checkpoints, metrics, the model and a {@link io.delaynet.run.RunSummary}.
 *
 * <p>Reading back is here too, so that the command line, a sweep and a distributed runner share it:
 * {@link io.delaynet.run.RunRecord} (everything a folder holds, finished or not),
 * {@link io.delaynet.run.RunSummary#read} and {@link io.delaynet.run.TrainedModel} (the network
 * rebuilt with its trained parameters). Sweeps are in {@link io.delaynet.run.sweep}.
 *
 * <p>This package and its sub-packages name no engine: methods are found through their service
 * files ({@code META-INF/services/io.delaynet.run.Method}), which a test checks.
 */
package io.delaynet.run;
