package org.ipdex.search.consume;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;

/** Starts every configured consumer once the application is up; none of them delays start-up. */
@Singleton
public class FeedConsumers {

    private final List<FeedConsumer> consumers;

    FeedConsumers(List<FeedConsumer> consumers) {
        this.consumers = consumers;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        consumers.forEach(FeedConsumer::start);
    }

    public List<FeedConsumer> all() {
        return consumers;
    }

    public java.util.Optional<FeedConsumer> named(String feed) {
        return consumers.stream().filter(consumer -> consumer.name().equals(feed)).findFirst();
    }
}
