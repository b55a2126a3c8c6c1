package org.ipdex.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds processes of an earlier run through their pid files, so a killed launcher leaves no orphan that
 * holds a port or a data directory when the stack starts again.
 */
final class StaleProcesses {

    private static final String LAUNCHER = "launcher.pid";

    private StaleProcesses() {
    }

    static void stopAll(Path runDirectory) {
        if (!Files.isDirectory(runDirectory)) {
            return;
        }
        try (Stream<Path> files = Files.list(runDirectory)) {
            files.filter(file -> file.getFileName().toString().endsWith(".pid"))
                    .filter(file -> !file.getFileName().toString().equals(LAUNCHER))
                    .forEach(StaleProcesses::stop);
        } catch (IOException e) {
            LocalStack.log("could not read " + runDirectory + ": " + e.getMessage());
        }
        stopPostgres(runDirectory.resolveSibling("postgres").resolve("postmaster.pid"));
    }

    /** Asks a running launcher to stop; its shutdown hook stops what it started. */
    static void stopLauncher(Path runDirectory) {
        Path file = runDirectory.resolve(LAUNCHER);
        pid(file).flatMap(ProcessHandle::of).ifPresent(launcher -> {
            launcher.destroy();
            launcher.onExit().join();
        });
    }

    private static void stop(Path pidFile) {
        pid(pidFile).flatMap(ProcessHandle::of).ifPresent(process -> {
            LocalStack.log("stopping leftover process " + process.pid() + " (" + pidFile.getFileName() + ")");
            ChildProcess.stopTree(process);
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // checked against the process table next time
        }
    }

    /** The embedded server runs detached (pg_ctl), so it is found through its own pid file. */
    private static void stopPostgres(Path postmasterPid) {
        pid(postmasterPid).flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .ifPresent(process -> {
                    LocalStack.log("stopping leftover PostgreSQL " + process.pid());
                    ChildProcess.stopTree(process);
                });
    }

    private static java.util.Optional<Long> pid(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return java.util.Optional.empty();
            }
            String first = Files.readAllLines(file).stream().findFirst().orElse("").strip();
            return first.matches("\\d+") ? java.util.Optional.of(Long.parseLong(first)) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
