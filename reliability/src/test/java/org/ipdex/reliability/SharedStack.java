package org.ipdex.reliability;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link FaultStack} per test JVM for every fault test that asks for it, stopped when the run ends: starting
 * the product takes most of a minute. Each test leaves every piece running again when it is done, and checks its
 * outcome with {@link Parity}, which compares everything, so the tests do not depend on each other's data.
 *
 * <pre>{@code @ExtendWith(SharedStack.class) class SomeFaultIT { @BeforeAll void connect(FaultStack stack) … } }</pre>
 */
final class SharedStack implements ParameterResolver {

    private record Closing(FaultStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == FaultStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Closing.class, key -> new Closing(FaultStack.start()), Closing.class).stack();
    }
}
