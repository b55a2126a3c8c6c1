package org.ipdex.cli.authority;

import org.ipdex.cli.Version;
import picocli.CommandLine.Command;

@Command(name = "authority", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "ST.37 authority files: validate one as the service would or write one from a delimited file "
                + "(offline), or upload one to the server.",
        subcommands = {ValidateCommand.class, ConvertCommand.class, UploadCommand.class})
public final class AuthorityCommand {
}
