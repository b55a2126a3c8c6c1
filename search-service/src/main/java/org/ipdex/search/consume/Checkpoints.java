package org.ipdex.search.consume;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import jakarta.inject.Singleton;
import org.ipdex.search.index.Indices;

import java.io.IOException;
import java.util.Optional;

/**
 * Keeps each consumer's position in Elasticsearch itself, next to the documents it describes: if the cluster
 * is lost, the checkpoints go with it and the consumers start again from 0, which is exactly the rebuild.
 * A GET is real-time, so no refresh is needed to read back what was just written.
 */
@Singleton
class Checkpoints {

    private final ElasticsearchClient client;
    private final Indices indices;

    Checkpoints(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    Optional<Checkpoint> load(String feed) throws IOException {
        GetResponse<Checkpoint> response = client.get(g -> g.index(indices.checkpoints()).id(feed), Checkpoint.class);
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    void save(Checkpoint checkpoint) throws IOException {
        client.index(i -> i.index(indices.checkpoints()).id(checkpoint.feed()).document(checkpoint));
    }

    void delete(String feed) throws IOException {
        try {
            client.delete(d -> d.index(indices.checkpoints()).id(feed));
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }
}
