package org.ipdex.catalog.lint.rules;

import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A GET on a collection path that answers a list (an array, or an envelope such as {@code {items: […]}}) declares
 * paging parameters — offset/limit, page/size or a cursor — so neither side has to move an unbounded collection.
 */
@Singleton
final class PaginationRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.query.pagination", Section.DATA_QUERY_PATTERNS,
            Level.SHOULD, "Collections declare pagination");
    private static final Set<String> PAGING = Set.of("limit", "offset", "cursor", "page", "pagesize", "size",
            "perpage", "per_page", "start", "first", "after", "before", "pagetoken", "maxresults", "count", "rows",
            "skip", "top", "$top", "$skip", "from", "range", "page_size", "max_results", "pagenumber", "next");

    /** Where list envelopes keep their items; any other array property is a field of one resource. */
    private static final Set<String> ENVELOPES = Set.of("items", "data", "results", "content", "records", "elements",
            "values", "value", "entries", "hits", "list", "rows", "documents");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            List<String> segments = Rules.segments(op.path());
            boolean collection = !segments.isEmpty() && !Rules.isTemplate(segments.get(segments.size() - 1));
            if (!collection || !op.method().equals("get") || op.operation().getResponses() == null
                    || !returnsList(spec, spec.resolve(op.operation().getResponses().get("200")))) {
                continue;
            }
            boolean paged = spec.parameters(op).stream().map(SpecContext.ParameterRef::parameter)
                    .anyMatch(p -> p.getName() != null && PAGING.contains(p.getName().toLowerCase(Locale.ROOT)));
            if (!paged) {
                violations.add(spec.violation(this, op.pointer() + "/parameters",
                        "GET " + op.path() + " returns a list but declares no paging parameter"));
            }
        }
        return violations;
    }

    private static boolean returnsList(SpecContext spec, ApiResponse response) {
        if (response == null || response.getContent() == null) {
            return false;
        }
        for (var entry : response.getContent().entrySet()) {
            MediaType media = entry.getValue();
            Schema<?> schema = media == null ? null : spec.resolve(media.getSchema());
            if (Rules.isJson(entry.getKey()) && schema != null && (isArray(schema) || (schema.getProperties() != null
                    && schema.getProperties().entrySet().stream().anyMatch(p -> ENVELOPES.contains(p.getKey())
                    && isArray(spec.resolve(p.getValue())))))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isArray(Schema<?> schema) {
        return SpecContext.type(schema).filter("array"::equals).isPresent();
    }
}
