package org.ipdex.cli;

/**
 * A command cannot go on: one line for stderr and the exit code to end with. Everything the commands and their
 * core classes can meet is turned into one of these ({@link Failures}), so a person never sees a stack trace.
 */
public final class CliFailure extends RuntimeException {

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static CliFailure input(String message) {
        return new CliFailure(ExitCodes.INPUT, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
