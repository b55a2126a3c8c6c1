package org.ipdex.gateway.account;

import org.ipdex.common.problem.InvalidInputException;

final class Paging {

    static final int MAX_LIMIT = 200;

    private Paging() {
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
