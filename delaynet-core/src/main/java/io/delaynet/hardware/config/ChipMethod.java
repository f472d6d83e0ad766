package io.delaynet.hardware.config;

import io.delaynet.config.ConfigBinder;
import io.delaynet.config.ConfigTree;
import io.delaynet.event.DelGradLearner;
import io.delaynet.event.WeightBumping;
import io.delaynet.event.config.DelGradConfig;
import io.delaynet.event.config.DelGradMethod;
import io.delaynet.hardware.IdealBackend;
import io.delaynet.hardware.SpikingBackend;
import io.delaynet.hardware.chip.EmulatedChip;
import io.delaynet.hardware.loop.ChipInTheLoop;
import io.delaynet.hardware.loop.HardwareAware;
import io.delaynet.run.Experiment;
import io.delaynet.run.Method;
import io.delaynet.run.RunContext;
import io.delaynet.train.Split;
import io.delaynet.util.RandomStreams;
import java.util.EnumMap;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The "delgrad-chip" method: DelGrad trained through a spiking backend (chip in the loop). Its
 * configuration is a DelGrad configuration (same keys, hardware-aware defaults) plus a
 * {@code backend:} and a {@code hardware_aware:} section. A separate method rather than a section
 * of "delgrad" keeps the plain DelGrad path, and its configuration records, exactly as they are.
 */
public final class ChipMethod implements Method {
    static final String[] OWN_SECTIONS = {"backend", "hardware_aware"};

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

    @Override
    public String defaultsDocument() {
        return ConfigTree.resourceText(ChipMethod.class, "delgrad-chip-defaults.yaml");
    }

    @Override
    public Experiment build(ObjectNode resolved, RunContext context) {
        ObjectNode delGradPart = resolved.deepCopy();
        ObjectNode ownPart = JsonNodeFactory.instance.objectNode();
        for (String section : OWN_SECTIONS) {
            if (delGradPart.has(section)) {
                ownPart.set(section, delGradPart.remove(section));
            }
        }
        DelGradConfig config = ConfigBinder.bind(delGradPart, DelGradConfig.class, "config");
        ChipSections sections = ConfigBinder.bind(ownPart, ChipSections.class, "config");
        return new ChipExperiment(config.training(), inTheLoop(config, sections), config.network().tauSynMs() / 1000);
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
        double[] maxMissing = config.network().layers().stream().mapToDouble(DelGradConfig.Layer::maxMissingSpikes).toArray();
        DelGradConfig.Bumping bump = config.bumping();
        // as in "delgrad": the reference bounds each sample's share of the batch-mean gradient
        double perSampleBound = config.loss().maxDwNorm() * config.training().batchSize();
        return ChipInTheLoop.of(plain.network(), backend, hardwareAware, plain.loss(), data, perSampleBound,
                new WeightBumping(bump.value(), bump.exponential(), bump.targeted()), maxMissing,
                config.network().weightLimit());
    }
}
