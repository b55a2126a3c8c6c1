package org.ipdex.authority.coverage;

/** The collection file cannot be read as a whole (not one bad line: those are counted and listed). */
final class CollectionException extends RuntimeException {

    CollectionException(String message) {
        super(message);
    }
}
