package org.ipdex.search;

import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.IdentityTokens;

import java.util.Map;

/**
 * What the search-service test classes that run in a {@code @MicronautTest} context share: the settings of
 * {@link SearchTests#properties} under the class's name, the stub catalog feed of that name, the service's client
 * and an anonymous caller's token. Subclasses are {@code @MicronautTest} with one test instance per class and add
 * settings in {@link #configure}.
 */
public abstract class SearchServiceTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    protected HttpClient http;
    @Inject
    protected IdentityTokens tokens;
    protected final StubFeed feed = StubFeed.named(getClass().getSimpleName());

    @Override
    public final Map<String, String> getProperties() {
        Map<String, String> properties = SearchTests.properties(getClass().getSimpleName());
        configure(properties);
        return properties;
    }

    /** This class's settings on top of {@link SearchTests#properties}. */
    protected void configure(Map<String, String> properties) {
    }

    protected String token() {
        return tokens.issue(Identity.anonymous());
    }

    protected BlockingHttpClient client() {
        return http.toBlocking();
    }
}
