package org.ipdex.search.consume;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.ipdex.common.page.Page;
import org.ipdex.search.SearchServiceTest;
import org.ipdex.search.SearchTests;
import org.ipdex.search.query.ApiHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * catalog-service's database is replaced by a new one, then restored to an earlier state. Its seqs and versions
 * start again, so reading on from the checkpoint would skip the new events and keep the old documents (their
 * versions are higher): the indices are rebuilt from the new feed instead, with nobody's help.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedReplacedTest extends SearchServiceTest {

    @Inject
    Checkpoints checkpoints;

    @Test
    void aReplacedOrRestoredCatalogDatabaseIsIndexedFromTheNewFeed() {
        feed.appendApi("ep-register", "EP", "Register", "the old database's fifth version", 5, List.of());
        feed.appendApi("us-gone", "US", "Register of the USPTO", "only in the old database", 1, List.of());
        SearchTests.await("the old database's documents", () -> descriptions().size() == 2);

        feed.replaceByNewFeed();
        feed.appendApi("ep-register", "EP", "Register", "the new database's first version", 1, List.of());
        feed.appendApi("de-register", "DE", "Register of the DPMA", "new", 1, List.of());
        SearchTests.await("the new database's documents and nothing else", () -> descriptions().equals(Map.of(
                "ep-register", "the new database's first version", "de-register", "new")));
        SearchTests.await("the live checkpoint belongs to the new feed", () -> feed.id().equals(liveFeedId()));

        long later = feed.appendApi("fr-register", "FR", "Register of the INPI", "written after the backup", 1,
                List.of());
        SearchTests.await("a third event", () -> SearchTests.checkpoint(client(), "catalog") == later
                && descriptions().containsKey("fr-register"));
        feed.restoreUpTo(2);
        // seen before the restored database takes new writes: its head behind the checkpoint gives it away
        SearchTests.await("what the backup did not have is gone", () -> !descriptions().containsKey("fr-register"));
        feed.appendApi("it-register", "IT", "Register of the UIBM", "after the restore", 1, List.of());
        SearchTests.await("the restored database's next event", () -> descriptions().keySet().equals(
                Set.of("ep-register", "de-register", "it-register")));
    }

    private String liveFeedId() {
        try {
            return checkpoints.load("catalog").map(Checkpoint::feedId).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every API found, with its description: which database a document came from. */
    @SuppressWarnings("unchecked")
    private Map<String, String> descriptions() {
        Page<ApiHit> page = client().retrieve(HttpRequest.GET("/api/v1/search/apis?q=register&limit=100")
                .bearerAuth(token()), Argument.of(Page.class, ApiHit.class));
        return page.items().stream().collect(Collectors.toMap(ApiHit::apiId, ApiHit::description));
    }
}
