package io.delaynet.cli.audio;

import picocli.CommandLine.Command;

/** {@code delaynet audio ...}: the spoken-digit recordings as spikes. */
@Command(name = "audio", mixinStandardHelpOptions = true,
        description = "Spoken digits (FSDD) through the cochlea front end into spikes.",
        subcommands = {EncodeCommand.class, BaselineCommand.class})
public final class AudioCommand {
}
