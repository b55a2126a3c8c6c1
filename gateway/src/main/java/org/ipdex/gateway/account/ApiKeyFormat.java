package org.ipdex.gateway.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API key: {@code ipdex_<prefix>_<secret>}, a 10-character public prefix that finds the row and a
 * 256-bit random secret (43 base64url characters).
 *
 * <p>Only SHA-256 of the whole key is stored. A slow password hash (bcrypt, Argon2) exists to make guessing
 * low-entropy human passwords expensive; a 256-bit random secret cannot be guessed however fast the hash is, so a
 * fast hash loses nothing and keeps the per-request check in microseconds. The recognisable {@code ipdex_} start
 * lets secret scanners find leaked keys.
 */
final class ApiKeyFormat {

    static final String START = "ipdex_";
    private static final Pattern SHAPE = Pattern.compile("ipdex_([a-z0-9]{10})_([A-Za-z0-9_-]{43})");
    private static final char[] PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    /** A fresh key; {@code key} is shown to its owner once and then exists only as {@code hash}. */
    record Generated(String prefix, String key, byte[] hash) {
    }

    static Generated generate() {
        StringBuilder prefix = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            prefix.append(PREFIX_ALPHABET[RANDOM.nextInt(PREFIX_ALPHABET.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = START + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Generated(prefix.toString(), key, hash(key));
    }

    /** The prefix of a well-formed key; anything else is not worth a database look-up. */
    static Optional<String> prefixOf(String key) {
        Matcher matcher = SHAPE.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Constant time, so the comparison leaks nothing about how much of a guessed hash was right. */
    static boolean matches(String key, byte[] storedHash) {
        return MessageDigest.isEqual(hash(key), storedHash);
    }
}
