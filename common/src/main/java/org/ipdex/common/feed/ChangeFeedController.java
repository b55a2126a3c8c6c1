package org.ipdex.common.feed;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Hidden;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.InvalidInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The resumable change feed of a service that owns data; read by search-service only. */
@Hidden
@Controller("/internal/v1/changes")
@Requires(property = "ipdex.feed.publish", value = "true")
@Secured(Roles.SERVICE)
class ChangeFeedController {

    static final int MAX_PAGE = 1000;

    private final ChangeFeed feed;
    private final JsonMapper json;

    ChangeFeedController(ChangeFeed feed, JsonMapper json) {
        this.feed = feed;
        this.json = json;
    }

    @Get(produces = ChangeEvent.MEDIA_TYPE)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @ReadOnly
    HttpResponse<String> changes(@QueryValue(defaultValue = "0") long after,
                                 @QueryValue(defaultValue = "500") int limit) {
        if (after < 0) {
            throw InvalidInputException.parameter("after", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_PAGE);
        }
        List<ChangeEvent> events = feed.after(after, limit);
        StringBuilder body = new StringBuilder();
        for (ChangeEvent event : events) {
            body.append(toJson(event)).append('\n');
        }
        return HttpResponse.ok(body.toString())
                .contentType(ChangeEvent.MEDIA_TYPE)
                .header(ChangeEvent.HEAD_HEADER, Long.toString(feed.head()))
                .header(ChangeEvent.FEED_ID_HEADER, feed.id());
    }

    private String toJson(ChangeEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
