package org.ipdex.authority;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.common.identity.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The authority API as a test client sees it: raw HTTP (so bodies stream and status codes are plain), with
 * identity tokens minted for an office, an admin or the public.
 */
public final class AuthorityApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final EmbeddedServer server;
    private final IdentityTokens tokens;
    private final JsonMapper json;

    public AuthorityApi(EmbeddedServer server, IdentityTokens tokens, JsonMapper json) {
        this.server = server;
        this.tokens = tokens;
        this.json = json;
    }

    /** A status code and the body as text, with JSON access. */
    public record Answer(int status, String body, String contentType, JsonMapper json) {
        public JsonNode node() {
            try {
                return json.readValue(body, JsonNode.class);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }

        public long editionId() {
            return node().get("edition").get("editionId").getLongValue();
        }
    }

    public String officeToken(String office) {
        return tokens.issue(new Identity("office-" + office, Set.of(Roles.OFFICE), Optional.of(office)));
    }

    public String adminToken() {
        return tokens.issue(new Identity("admin", Set.of(Roles.ADMIN), Optional.empty()));
    }

    public String publicToken() {
        return tokens.issue(Identity.anonymous());
    }

    public Answer upload(String office, String query, byte[] body) {
        return upload(office, query, HttpRequest.BodyPublishers.ofByteArray(body), officeToken(office));
    }

    public Answer upload(String office, String query, Path file) {
        try {
            return upload(office, query, HttpRequest.BodyPublishers.ofFile(file), officeToken(office));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer upload(String office, String query, HttpRequest.BodyPublisher body, String token) {
        return send(HttpRequest.newBuilder(uri("/api/v1/authority/offices/" + office + "/editions?" + query))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(body).build());
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + publicToken()).GET().build());
    }

    public Answer getAs(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build());
    }

    public InputStream stream(String path, String token) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] resource(String name) {
        try (InputStream in = AuthorityApi.class.getResourceAsStream("/st37/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
