package org.ipdex.cli;

import org.ipdex.cli.server.ServerOptions;

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
            // a server command's progress bar (upload, ingest, check) is on stderr too, and is no error line
            List<String> lines = err.lines().filter(line -> !line.isBlank())
                    .filter(line -> !line.matches("\\w+ +\\[[#-]+\\] .*")).toList();
            boolean usage = expectedCode == ExitCodes.USAGE;
            assertEquals(usage ? 2 : 1, lines.size(), () -> "stderr: " + err);
            assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("java."), () -> "stderr: " + err);
        }
    }

    private Cli() {
    }

    public static Run run(String... args) {
        return run(ServerOptions.Environment.ofProcess(), args);
    }

    /** With these environment variables and home directory instead of the process's (the server commands). */
    public static Run run(ServerOptions.Environment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ipdex.run(environment, new PrintWriter(out), new PrintWriter(err), args);
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
