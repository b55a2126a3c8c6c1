package org.ipdex.common.parity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An order-independent checksum of a set of strings: the sum, modulo 2<sup>64</sup>, of each member's 64-bit hash
 * (the first 8 bytes of its MD5), as 16 hex digits. A sum rather than a XOR, so that a member present twice does not
 * cancel out. The services that own the data compute it in SQL in one set-based scan ({@link #sqlSum}) and
 * search-service computes it from what its indices hold, so both sides must use exactly this hash: MD5 because
 * PostgreSQL has it built in and it is well defined everywhere; nothing here needs resistance to forged collisions.
 */
public final class SetChecksum {

    private long sum;

    /**
     * {@code sum()} of the member hashes of the SQL text expression {@code member}: exact, since PostgreSQL sums
     * {@code bigint} into {@code numeric}; read the column with {@link #ofSqlSum}.
     */
    public static String sqlSum(String member) {
        return "coalesce(sum(('x' || left(md5(" + member + "), 16))::bit(64)::bigint), 0)";
    }

    /** The checksum of a {@link #sqlSum} column: its low 64 bits are the sum modulo 2^64. */
    public static String ofSqlSum(BigDecimal sum) {
        return format(sum.toBigInteger().longValue());
    }

    public static String format(long sum) {
        return String.format("%016x", sum);
    }

    public static long hash(String member) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(member.getBytes(StandardCharsets.UTF_8));
            long hash = 0;
            for (int i = 0; i < 8; i++) {
                hash = (hash << 8) | (digest[i] & 0xff);
            }
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    public SetChecksum add(String member) {
        sum += hash(member);
        return this;
    }

    /** Adds a sum of member hashes computed elsewhere (an aggregation over part of the set). */
    public SetChecksum addSum(long hashSum) {
        sum += hashSum;
        return this;
    }

    public String value() {
        return format(sum);
    }
}
