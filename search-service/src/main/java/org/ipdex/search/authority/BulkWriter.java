package org.ipdex.search.authority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes documents into one index through {@code _bulk}, with a few requests in flight; {@link #add} blocks while
 * they are all busy, which is the back-pressure that slows the reading of the edition stream.
 *
 * <p>Written here rather than using the client's {@code BulkIngester}: profiling the load of a million authority
 * records showed search-service spending more of the two cores than Elasticsearch itself, mostly in the ingester's
 * typed parsing of every item of every bulk response, its JSON-P writing of every action line and its objects
 * per operation. Here the action line is a constant, the target index is in the URL, bodies have a known length,
 * and Elasticsearch reports only the refused items ({@code filter_path}).
 */
final class BulkWriter implements AutoCloseable {

    private static final byte[] ACTION = "{\"index\":{}}\n".getBytes(StandardCharsets.US_ASCII);
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient client;
    private final String endpoint;
    private final int maxDocuments;
    private final long maxBytes;
    private final int concurrency;
    private final String timeout;
    private final Semaphore inFlight;
    private final AtomicReference<String> refusal = new AtomicReference<>();
    private Buffer buffer;
    private int documents;
    private long sent;

    BulkWriter(RestClient client, String index, AuthorityIndexingProperties settings) {
        this.client = client;
        this.endpoint = "/" + index + "/_bulk";
        this.maxDocuments = settings.bulkOperations();
        this.maxBytes = settings.bulkBytes();
        this.concurrency = settings.concurrentRequests();
        this.timeout = settings.bulkTimeout().toMillis() + "ms";
        this.inFlight = new Semaphore(concurrency);
        this.buffer = new Buffer();
    }

    /** @param document one JSON object, without a line break */
    void add(byte[] document) throws IOException {
        throwIfRefused();
        buffer.write(ACTION);
        buffer.write(document);
        buffer.write('\n');
        if (++documents >= maxDocuments || buffer.size() >= maxBytes) {
            send();
        }
    }

    /** Documents handed to Elasticsearch so far. */
    long sent() {
        return sent;
    }

    /** Sends what is left and waits for every request; throws if Elasticsearch refused anything. */
    @Override
    public void close() throws IOException {
        send();
        try {
            inFlight.acquire(concurrency);
            inFlight.release(concurrency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the last bulk requests");
        }
        throwIfRefused();
    }

    private void send() throws IOException {
        if (documents == 0) {
            return;
        }
        Request request = new Request("POST", endpoint);
        request.addParameter("filter_path", "errors,items.*.error");
        request.addParameter("timeout", timeout);
        request.setEntity(buffer.entity());
        sent += documents;
        buffer = new Buffer();
        documents = 0;
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a bulk request slot");
        }
        client.performRequestAsync(request, new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                try (InputStream body = response.getEntity().getContent()) {
                    JsonNode answer = JSON.readTree(body);
                    if (answer.path("errors").asBoolean(false)) {
                        JsonNode error = answer.path("items").path(0).elements().next().path("error");
                        refusal.compareAndSet(null, error.path("type").asText() + ": " + error.path("reason").asText());
                    }
                } catch (IOException | RuntimeException e) {
                    refusal.compareAndSet(null, "unreadable bulk response: " + e);
                } finally {
                    inFlight.release();
                }
            }

            @Override
            public void onFailure(Exception failure) {
                refusal.compareAndSet(null, failure.toString());
                inFlight.release();
            }
        });
    }

    private void throwIfRefused() throws IOException {
        String refused = refusal.get();
        if (refused != null) {
            throw new IOException("Elasticsearch refused a bulk write: " + refused);
        }
    }

    /** A request body that is sent from the array it was written into, without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {

        Buffer() {
            super(1 << 20);
        }

        ByteArrayEntity entity() {
            return new ByteArrayEntity(buf, 0, count, NDJSON);
        }
    }
}
