package org.ipdex.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;

import java.util.List;

/**
 * Turns what a person typed into a typed query. Two readings are combined:
 * {@code simple_query_string} gives "quoted phrases", {@code -exclusions} and {@code prefix*} and never fails
 * on odd syntax; {@code multi_match} with {@code fuzziness: AUTO} forgives typos ("patnet"). Without quotes
 * either may match (all words matching rank first); with quotes the phrase is required and the fuzzy reading
 * only adds to the score, so a quoted phrase is never loosened into its words.
 */
final class SearchText {

    private SearchText() {
    }

    /** @param fields with boosts, e.g. {@code title^3} */
    static Query query(String text, List<String> fields) {
        Query exact = Query.of(q -> q.simpleQueryString(s -> s.query(text).fields(fields)
                .defaultOperator(Operator.And).lenient(true)));
        Query fuzzy = Query.of(q -> q.multiMatch(m -> m.query(text).fields(fields).type(TextQueryType.BestFields)
                .fuzziness("AUTO").prefixLength(1).maxExpansions(20).lenient(true)));
        if (text.indexOf('"') >= 0) {
            return Query.of(q -> q.bool(b -> b.must(exact).should(fuzzy)));
        }
        Query exactBoosted = Query.of(q -> q.simpleQueryString(s -> s.query(text).fields(fields)
                .defaultOperator(Operator.And).lenient(true).boost(2.0f)));
        return Query.of(q -> q.bool(b -> b.should(exactBoosted).should(fuzzy).minimumShouldMatch("1")));
    }
}
