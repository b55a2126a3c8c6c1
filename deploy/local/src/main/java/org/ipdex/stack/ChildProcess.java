package org.ipdex.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server process the stack started: its output goes to a log file, its pid to a pid file (so that
 * {@code stop} and the next start can find it), and it is "up" when a health URL answers 200.
 */
public final class ChildProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    /**
     * How long a server may take to become healthy: {@code usual}, or the system property
     * {@code ipdex.stack.start-seconds} when that is longer (a build machine shared by several builds can be many
     * times slower than an idle laptop).
     */
    static Duration startTimeout(Duration usual) {
        long seconds = Long.getLong("ipdex.stack.start-seconds", 0L);
        return seconds > usual.toSeconds() ? Duration.ofSeconds(seconds) : usual;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path log, Path pidFile) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (pidFile != null) {
                PidFile.write(pidFile, process.toHandle());
            }
            return new ChildProcess(name, process, log, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Polls {@code healthUrl} until it answers 200; fails fast with the log's tail if the process dies. */
    public void awaitHealthy(String healthUrl, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(healthUrl)).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + "; last lines of " + log + ":\n" + Files2.tail(log, 40));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; last lines of " + log
                + ":\n" + Files2.tail(log, 40));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process started, for finding the server below a wrapper (runuser, a launcher JVM). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for the process to end by itself, e.g. after its server child was killed. */
    public void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still running " + timeout + " after its server died");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    /**
     * SIGKILL, as the OOM killer or a pulled plug would: no shutdown hooks, no {@code @PreDestroy}, no rollback
     * sent to the database. For crash tests; {@link #close} is the way to stop a server.
     *
     * @return the exit code, 137 (128 + 9) when the signal killed it
     */
    public int kill() {
        process.destroyForcibly();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
    }

    /** Stops the process and everything it started (runuser starts Elasticsearch as a grandchild). */
    @Override
    public void close() {
        stopTree(process.toHandle());
        if (pidFile != null) {
            PidFile.delete(pidFile);
        }
    }

    static void stopTree(ProcessHandle root) {
        List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
