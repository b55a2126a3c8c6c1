package org.ipdex.authority.ingest;

/**
 * Finds repeated (number key, kind) pairs in a file read without a database, where the service has its unique
 * index. Holds a 64-bit hash and the first line of each pair in open-addressed primitive arrays (12 bytes a slot,
 * about 200 MB for ten million records), not ten million strings. Two different pairs share a hash with a
 * probability of about n²/2⁶⁵ (3·10⁻⁶ for ten million records): then the second is reported as a duplicate.
 */
final class DuplicateKeys {

    private static final long EMPTY = 0;
    private long[] hashes = new long[1 << 16];
    private int[] lines = new int[1 << 16];
    private int size;

    /** @return the line of the earlier entry with this number and kind, or 0 when this is the first */
    long firstLine(String numberKey, String kind, long line) {
        if (size * 4L >= hashes.length * 3L) {
            grow();
        }
        long hash = hash(numberKey, kind);
        int mask = hashes.length - 1;
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            if (hashes[slot] == EMPTY) {
                hashes[slot] = hash;
                lines[slot] = (int) Math.min(line, Integer.MAX_VALUE);
                size++;
                return 0;
            }
            if (hashes[slot] == hash) {
                return lines[slot];
            }
        }
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldLines = lines;
        hashes = new long[oldHashes.length * 2];
        lines = new int[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != EMPTY) {
                int slot = (int) oldHashes[i] & mask;
                while (hashes[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                lines[slot] = oldLines[i];
            }
        }
    }

    /** FNV-1a over both strings, then the SplitMix64 finaliser so that nearby numbers spread over the table. */
    private static long hash(String numberKey, String kind) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < numberKey.length(); i++) {
            h = (h ^ numberKey.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ 0x1F) * 0x100000001b3L; // a separator, so that ("1", "1A") and ("11", "A") differ
        for (int i = 0; i < kind.length(); i++) {
            h = (h ^ kind.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h = h ^ (h >>> 31);
        return h == EMPTY ? 1 : h;
    }
}
