package org.ipdex.cli.coverage;

import org.ipdex.cli.Version;
import picocli.CommandLine.Command;

@Command(name = "coverage", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Coverage of a document collection against the offices' authority files (on the server).",
        subcommands = {CheckCommand.class})
public final class CoverageCommand {
}
