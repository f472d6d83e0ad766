package io.delaynet.cli.chip;

import picocli.CommandLine.Command;

/** {@code delaynet chip ...}: experiments with chip-in-the-loop training on the emulated chip. */
@Command(name = "chip", mixinStandardHelpOptions = true,
        description = "Chip-in-the-loop experiments on the emulated neuromorphic chip.",
        subcommands = {SweepCommand.class, CalibrateCommand.class})
public final class ChipCommand {
}
