package org.ipdex.e2e;

import org.ipdex.stack.LocalStack;
import org.ipdex.stack.TemporaryStack;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * The whole product (PostgreSQL, Elasticsearch, the four service jars as processes, demo data), started once per
 * test JVM for every IT class that asks for a {@link Running} parameter, and stopped when the JVM's tests are done.
 * Starting it takes most of a minute; once per class it would dominate the run.
 *
 * <pre>{@code @ExtendWith(TheStack.class) class SomeIT { @BeforeAll void connect(TheStack.Running stack) … } }</pre>
 */
final class TheStack implements ParameterResolver {

    /** The started product: its gateway, and its data directory (where the admin key is written). */
    record Running(TemporaryStack started, Http gateway) implements ExtensionContext.Store.CloseableResource {

        LocalStack stack() {
            return started.localStack();
        }

        Path home() {
            return started.home();
        }

        /** Stops the product, keeps its logs as build artifacts (target/stack-logs) and removes its data. */
        @Override
        public void close() {
            started.close();
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
        TemporaryStack started = TemporaryStack.start(true);
        return new Running(started, new Http(started.gatewayUrl()));
    }
}
