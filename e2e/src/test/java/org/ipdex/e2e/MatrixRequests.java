package org.ipdex.e2e;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an operation of the table into a concrete request against office A's resources: path parameters filled
 * with the fixture's real ids, the query an operation needs, and a body valid enough that authorisation, not
 * validation, decides the answer (a body refused as invalid before the key is looked at would hide a hole).
 */
final class MatrixRequests {

    /** A request ready to send; {@code contentType} and {@code body} are null for none. */
    record Request(String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private record Body(String contentType, String content) {
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{\\+?([A-Za-z]+)}");
    private static final String JSON = "application/json";

    private final MatrixFixture fixture;
    private final Map<String, Function<MatrixFixture, String>> queries;
    private final Map<String, Function<MatrixFixture, Body>> bodies;

    MatrixRequests(MatrixFixture fixture) {
        this.fixture = fixture;
        this.queries = Map.ofEntries(
                Map.entry("GET /api/v1/catalog/apis/{apiId}/diff", f -> "from=" + f.firstVersion + "&to=" + f.secondVersion),
                Map.entry("POST /api/v1/catalog/apis", f -> "office=" + f.officeA),
                Map.entry("GET /api/v1/authority/editions/{editionId}/diff", f -> "against=" + f.editionId),
                Map.entry("POST /api/v1/authority/offices/{office}/editions", f -> "layout=epo-csv&wait=true"),
                Map.entry("POST /api/v1/authority/coverageChecks", f -> "offices=" + f.officeA),
                Map.entry("GET /api/v1/authority/records", f -> "office=" + f.officeA),
                Map.entry("GET /api/v1/search/apis", f -> "q=matrix"),
                Map.entry("GET /api/v1/search/operations", f -> "q=register"),
                Map.entry("GET /api/v1/search/authority", f -> "q=" + f.officeA + f.documentNumber),
                Map.entry("GET /api/v1/suggest", f -> "q=mat"));
        this.bodies = Map.ofEntries(
                Map.entry("POST /api/v1/catalog/apis",
                        f -> new Body("application/yaml", MatrixFixture.spec("Matrix Api " + f.unique(), "1.0.0"))),
                Map.entry("PATCH /api/v1/catalog/apis/{apiId}",
                        f -> new Body("application/merge-patch+json", "{\"description\":\"Patched " + f.unique() + "\"}")),
                Map.entry("POST /api/v1/catalog/apis/{apiId}/versions", f -> new Body("application/yaml",
                        MatrixFixture.spec("Matrix Register", "2." + Math.abs(f.unique().hashCode()) + ".0"))),
                Map.entry("POST /api/v1/catalog/apis/{apiId}/lintExceptions", f -> new Body(JSON,
                        "{\"ruleId\":\"" + f.ruleId + "\",\"justification\":\"Authorisation matrix " + f.unique() + "\"}")),
                Map.entry("PUT /api/v1/catalog/offices/{officeCode}", f -> new Body(JSON,
                        "{\"name\":\"Matrix office " + f.officeA + "\",\"country\":\"" + f.officeA + "\"}")),
                Map.entry("PUT /api/v1/catalog/lintRules",
                        f -> new Body(JSON, "[" + f.unchangedRuleSetting(true) + "]")),
                Map.entry("PUT /api/v1/catalog/lintRules/{ruleId}", f -> new Body(JSON, f.unchangedRuleSetting(false))),
                Map.entry("POST /api/v1/catalog/lintReports",
                        f -> new Body("application/yaml", MatrixFixture.spec("Dry Run", "1.0.0"))),
                Map.entry("POST /api/v1/authority/offices/{office}/editions", f -> new Body("text/csv", f.editionFile())),
                Map.entry("PUT /api/v1/authority/offices/{office}/definitions",
                        f -> new Body("text/plain", "type;code;description\nkind;A1;Application\n")),
                Map.entry("POST /api/v1/authority/coverageChecks",
                        f -> new Body("text/csv", f.officeA + f.documentNumber + "\n")),
                Map.entry("PUT /api/v1/authority/scope", f -> new Body(JSON, f.unchangedScope())),
                Map.entry("POST /api/v1/search/rebuilds", f -> new Body(JSON, "")),
                Map.entry("POST /api/v1/admin/offices", f -> new Body(JSON, f.newOfficeBody())),
                Map.entry("POST /api/v1/admin/apiKeys", f -> new Body(JSON,
                        "{\"name\":\"matrix " + f.unique() + "\",\"role\":\"office\",\"officeCode\":\"" + f.officeB + "\"}")),
                Map.entry("POST /api/v1/admin/apiKeys/{keyId}/rotation", f -> new Body(JSON, "")),
                Map.entry("POST /api/v1/webhooks/subscriptions", f -> new Body(JSON,
                        "{\"url\":\"https://93.184.215.14/ipdex-matrix-" + f.unique() + "\",\"offices\":[\"QQ\"]}")));
    }

    Request of(AuthorisationRow row) {
        // the document names this one without its {+number} parameter (micronaut-openapi drops reserved expansion)
        String template = row.operation().equals("GET /api/v1/authority/documents")
                ? row.path() + "/{number}" : row.path();
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(MatrixFixture.encoded(value(matcher.group(1), row))));
        }
        matcher.appendTail(path);
        Function<MatrixFixture, String> query = queries.get(row.operation());
        if (query != null) {
            path.append('?').append(query.apply(fixture));
        }
        Function<MatrixFixture, Body> body = bodies.get(row.operation());
        if (body != null) {
            Body made = body.apply(fixture);
            return new Request(row.method(), path.toString(), made.contentType(), made.content());
        }
        return row.kind() == AuthorisationRow.Kind.READ || row.method().equals("DELETE")
                ? new Request(row.method(), path.toString(), null, null)
                : new Request(row.method(), path.toString(), JSON, "{}");
    }

    private String value(String parameter, AuthorisationRow row) {
        return switch (parameter) {
            case "apiId" -> fixture.apiId;
            case "version" -> fixture.firstVersion;
            case "office", "officeCode", "code" -> fixture.officeA;
            case "editionId" -> Long.toString(fixture.editionId);
            case "number" -> fixture.officeA + fixture.documentNumber;
            case "checkId" -> fixture.checkId;
            case "rebuildId" -> fixture.rebuildId;
            case "ruleId" -> fixture.ruleId;
            // a deletion uses its subscription up: each call deletes one of its own
            case "subscriptionId" -> row.method().equals("DELETE") ? fixture.subscribe() : fixture.subscriptionId;
            // a revocation or rotation uses its key up: each call gets a key of its own
            case "keyId" -> row.kind() == AuthorisationRow.Kind.READ ? fixture.keyIdA : fixture.throwawayKeyId();
            // a parameter the fixture does not know: the caller's rights still decide, the resource may be missing
            default -> "placeholder";
        };
    }
}
