package org.ipdex.client;

import org.ipdex.client.api.AdminApi;
import org.ipdex.client.api.AuthorityApi;
import org.ipdex.client.api.CatalogApi;
import org.ipdex.client.api.CoverageApi;
import org.ipdex.client.api.DiffApi;
import org.ipdex.client.api.LintApi;
import org.ipdex.client.api.ScopeApi;
import org.ipdex.client.api.SearchApi;
import org.ipdex.client.invoker.ApiClient;

import java.time.Duration;

/**
 * The typed client of ipdex's public API: one generated class per operation group (the tags of the gateway's merged
 * OpenAPI document), all sharing one configured {@link ApiClient}. This class only configures; every request is
 * the generated code's. Problem documents come back as {@link IpdexProblemException}.
 *
 * <pre>{@code
 * IpdexClient ipdex = IpdexClient.connect(ClientSettings.of("http://127.0.0.1:8080")
 *         .withApiKey(System.getenv("IPDEX_API_KEY")));
 * RegistrationResponse registered = ipdex.catalog().registerApi(yaml, null, "ep-legal-status", null);
 * }</pre>
 */
public final class IpdexClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ApiClient api;
    private final CatalogApi catalog;
    private final LintApi lint;
    private final DiffApi diff;
    private final AuthorityApi authority;
    private final CoverageApi coverage;
    private final ScopeApi scope;
    private final SearchApi search;
    private final AdminApi admin;

    private IpdexClient(ApiClient api) {
        this.api = api;
        // each generated class copies the client's settings when it is made, so they are made after configuring
        this.catalog = new CatalogApi(api);
        this.lint = new LintApi(api);
        this.diff = new DiffApi(api);
        this.authority = new AuthorityApi(api);
        this.coverage = new CoverageApi(api);
        this.scope = new ScopeApi(api);
        this.search = new SearchApi(api);
        this.admin = new AdminApi(api);
    }

    public static IpdexClient connect(ClientSettings settings) {
        ApiClient api = new ApiClient();
        api.updateBaseUri(settings.baseUri());
        api.setReadTimeout(settings.timeout());
        // a gateway that does not even accept the connection is down: say so soon, whatever the request may take
        api.setConnectTimeout(CONNECT_TIMEOUT.compareTo(settings.timeout()) < 0 ? CONNECT_TIMEOUT : settings.timeout());
        settings.apiKey().ifPresent(key -> api.setRequestInterceptor(
                request -> request.header("Authorization", "Bearer " + key)));
        api.setResponseInterceptor(new ProblemResponses(api.getObjectMapper()));
        return new IpdexClient(api);
    }

    /** APIs, versions, specs, offices' catalogue profiles, change feeds. */
    public CatalogApi catalog() {
        return catalog;
    }

    /** ST.90 reports: of stored versions, dry runs, rules and exceptions. */
    public LintApi lint() {
        return lint;
    }

    /** Change logs between two versions of an API. */
    public DiffApi diff() {
        return diff;
    }

    /** Authority-file editions, records, statistics, document look-up, office definitions. */
    public AuthorityApi authority() {
        return authority;
    }

    /** Coverage checks of a collection against authority files. */
    public CoverageApi coverage() {
        return coverage;
    }

    /** The PCT minimum documentation scope. */
    public ScopeApi scope() {
        return scope;
    }

    /** Search and suggestions across every office. */
    public SearchApi search() {
        return search;
    }

    /** Offices, API keys, parity, rebuilds (administrators). */
    public AdminApi admin() {
        return admin;
    }

    /** The configured generated client, for what this class does not expose (its object mapper, for one). */
    public ApiClient apiClient() {
        return api;
    }
}
