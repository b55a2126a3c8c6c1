package org.ipdex.client;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The generated client's response interceptor: it sees every answer before the generated code does, and raises a
 * problem document as {@link IpdexProblemException}. Any other answer goes on to the generated code unread (an
 * error without a problem document then becomes its {@code ApiException}).
 */
final class ProblemResponses implements Consumer<HttpResponse<InputStream>> {

    static final String MEDIA_TYPE = "application/problem+json";

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void accept(HttpResponse<InputStream> response) {
        if (response.statusCode() < 400 || !isProblem(response)) {
            return;
        }
        try (InputStream body = response.body()) {
            throw new IpdexProblemException(json.readValue(body, Problem.class));
        } catch (IOException e) {
            throw new UncheckedIOException("A problem document (" + response.statusCode() + ") could not be read", e);
        }
    }

    private static boolean isProblem(HttpResponse<InputStream> response) {
        return response.headers().firstValue("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE)).orElse(false);
    }
}
