package org.ipdex.cli;

/**
 * The exit codes of every command. They are part of the tool's interface (CI scripts branch on them), so they are
 * documented in cli/README.md and never renumbered; a new reason gets a new number.
 */
public final class ExitCodes {

    /** Done; nothing over the threshold. */
    public static final int OK = 0;
    /** Findings over the threshold: lint violations at the {@code --fail-on} level, a breaking change, a rejected file. */
    public static final int FINDINGS = 1;
    /** The command line is wrong: unknown option, missing argument, bad value. */
    public static final int USAGE = 2;
    /** An input cannot be read or is not what it must be: missing file, not a spec, not ST.37, too large, XXE. */
    public static final int INPUT = 3;
    /** The server cannot be reached, timed out or failed (5xx). */
    public static final int SERVER = 4;
    /** No API key, or the server refused it (401/403). */
    public static final int AUTH = 5;
    /** A defect of ipdex itself; the message asks for a report. */
    public static final int INTERNAL = 6;
    /** The server has no such thing, or one in the way: an unknown API, office or check (404), a conflict (409). */
    public static final int REFUSED = 7;

    private ExitCodes() {
    }
}
