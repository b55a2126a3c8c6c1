package org.ipdex.cli;

import org.ipdex.cli.authority.AuthorityCommand;
import org.ipdex.cli.coverage.CoverageCommand;
import org.ipdex.cli.diff.DiffCommand;
import org.ipdex.cli.lint.LintCommand;
import org.ipdex.cli.publish.PublishCommand;
import org.ipdex.cli.search.SearchCommand;
import org.ipdex.cli.server.ServerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code ipdex}: the catalogue's lint and diff and the authority service's validation, on a desk or in CI, with no
 * server; and publishing, uploading, coverage checks and search against a gateway, through the typed client. The
 * offline commands build the services' plain classes directly — no bean context, which is most of what makes a
 * cold start cheap. Every failure ends as one line on stderr and a documented exit code ({@link ExitCodes}).
 */
@Command(name = "ipdex", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "ipdex from the command line: ST.90 lint, breaking-change diff, ST.37 validation and conversion "
                + "offline; publish, authority upload, coverage check and search against a server.",
        subcommands = {LintCommand.class, DiffCommand.class, AuthorityCommand.class, PublishCommand.class,
                CoverageCommand.class, SearchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 findings over the threshold, 2 usage, 3 input unreadable or invalid, "
                + "4 server unreachable or failed, 5 key missing or refused, 6 internal error, "
                + "7 the server has no such thing or one in the way (cli/README.md)."})
public final class Ipdex {

    private Ipdex() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    /** Runs one command line in this JVM with this process's environment, as the launcher does. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(ServerOptions.Environment.ofProcess(), out, err, args);
    }

    /** @param environment where the server commands read the server, the key and the config file from */
    public static int run(ServerOptions.Environment environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine line = new CommandLine(Ipdex.class, new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == ServerOptions.class ? (K) new ServerOptions(environment) : defaults.create(type);
            }
        });
        line.setOut(out);
        line.setErr(err);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExitCodeExceptionMapper(error -> error instanceof CliFailure failure ? failure.exitCode() : ExitCodes.INTERNAL);
        line.setParameterExceptionHandler((error, arguments) -> {
            CommandLine command = error.getCommandLine();
            command.getErr().println("ipdex: " + Failures.oneLine(error.getMessage()));
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        line.setExecutionExceptionHandler((error, command, parsed) -> {
            CliFailure failure = Failures.about("the input", error);
            command.getErr().println("ipdex: " + Failures.oneLine(String.valueOf(failure.getMessage())));
            return failure.exitCode();
        });
        int code;
        try {
            code = line.execute(args);
        } catch (OutOfMemoryError full) {
            // picocli hands on Errors; the heap is what the person can change, so say that and nothing else
            err.println("ipdex: ran out of memory; give the JVM more with IPDEX_JAVA_OPTS=-Xmx2g");
            code = ExitCodes.INTERNAL;
        }
        out.flush();
        err.flush();
        return code;
    }
}
