package org.ipdex.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole product as {@code deploy/local/ipdex up} starts it (PostgreSQL, Elasticsearch, the four service jars as
 * processes) on free ports and a data directory of its own, removed again when closed: for the tests of what runs
 * against a whole stack from outside (client/, cli/, e2e/). The service jars must have been built.
 */
public final class TemporaryStack implements AutoCloseable {

    private final LocalStack stack;
    private final Path home;

    private TemporaryStack(LocalStack stack, Path home) {
        this.stack = stack;
        this.home = home;
    }

    /** Without demo data: loading the real corpus takes minutes on a busy machine, and most callers make their own. */
    public static TemporaryStack start() {
        return start(false);
    }

    public static TemporaryStack start(boolean demoData) {
        try {
            // under /tmp: Elasticsearch runs as its own user when the build runs as root
            Path home = Files.createTempDirectory(Path.of("/tmp"), "ipdex-stack-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            // the checkout whose service jars are started: the build passes it in (maven.multiModuleProjectDirectory)
            Path repository = Path.of(System.getProperty("ipdex.repository", "..")).toAbsolutePath().normalize();
            StackSettings settings = new StackSettings(home, repository,
                    new StackSettings.Ports(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                            Ports.free()),
                    Optional.empty(), Optional.empty(), "512m", demoData);
            return new TemporaryStack(LocalStack.start(settings), home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LocalStack localStack() {
        return stack;
    }

    /** The data directory: logs, pid files, and the secrets the stack made (admin key, identity secret). */
    public Path home() {
        return home;
    }

    public String gatewayUrl() {
        return stack.gatewayUrl();
    }

    public String adminKey() {
        return stack.adminKey();
    }

    /** Stops the product, keeps its logs in target/stack-logs (for a failed test's report) and removes its data. */
    @Override
    public void close() {
        stack.close();
        try {
            Path logs = Path.of("target", "stack-logs");
            Files.createDirectories(logs);
            try (Stream<Path> files = Files.list(home.resolve("logs"))) {
                for (Path log : files.toList()) {
                    Files.copy(log, logs.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (Stream<Path> all = Files.walk(home)) {
                all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
