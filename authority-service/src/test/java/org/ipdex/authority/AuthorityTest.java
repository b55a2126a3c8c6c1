package org.ipdex.authority;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.BeforeAll;

import java.util.Locale;
import java.util.Map;

/**
 * What the authority-service test classes that upload files set up the same way: a database of their own, the
 * service on it, and an {@link AuthorityApi} to call it. Subclasses are {@code @MicronautTest(transactional = false)}
 * with one test instance per class, and add settings in {@link #configure}.
 */
public abstract class AuthorityTest implements TestPropertyProvider {

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected IdentityTokens tokens;
    @Inject
    protected JsonMapper json;
    protected AuthorityApi api;

    @Override
    public final Map<String, String> getProperties() {
        // a database named after the class, to find it when a test has failed
        Map<String, String> properties = TestStack.serviceProperties(
                "authority_" + getClass().getSimpleName().toLowerCase(Locale.ROOT));
        configure(properties);
        return properties;
    }

    /** This class's settings on top of a fresh database and the identity secret. */
    protected void configure(Map<String, String> properties) {
    }

    @BeforeAll
    final void createApi() {
        api = new AuthorityApi(server, tokens, json);
    }
}
