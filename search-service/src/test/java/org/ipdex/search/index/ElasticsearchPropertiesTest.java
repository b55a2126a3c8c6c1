package org.ipdex.search.index;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ElasticsearchPropertiesTest {

    @Test
    void everyNodeOfACommaSeparatedListIsKnownToTheClient() {
        assertEquals(List.of("http://127.0.0.1:9200", "http://127.0.0.1:9201", "http://127.0.0.1:9202"),
                properties(" http://127.0.0.1:9200,http://127.0.0.1:9201 , http://127.0.0.1:9202,").urls());
        assertEquals(List.of("http://127.0.0.1:9200"), properties("http://127.0.0.1:9200").urls());
    }

    private static ElasticsearchProperties properties(String url) {
        return new ElasticsearchProperties(url, "", Duration.ofSeconds(2), Duration.ofSeconds(30), 40, "auto",
                Duration.ofMinutes(2));
    }
}
