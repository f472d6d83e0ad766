package io.delaynet.hardware.config;

import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.event.DelGradLearner;
import io.delaynet.event.WeightBumping;
import io.delaynet.event.config.DelGradConfig;
import io.delaynet.event.config.DelGradMethod;
import io.delaynet.hardware.IdealBackend;
import io.delaynet.hardware.SpikingBackend;
import io.delaynet.hardware.calibration.CalibrationTable;
import io.delaynet.hardware.chip.EmulatedChip;
import io.delaynet.hardware.loop.CalibrationPlan;
import io.delaynet.hardware.loop.ChipInTheLoop;
import io.delaynet.hardware.loop.HardwareAware;
import io.delaynet.hardware.chip.ChipParameters;
import io.delaynet.run.Experiment;
import io.delaynet.run.Method;
import io.delaynet.run.RunContext;
import io.delaynet.train.Split;
import io.delaynet.util.RandomStreams;
import java.util.EnumMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The "delgrad-chip" method: DelGrad trained through a spiking backend (chip in the loop). Its
 * configuration is a DelGrad configuration (same keys, hardware-aware defaults) plus a
 * {@code backend:} and a {@code hardware_aware:} section. A separate method rather than a section
 * of "delgrad" keeps the plain DelGrad path, and its configuration records, exactly as they are.
 */
public final class ChipMethod implements Method {
    static final String[] OWN_SECTIONS = {"backend", "hardware_aware", "chip"};

    @Override
    public String name() {
        return "delgrad-chip";
    }

    @Override
    public String description() {
        return "DelGrad with the forward pass on an (emulated) neuromorphic chip, gradients from spike times alone";
    }

    @Override
    public ObjectNode defaults() {
        // self-contained (every delgrad key with the hardware values, then the chip's own sections),
        // so that `delaynet config --method delgrad-chip` documents every key it accepts
        return ConfigTree.resource(ChipMethod.class, "delgrad-chip-defaults.yaml");
    }

    /**
     * The defaults, with the backend's noise keys taken from {@code backend.preset} when the user
     * names one: the preset lies between the plain defaults and the user's own keys, so that any key
     * set in the file or on the command line still wins.
     */
    @Override
    public ObjectNode defaults(ObjectNode user) {
        JsonNode preset = user.path("backend").path("preset");
        if (preset.isMissingNode() || preset.isNull() || "none".equals(preset.asString(""))) {
            return defaults();
        }
        if (!preset.isString() || !ChipSections.PRESETS.contains(preset.asString())) {
            throw new ConfigException("config: backend.preset must be one of " + String.join(", ", ChipSections.PRESETS)
                    + ", got " + preset);
        }
        return ConfigTree.merge(defaults(), ConfigTree.resource(ChipMethod.class, "preset-" + preset.asString() + ".yaml"));
    }

    @Override
    public String defaultsDocument() {
        return ConfigTree.resourceText(ChipMethod.class, "delgrad-chip-defaults.yaml");
    }

    @Override
    public Experiment build(ObjectNode resolved, RunContext context) {
        Bound b = bind(resolved);
        ChipSections.Backend backend = b.sections().backend();
        ChipParameters.TrialNoise trial = "emulated".equals(backend.type()) ? backend.chip().trial() : null;
        boolean freshNoise = trial != null && (trial.spikeJitter() > 0 || trial.threshold() > 0 || trial.delayJitter() > 0);
        return new ChipExperiment(b.config().training(), inTheLoop(b.config(), b.sections()),
                b.config().network().tauSynMs() / 1000, freshNoise, b.config().data());
    }

    /**
     * Measures the realised delays of the configured network, as it is deployed before training,
     * on the configured backend (what {@code delaynet chip calibrate} prints).
     */
    public static CalibrationTable calibrate(ObjectNode resolved) {
        Bound b = bind(resolved);
        ChipInTheLoop loop = inTheLoop(b.config(), b.sections());
        return loop.forwardPass().calibrate(b.sections().chip().settings(perSynapse(b.sections().backend())));
    }

    /** A resolved configuration split into its delgrad part and the chip's own sections. */
    private record Bound(DelGradConfig config, ChipSections sections) {
    }

    private static Bound bind(ObjectNode resolved) {
        ObjectNode delGradPart = resolved.deepCopy();
        ObjectNode ownPart = JsonNodeFactory.instance.objectNode();
        for (String section : OWN_SECTIONS) {
            if (delGradPart.has(section)) {
                ownPart.set(section, delGradPart.remove(section));
            }
        }
        return new Bound(ConfigBinder.bind(delGradPart, DelGradConfig.class, "config"),
                ConfigBinder.bind(ownPart, ChipSections.class, "config"));
    }

    /** Whether the backend realises every synapse's delay on its own, so calibration measures each. */
    private static boolean perSynapse(ChipSections.Backend b) {
        return "emulated".equals(b.type()) && b.delays().perSynapse();
    }

    /** Builds network, data and backend from a configuration; the network starts from the seed's draws. */
    public static ChipInTheLoop inTheLoop(DelGradConfig config, ChipSections sections) {
        DelGradLearner plain = DelGradMethod.learner(config); // the same network, data and loss as "delgrad"
        Map<Split, io.delaynet.event.SpikeData> data = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            data.put(s, plain.data(s));
        }
        ChipSections.Backend b = sections.backend();
        SpikingBackend backend = "ideal".equals(b.type()) ? new IdealBackend()
                : new EmulatedChip(b.chip(), b.chipSeed(), new RandomStreams(config.training().seed()).seedFor("chip-trials"));
        HardwareAware hardwareAware = new HardwareAware(sections.hardwareAware().roundWeights(),
                sections.hardwareAware().clipWeights(), b.weights());
        int batchesPerEpoch = Math.max(1, (data.get(Split.TRAIN).size() + config.training().batchSize() - 1)
                / config.training().batchSize());
        CalibrationPlan calibration = new CalibrationPlan(sections.chip().measured(), sections.chip().recalibrateEvery(),
                batchesPerEpoch, sections.chip().settings(perSynapse(b)));
        double[] maxMissing = config.network().layers().stream().mapToDouble(DelGradConfig.Layer::maxMissingSpikes).toArray();
        DelGradConfig.Bumping bump = config.bumping();
        // as in "delgrad": the reference bounds each sample's share of the batch-mean gradient
        double perSampleBound = config.loss().maxDwNorm() * config.training().batchSize();
        // batch-level noise: evaluation in batches, as the reference evaluates (batch_size_eval); else one group per pass
        int evaluationBatch = "emulated".equals(b.type()) && b.trial().thresholdPerBatch()
                ? sections.chip().evaluationBatch() : 0;
        return ChipInTheLoop.of(plain.network(), backend, hardwareAware, calibration, evaluationBatch, plain.loss(), data,
                perSampleBound,
                new WeightBumping(bump.value(), bump.exponential(), bump.targeted()), maxMissing,
                config.network().weightLimit());
    }
}
