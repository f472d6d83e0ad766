package io.delaynet.cli.nir;

import picocli.CommandLine.Command;

/** {@code delaynet nir ...}: work with NIR graph files. */
@Command(name = "nir", mixinStandardHelpOptions = true,
        description = "Work with NIR (Neuromorphic Intermediate Representation) graph files; see docs/nir.md.",
        subcommands = {NirRunCommand.class})
public final class NirCommand {
}
