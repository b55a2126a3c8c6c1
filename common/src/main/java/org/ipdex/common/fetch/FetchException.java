package org.ipdex.common.fetch;

/** A fetch that did not produce an answer; {@link #refused()} when our own address policy stopped it. */
public final class FetchException extends RuntimeException {

    public enum Kind { REFUSED, TOO_LARGE, FAILED }

    private final Kind kind;

    public FetchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
        this.kind = Kind.FAILED;
    }

    public Kind kind() {
        return kind;
    }

    public boolean refused() {
        return kind == Kind.REFUSED;
    }
}
