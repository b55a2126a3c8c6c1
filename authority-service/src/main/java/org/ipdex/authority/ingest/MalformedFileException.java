package org.ipdex.authority.ingest;

/** The file as a whole cannot be read: not well-formed, wrong root, cut off, not UTF-8, a bomb. Rejects the file. */
public final class MalformedFileException extends RuntimeException {

    private final long line;
    private final Integer column;

    public MalformedFileException(String message, long line, Integer column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public MalformedFileException(String message) {
        this(message, 0, null);
    }

    /** 0 when the problem is not at a place in the file (an archive, the file's size). */
    public long line() {
        return line;
    }

    public Integer column() {
        return column;
    }
}
