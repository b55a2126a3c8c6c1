package org.ipdex.search.parity;

/** What an office's live authority index (behind its alias {@code authority-<office>}) holds. */
record IndexedEdition(String index, long editionId, long recordCount, String recordChecksum) {
}
