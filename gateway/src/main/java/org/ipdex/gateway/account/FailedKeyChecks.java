package org.ipdex.gateway.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import org.ipdex.common.problem.Problem;

import java.util.Optional;

/**
 * Where failed API-key checks are counted, so that an address guessing keys is refused before its next key is
 * looked at. The key guessing limit ({@code limit.KeyGuessingLimiter}) implements it beside the other limits at
 * the door, which read the {@link Caller} from here: a port, so that account does not depend on limit in turn.
 */
public interface FailedKeyChecks {

    /** @return a 429 when the request's address has no failed check left; empty when its key may be checked */
    Optional<MutableHttpResponse<Problem>> refusal(HttpRequest<?> request);

    /** Records that the request's address presented a key that is unknown, revoked or malformed. */
    void failed(HttpRequest<?> request);
}
