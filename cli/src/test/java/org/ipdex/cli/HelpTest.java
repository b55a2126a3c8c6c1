package org.ipdex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "lint", "diff", "authority", "authority validate", "authority convert",
            "authority upload", "publish", "coverage", "coverage check", "search"})
    void everyCommandHasHelp(String command) {
        String[] words = (command + " --help").strip().split(" ");
        Cli.Run run = Cli.run(words);
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.out().contains("Usage: ipdex" + (command.isEmpty() ? "" : " " + command)), run.out());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.run().assertOneLineError(ExitCodes.USAGE);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli.Run run = Cli.run("lint", "--colour", "x.yaml");
        run.assertOneLineError(ExitCodes.USAGE);
        assertTrue(run.err().contains("--colour"), run.err());
    }

    @Test
    void aBadValueIsAUsageError() {
        Cli.run("lint", "--format", "xml", "x.yaml").assertOneLineError(ExitCodes.USAGE);
        Cli.run("diff", "--fail-on", "sometimes", "a.yaml", "b.yaml").assertOneLineError(ExitCodes.USAGE);
    }

    @Test
    void versionIsTheBuiltOne() {
        Cli.Run run = Cli.run("--version");
        assertEquals(ExitCodes.OK, run.code());
        assertTrue(run.out().matches("ipdex \\d+\\.\\d+\\.\\d+.*\\R?"), run.out());
    }
}
