package org.ipdex.catalog.support;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/**
 * What every catalog-service test class sets up the same way: a database of its own, the service on it, and a
 * {@link CatalogHarness} to call it. Subclasses are {@code @MicronautTest(transactional = false)} with one test
 * instance per class, and add settings in {@link #configure}.
 */
public abstract class CatalogTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    protected HttpClient client;
    @Inject
    protected IdentityTokens tokens;
    protected Map<String, String> properties;
    protected CatalogHarness harness;

    @Override
    public final Map<String, String> getProperties() {
        properties = TestStack.serviceProperties("catalog");
        configure(properties);
        return properties;
    }

    /** This class's settings on top of a fresh database and the identity secret. */
    protected void configure(Map<String, String> properties) {
    }

    @BeforeAll
    final void createHarness() {
        harness = new CatalogHarness(client, tokens, properties);
    }
}
