package io.delaynet.nir;

/**
 * The names of this project's NIR extensions: metadata keys (NIR's advisory {@code metadata}
 * groups; other tools may ignore them) that carry what plain NIR cannot say. docs/nir.md lists
 * them.
 */
public final class NirNames {
    private NirNames() {
    }

    /** Graph: the length of one time step in seconds of the network that was exported. */
    public static final String TIME_STEP = "delaynet.time_step";
    /** Graph: the time simulated per sample, in steps. */
    public static final String WINDOW = "delaynet.window";
    /** Graph: how the output becomes a class (e.g. "most_spikes"). */
    public static final String DECISION = "delaynet.decision";
    /** Graph: how spikes and inputs are represented on the grid ("unit": a spike is 1 in its step). */
    public static final String SPIKES = "delaynet.spikes";
    /** Neuron node: "subtract" where a spike lowers v by v_threshold instead of setting it to v_reset. */
    public static final String RESET = "reset";
    /** Graph: the event-driven network's time unit (tau_s) in seconds. */
    public static final String TIME_UNIT = "delaynet.time_unit";
    /** Neuron node: "true" where only a neuron's first spike counts (the event-driven engine's neurons). */
    public static final String FIRST_SPIKE = "delaynet.first_spike";
    /** Delay node: how the engine moved the delayed spikes onto steps ("linear", "floor", "round", "gaussian:SIGMA"). */
    public static final String REALISATION = "delaynet.realisation";
    /** Node named after a filtered-LIF population: its tau_syn in steps (NirFilteredLif). */
    public static final String TAU_SYN_STEPS = "delaynet.tau_syn_steps";
    /** Node named after a filtered-LIF population: its tau_mem in steps ("Infinity" for none). */
    public static final String TAU_MEM_STEPS = "delaynet.tau_mem_steps";
    /** Threshold node: "srm" where it is the threshold of SLAYER's spike response model (the nodes around it: NirSrm);
     * "filtered_lif" on the nodes of neighbourhood aggregation's filtered LIF (NirFilteredLif);
     * {@link #PASS_THROUGH} on the Scale node of a population without neurons. */
    public static final String NEURON = "delaynet.neuron";
    /** The {@link #NEURON} mark of an identity Scale node that stands for a population without neurons
     * (a pooling that passes its weighted sum straight on, as neighbourhood aggregation's release pools). */
    public static final String PASS_THROUGH = "pass_through";
    /** Delay node of a lag bank ({@code delaynet.delay_kind = synaptic_lag}): the projection it belongs to. */
    public static final String PROJECTION = "delaynet.projection";
    /** Delay node of a per-synapse delay: "synaptic" marks the fan-out expansion, "synaptic_lag" a lag bank's path. */
    public static final String DELAY_KIND = "delaynet.delay_kind";
}
