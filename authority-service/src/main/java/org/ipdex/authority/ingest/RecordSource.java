package org.ipdex.authority.ingest;

import java.io.Closeable;
import java.io.IOException;

/** The entries of one open file, read one at a time: memory stays constant whatever the file's size. */
public interface RecordSource extends Closeable {

    FileHeader header();

    /** Moves to the next entry; false at the end of the file. Throws {@link MalformedFileException} on a broken file. */
    boolean advance() throws IOException;

    /** The entry {@link #advance} moved to. */
    RawRecord current();
}
