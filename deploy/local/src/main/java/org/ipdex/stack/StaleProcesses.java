package org.ipdex.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

    /**
     * Asks a running launcher to stop; its shutdown hook stops what it started. The file of a launcher that was
     * killed goes too: what it left running is found by {@link #stopAll}.
     */
    static void stopLauncher(Path runDirectory) {
        Path file = runDirectory.resolve(LAUNCHER);
        PidFile.live(file).ifPresent(launcher -> {
            launcher.destroy();
            launcher.onExit().join();
        });
        PidFile.delete(file);
    }

    private static void stop(Path pidFile) {
        PidFile.live(pidFile).ifPresent(process -> {
            LocalStack.log("stopping leftover process " + process.pid() + " (" + pidFile.getFileName() + ")");
            ChildProcess.stopTree(process);
        });
        PidFile.delete(pidFile);
    }

    /**
     * The embedded server runs detached (pg_ctl), so it is found through PostgreSQL's own pid file, whose first
     * line is the pid; the command name tells that it is still a PostgreSQL server.
     */
    private static void stopPostgres(Path postmasterPid) {
        firstLinePid(postmasterPid).flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .ifPresent(process -> {
                    LocalStack.log("stopping leftover PostgreSQL " + process.pid());
                    ChildProcess.stopTree(process);
                });
    }

    private static Optional<Long> firstLinePid(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(file).stream().findFirst().orElse("").strip();
            return first.matches("\\d{1,10}") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
