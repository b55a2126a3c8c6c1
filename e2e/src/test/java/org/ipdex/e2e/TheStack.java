package org.ipdex.e2e;

import org.ipdex.stack.LocalStack;
import org.ipdex.stack.Ports;
import org.ipdex.stack.StackSettings;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

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
 * The whole product (PostgreSQL, Elasticsearch, the four service jars as processes, demo data), started once per
 * test JVM for every IT class that asks for a {@link Running} parameter, and stopped when the JVM's tests are done.
 * Starting it takes most of a minute; once per class it would dominate the run.
 *
 * <pre>{@code @ExtendWith(TheStack.class) class SomeIT { @BeforeAll void connect(TheStack.Running stack) … } }</pre>
 */
final class TheStack implements ParameterResolver {

    /** The started product: its gateway, and its data directory (where the admin key is written). */
    record Running(LocalStack stack, Path home, Http gateway) implements ExtensionContext.Store.CloseableResource {

        /** Stops the product, keeps its logs as build artifacts (target/stack-logs) and removes its data. */
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

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        // the root context's store lives as long as the test run, and closes what it holds at the end
        return extension.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    private static Running start() {
        try {
            // under /tmp: Elasticsearch runs as its own user when the build runs as root
            Path home = Files.createTempDirectory(Path.of("/tmp"), "ipdex-e2e-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path repository = Path.of(System.getProperty("ipdex.repository", "..")).toAbsolutePath().normalize();
            StackSettings settings = new StackSettings(home, repository,
                    new StackSettings.Ports(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                            Ports.free()),
                    Optional.empty(), Optional.empty(), "512m", true);
            LocalStack stack = LocalStack.start(settings);
            return new Running(stack, home, new Http(stack.gatewayUrl()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
