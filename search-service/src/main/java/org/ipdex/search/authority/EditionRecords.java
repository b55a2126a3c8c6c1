package org.ipdex.search.authority;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.common.identity.IdentityTokens;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Streams one edition's records from authority-service ({@code GET /internal/v1/editions/{id}/records}, NDJSON),
 * one record at a time: ten million records pass through a few kilobytes of buffer. {@link HttpURLConnection}
 * rather than Micronaut's client because it gives a plain blocking stream with a per-read timeout.
 */
@Singleton
class EditionRecords {

    private static final ObjectReader READER = new ObjectMapper().readerFor(EditionRecord.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Silence longer than this mid-stream means authority-service is gone; the edition is retried. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String authorityUrl;
    private final IdentityTokens tokens;

    EditionRecords(@Value("${ipdex.feeds.authority.url}") String authorityUrl, IdentityTokens tokens) {
        this.authorityUrl = authorityUrl.endsWith("/") ? authorityUrl.substring(0, authorityUrl.length() - 1)
                : authorityUrl;
        this.tokens = tokens;
    }

    /**
     * Thrown when authority-service no longer has the edition's records (404 unknown, 409 records dropped): a newer
     * edition superseded it, and its activation follows in the feed.
     */
    static final class EditionGoneException extends IOException {
        EditionGoneException(long editionId) {
            super("authority-service no longer has edition " + editionId);
        }
    }

    /** Calls {@code sink} for every record, in the order served; returns how many lines were read. */
    long stream(long editionId, Consumer<EditionRecord> sink) throws IOException {
        URI uri = URI.create(authorityUrl + "/internal/v1/editions/" + editionId + "/records");
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
        connection.setRequestProperty("Accept", ChangeEvent.MEDIA_TYPE);
        connection.setRequestProperty("Authorization", "Bearer " + tokens.forThisService());
        try {
            int status = connection.getResponseCode();
            if (status == 404 || status == 409 || status == 410) {
                throw new EditionGoneException(editionId);
            }
            if (status != 200) {
                throw new IOException("GET " + uri + " answered " + status);
            }
            long lines = 0;
            // one record after another straight from the bytes: no line strings, blank lines are whitespace
            try (MappingIterator<EditionRecord> values = READER.readValues(connection.getInputStream())) {
                while (values.hasNextValue()) {
                    sink.accept(values.nextValue());
                    lines++;
                }
            }
            return lines;
        } finally {
            connection.disconnect();
        }
    }
}
