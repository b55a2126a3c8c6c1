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
 *
 * <p>Fuzzy matching is what a query costs most: Lucene builds a Levenshtein automaton per term and field, and one
 * for two edits is many times dearer than one for one edit. So the typo reading covers only the fields that weigh
 * (boost 2 and up: titles, summaries, ids, tags) and allows one edit from 5 characters, two from 9
 * ({@code AUTO:5,9}); "patnet" and "trademrk" are still found. Measured: an operation search on "family" went from
 * ~200 ms to ~20 ms on the loaded 2-core test machine.
 */
final class SearchText {

    private SearchText() {
    }

    /** @param fields with boosts, e.g. {@code title^3} */
    static Query query(String text, List<String> fields) {
        Query exact = exact(text, fields);
        List<String> weighty = fields.stream().filter(SearchText::weighs).toList();
        List<String> fuzzyFields = weighty.isEmpty() ? fields : weighty;
        Query fuzzy = Query.of(q -> q.multiMatch(m -> m.query(text).fields(fuzzyFields)
                .type(TextQueryType.BestFields).fuzziness("AUTO:5,9").prefixLength(1).maxExpansions(20)
                .lenient(true)));
        if (text.indexOf('"') >= 0) {
            return Query.of(q -> q.bool(b -> b.must(exact).should(fuzzy)));
        }
        Query exactBoosted = Query.of(q -> q.simpleQueryString(s -> s.query(text).fields(fields)
                .defaultOperator(Operator.And).lenient(true).boost(2.0f)));
        return Query.of(q -> q.bool(b -> b.should(exactBoosted).should(fuzzy).minimumShouldMatch("1")));
    }

    /**
     * The words as typed, without the typo reading: what highlights are taken from, since highlighting the fuzzy
     * reading rebuilds its automata for every hit and field.
     */
    static Query exact(String text, List<String> fields) {
        return Query.of(q -> q.simpleQueryString(s -> s.query(text).fields(fields)
                .defaultOperator(Operator.And).lenient(true)));
    }

    private static boolean weighs(String field) {
        int caret = field.indexOf('^');
        return caret > 0 && Double.parseDouble(field.substring(caret + 1)) >= 2;
    }
}
