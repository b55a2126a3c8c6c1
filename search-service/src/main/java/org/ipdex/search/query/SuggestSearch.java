package org.ipdex.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.search.index.Indices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * As-you-type suggestions from the completion fields of both catalog indices in one request: API titles, office
 * codes and names (inputs of the API documents), operation summaries. A completion suggester answers from an
 * in-memory FST, so this stays fast however large the indices grow.
 */
@Singleton
public class SuggestSearch {

    public static final int MAX_LIMIT = 10;
    static final int MAX_TEXT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SuggestSearch.class);
    private static final String NAME = "suggest";

    private final ElasticsearchClient client;
    private final Indices indices;

    SuggestSearch(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    public List<org.ipdex.search.query.Suggestion> suggest(String q, int limit) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw InvalidInputException.parameter("q", "must be 1 to " + MAX_TEXT + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        SearchRequest request = SearchRequest.of(s -> s.index(indices.apis(), indices.operations()).size(0)
                .source(src -> src.filter(f -> f.includes("apiId", "officeCode", "officeName", "title",
                        "operationKey", "method", "path", "summary")))
                .suggest(su -> su.suggesters(NAME, f -> f.prefix(text).completion(c -> {
                    c.field("suggest").size(limit * 2).skipDuplicates(true);
                    if (text.length() >= 4) {
                        c.fuzzy(z -> z.fuzziness("1").minLength(4).prefixLength(2));
                    }
                    return c;
                }))));
        SearchResponse<Source> response = Searches.execute(client, request, Source.class, LOG);
        Set<org.ipdex.search.query.Suggestion> out = new LinkedHashSet<>();
        for (Suggestion<Source> suggestion : response.suggest().getOrDefault(NAME, List.of())) {
            for (CompletionSuggestOption<Source> option : suggestion.completion().options()) {
                if (out.size() < limit && option.source() != null) {
                    out.add(of(option.text(), option.source()));
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The matched input may be a title's tail ("Patent Register"); the whole title is what is shown. */
    private static org.ipdex.search.query.Suggestion of(String matched, Source source) {
        if (source.operationKey() != null) {
            return new org.ipdex.search.query.Suggestion(source.summary() == null ? matched : source.summary(),
                    "operation", source.apiId(), source.officeCode(), source.method(), source.path());
        }
        if (matched.equalsIgnoreCase(source.officeCode())
                || (source.officeName() != null && source.officeName().endsWith(matched))) {
            return new org.ipdex.search.query.Suggestion(source.officeName() == null ? source.officeCode()
                    : source.officeName(), "office", null, source.officeCode(), null, null);
        }
        return new org.ipdex.search.query.Suggestion(source.title(), "api", source.apiId(), source.officeCode(),
                null, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(String apiId, String officeCode, String officeName, String title, String operationKey,
                  String method, String path, String summary) {
    }
}
