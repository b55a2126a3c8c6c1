package org.ipdex.gateway.account;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyFormatTest {

    @Test
    void aGeneratedKeyCarriesItsPrefixAndMatchesOnlyItsOwnHash() {
        ApiKeyFormat.Generated key = ApiKeyFormat.generate();
        assertTrue(key.key().matches("ipdex_[a-z0-9]{10}_[A-Za-z0-9_-]{43}"), key.key());
        assertEquals(Optional.of(key.prefix()), ApiKeyFormat.prefixOf(key.key()));
        assertTrue(ApiKeyFormat.matches(key.key(), key.hash()));
        assertFalse(ApiKeyFormat.matches(key.key() + "x", key.hash()));
        assertNotEquals(key.key(), ApiKeyFormat.generate().key());
    }

    @Test
    void somethingElseHasNoPrefixAndCostsNoLookUp() {
        assertEquals(Optional.empty(), ApiKeyFormat.prefixOf("eyJhbGciOiJIUzI1NiJ9.e30.abc"));
        assertEquals(Optional.empty(), ApiKeyFormat.prefixOf("ipdex_short_secret"));
    }
}
