package org.ipdex.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Runs a command line in this JVM, as the launcher does, and keeps what it printed. */
public final class Cli {

    public record Run(int code, String out, String err) {

        /** A failure as a person sees it: exactly one line on stderr, no stack trace, no exception class name. */
        public void assertOneLineError(int expectedCode) {
            assertEquals(expectedCode, code, () -> "exit code; stderr: " + err + " stdout: " + out);
            List<String> lines = err.lines().filter(line -> !line.isBlank()).toList();
            boolean usage = expectedCode == ExitCodes.USAGE;
            assertEquals(usage ? 2 : 1, lines.size(), () -> "stderr: " + err);
            assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("java."), () -> "stderr: " + err);
        }
    }

    private Cli() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ipdex.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The shared corpus beside the checkout (../shared from the repository root). */
    public static Path corpus() {
        for (Path candidate : List.of(Path.of("../../shared/corpus/openapi"), Path.of("../shared/corpus/openapi"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("../../shared/corpus/openapi");
    }
}
