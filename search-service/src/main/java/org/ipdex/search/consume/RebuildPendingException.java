package org.ipdex.search.consume;

import java.io.IOException;

/** The live indices have an older mapping than this code writes: the consumer waits for the rebuild's swap. */
final class RebuildPendingException extends IOException {

    RebuildPendingException(String message) {
        super(message);
    }
}
