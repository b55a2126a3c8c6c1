package org.ipdex.cli.server;

import java.util.function.Predicate;

/**
 * Follows a server-side job (an ingest, a coverage check) until it ends. No overall deadline: a file of tens of
 * millions of rows takes minutes, the job survives the client anyway, and Ctrl-C stops only the waiting. Every
 * single request still has the client's timeout.
 */
public final class Poll {

    private static final long FIRST_MILLIS = 200;
    private static final long MAX_MILLIS = 2_000;

    @FunctionalInterface
    public interface Call<T> {
        T get() throws Exception;
    }

    private Poll() {
    }

    /** @param done told each answer (to draw progress), true once the job has ended */
    public static <T> T until(Call<T> call, Predicate<T> done) throws Exception {
        long pause = FIRST_MILLIS;
        while (true) {
            T current = call.get();
            if (done.test(current)) {
                return current;
            }
            Thread.sleep(pause);
            pause = Math.min(MAX_MILLIS, pause * 3 / 2);
        }
    }
}
