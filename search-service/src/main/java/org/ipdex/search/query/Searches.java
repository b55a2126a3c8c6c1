package org.ipdex.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.ipdex.common.problem.UnavailableException;
import org.slf4j.Logger;

import java.io.IOException;

/**
 * Runs a search and turns the cluster's own troubles into 503s. An index that vanished under the request (the
 * old index of an alias swap, deleted a moment later) is retried once: the alias already points at the new one.
 */
final class Searches {

    private Searches() {
    }

    static <T> SearchResponse<T> execute(SearchLimiter limiter, ElasticsearchClient client, SearchRequest request,
                                         Class<T> type, Logger log) {
        return limiter.call(() -> execute(client, request, type, log));
    }

    private static <T> SearchResponse<T> execute(ElasticsearchClient client, SearchRequest request, Class<T> type,
                                                 Logger log) {
        for (int attempt = 1; ; attempt++) {
            try {
                SearchResponse<T> response = client.search(request, type);
                if (response.shards().failed().intValue() > 0) {
                    // partial results are still answers, but a failing shard is a bug or an outage to look at
                    log.warn("Search of {}: {} of {} shards failed: {}", request.index(), response.shards().failed(),
                            response.shards().total(), response.shards().failures().isEmpty() ? "?"
                                    : response.shards().failures().get(0).reason().reason());
                }
                return response;
            } catch (IOException e) {
                log.warn("Search of {} failed: {}", request.index(), e.toString());
                throw new UnavailableException("Search is unavailable for a moment; retry shortly");
            } catch (ElasticsearchException e) {
                boolean missing = "index_not_found_exception".equals(e.error().type());
                if (missing && attempt == 1) {
                    continue;
                }
                if (missing) {
                    throw new UnavailableException("The search index is being created; retry shortly");
                }
                if (e.status() == 503 || e.status() == 429) {
                    log.warn("Search of {} refused: {}", request.index(), e.getMessage());
                    throw new UnavailableException("Search is unavailable for a moment; retry shortly");
                }
                throw e;
            }
        }
    }
}
