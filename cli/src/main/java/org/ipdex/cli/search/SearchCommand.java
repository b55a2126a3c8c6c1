package org.ipdex.cli.search;

import org.ipdex.cli.ExitCodes;
import org.ipdex.cli.Json;
import org.ipdex.cli.Version;
import org.ipdex.cli.server.ServerFailures;
import org.ipdex.cli.server.ServerOptions;
import org.ipdex.cli.server.ServerSettings;
import org.ipdex.client.IpdexClient;
import org.ipdex.client.api.SearchApi;
import org.ipdex.client.model.ApiHit;
import org.ipdex.client.model.AuthorityHit;
import org.ipdex.client.model.AuthorityResults;
import org.ipdex.client.model.OperationHit;
import org.ipdex.client.model.SearchResultsApiHit;
import org.ipdex.client.model.SearchResultsOperationHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Searches every office's APIs (default), their operations, or the authority records of the "
                + "active editions (QUERY is then a publication number in any common form), as the portal does.",
                "No key is needed; IPDEX_API_KEY is sent when set.",
                "Exit: 0 answered (also with no hits), 2 usage, 3 the server refused the query, 4 server "
                        + "unreachable or failed, 5 key refused."})
public final class SearchCommand implements Callable<Integer> {

    enum Kind { apis, operations, authority }

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "QUERY", description = "the words (or the publication number) to look for")
    String query;

    @Option(names = "--kind", defaultValue = "apis", description = "apis, operations or authority. Default: ${DEFAULT-VALUE}")
    Kind kind;

    @Option(names = "--limit", defaultValue = "20", description = "hits on the page. Default: ${DEFAULT-VALUE}")
    int limit;

    @Option(names = "--format", defaultValue = "text", description = "text or json (the server's page). Default: ${DEFAULT-VALUE}")
    Format format;

    @Override
    public Integer call() {
        ServerSettings settings = server.settings();
        try {
            IpdexClient client = ServerOptions.connect(settings);
            PrintWriter out = spec.commandLine().getOut();
            Object page = switch (kind) {
                case apis -> client.search().searchApis(SearchApi.APISearchApisRequest.newBuilder().q(query)
                        .limit(Integer.toString(limit)).build());
                case operations -> client.search().searchOperations(SearchApi.APISearchOperationsRequest.newBuilder()
                        .q(query).limit(Integer.toString(limit)).build());
                case authority -> client.search().searchAuthority(SearchApi.APISearchAuthorityRequest.newBuilder()
                        .q(query).limit(Integer.toString(limit)).build());
            };
            if (format == Format.json) {
                Json.write(client.apiClient().getObjectMapper().valueToTree(page), out);
            } else if (page instanceof SearchResultsApiHit apis) {
                apis(apis.getItems(), out);
                more(apis.getNext(), out);
            } else if (page instanceof SearchResultsOperationHit operations) {
                operations(operations.getItems(), out);
                more(operations.getNext(), out);
            } else if (page instanceof AuthorityResults records) {
                records(records.getItems(), out);
                more(records.getNext(), out);
            }
            return ExitCodes.OK;
        } catch (Exception e) {
            throw new ServerFailures(settings).about("the query", e);
        }
    }

    private static void apis(List<ApiHit> hits, PrintWriter out) {
        for (ApiHit hit : hits) {
            out.printf("%-40s %-4s %-2s %s%n", hit.getApiId(), hit.getOfficeCode(),
                    hit.getSt90Level() == null ? "-" : hit.getSt90Level(), hit.getTitle());
        }
        out.printf("%d API(s)%n", hits.size());
    }

    private static void operations(List<OperationHit> hits, PrintWriter out) {
        for (OperationHit hit : hits) {
            out.printf("%-7s %-50s %-40s %s%n", hit.getMethod(), hit.getPath(), hit.getApiId(),
                    hit.getSummary() == null ? "" : hit.getSummary());
        }
        out.printf("%d operation(s)%n", hits.size());
    }

    private static void records(List<AuthorityHit> hits, PrintWriter out) {
        for (AuthorityHit hit : hits) {
            out.printf("%-24s %-4s %-10s %s%n", hit.getKey(), hit.getKind() == null ? "-" : hit.getKind(),
                    hit.getPublicationDate() == null ? "-" : hit.getPublicationDate(),
                    hit.getExceptionCode() == null ? "" : "exception " + hit.getExceptionCode());
        }
        out.printf("%d record(s)%n", hits.size());
    }

    private static void more(String next, PrintWriter out) {
        if (next != null) {
            out.println("(more on the server: raise --limit, or use the portal)");
        }
    }
}
