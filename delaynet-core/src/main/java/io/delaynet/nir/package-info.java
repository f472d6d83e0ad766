/**
 * NIR, the Neuromorphic Intermediate Representation: the HDF5 graph format that snnTorch, Norse,
 * Lava, Rockpool, Sinabs, Spyx, Nengo and SpiNNaker2 tools read and write. {@link
 * io.delaynet.nir.NirGraph} is a graph of typed nodes (NIR's exact type strings: {@code Input},
 * {@code Affine}, {@code LIF}, {@code Delay}, ...) with their parameter arrays, {@link
 * io.delaynet.nir.NirFile} reads and writes the HDF5 layout ({@code version},
 * {@code node/nodes/<name>/{type, parameters}}, {@code node/edges}) with jHDF, {@link
 * io.delaynet.nir.NirSimulation} runs any graph of the supported nodes on a time grid
 * (feed-forward and recurrent edges; Conv2d, SumPool2d and Flatten included), and {@link
 * io.delaynet.nir.NirExport} / {@link io.delaynet.nir.NirImport} translate between a graph and the
 * engine-neutral network description, delays included (SLAYER's SRM as standard nodes, large
 * per-synapse layers as lag banks, DelGrad exports back into DelGrad models). docs/nir.md has the
 * mapping, the units and the conventions.
 */
package io.delaynet.nir;
