package org.ipdex.search;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.common.identity.Roles;

/**
 * The catalog feed a test's service reads from itself (see {@link SearchTests#properties}): the {@link StubFeed}
 * named after the test. A test that serves its own {@code /internal/v1} switches this one off with
 * {@code ipdex.test.stub-catalog-feed: false}.
 */
@Requires(property = "spec.name")
@Requires(property = "ipdex.test.stub-catalog-feed", notEquals = "false")
@Controller("/internal/v1/changes")
@Secured(Roles.SERVICE)
class StubCatalogFeedController {

    private final StubFeed feed;

    StubCatalogFeedController(@Value("${spec.name}") String specName) {
        this.feed = StubFeed.named(specName);
    }

    @Get(produces = ChangeEvent.MEDIA_TYPE)
    HttpResponse<String> changes(@QueryValue long after, @QueryValue int limit) {
        return feed.serve(after, limit);
    }
}
