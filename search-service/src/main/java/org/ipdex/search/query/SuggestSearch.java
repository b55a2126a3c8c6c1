package org.ipdex.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggester;
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
 * As-you-type suggestions from the completion fields of both catalog indices in one request: offices (their own
 * field), API titles and operation summaries. A completion suggester answers from an in-memory FST, so this stays
 * fast however large the indices grow. It offers each document once, with its best input, and
 * {@code skip_duplicates} can then drop a second document's equal input too, so duplicates (every EP API names
 * the same office) are removed here instead.
 */
@Singleton
public class SuggestSearch {

    public static final int MAX_LIMIT = 10;
    static final int MAX_TEXT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SuggestSearch.class);
    private static final String OFFICES = "offices";
    private static final String TEXTS = "texts";
    /** Offices come first but never crowd out the rest: there are few. */
    private static final int MAX_OFFICES = 3;

    private final ElasticsearchClient client;
    private final SearchLimiter limiter;
    private final Indices indices;

    SuggestSearch(ElasticsearchClient client, Indices indices, SearchLimiter limiter) {
        this.client = client;
        this.limiter = limiter;
        this.indices = indices;
    }

    public List<Suggestion> suggest(String q, int limit) {
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
                .suggest(su -> su.text(text)
                        .suggesters(OFFICES, f -> f.completion(c -> completion(c, "officeSuggest", text, limit * 5)))
                        .suggesters(TEXTS, f -> f.completion(c -> completion(c, "suggest", text, limit * 3)))));
        SearchResponse<Source> response = Searches.execute(limiter, client, request, Source.class, LOG);
        Set<Suggestion> out = new LinkedHashSet<>();
        for (CompletionSuggestOption<Source> option : options(response, OFFICES)) {
            if (out.size() < Math.min(MAX_OFFICES, limit)) {
                Source source = option.source();
                out.add(new Suggestion(source.officeName() == null ? source.officeCode() : source.officeName(),
                        "office", null, source.officeCode(), null, null));
            }
        }
        for (CompletionSuggestOption<Source> option : options(response, TEXTS)) {
            if (out.size() < limit) {
                out.add(of(option.text(), option.source()));
            }
        }
        return new ArrayList<>(out);
    }

    private static CompletionSuggester.Builder completion(CompletionSuggester.Builder c, String field, String text,
                                                          int size) {
        c.field(field).size(size);
        if (text.length() >= 4) {
            c.fuzzy(z -> z.fuzziness("1").minLength(4).prefixLength(2));
        }
        return c;
    }

    private static List<CompletionSuggestOption<Source>> options(SearchResponse<Source> response, String name) {
        List<CompletionSuggestOption<Source>> options = new ArrayList<>();
        response.suggest().getOrDefault(name, List.of()).forEach(suggestion -> suggestion.completion().options()
                .stream().filter(option -> option.source() != null).forEach(options::add));
        return options;
    }

    /** The matched input may be a title's tail ("Patent Register"); the whole title is what is shown. */
    private static Suggestion of(String matched, Source source) {
        if (source.operationKey() != null) {
            return new Suggestion(source.summary() == null ? matched : source.summary(), "operation",
                    source.apiId(), source.officeCode(), source.method(), source.path());
        }
        return new Suggestion(source.title(), "api", source.apiId(), source.officeCode(), null, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(String apiId, String officeCode, String officeName, String title, String operationKey,
                  String method, String path, String summary) {
    }
}
