package org.ipdex.gateway.portal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SameOriginFilterTest {

    @Test
    void thePortalsOwnOriginIsSameOrigin() {
        assertTrue(SameOriginFilter.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080", null));
        assertTrue(SameOriginFilter.sameOrigin("https://ipdex.example.org", "IPDEX.example.org", null));
        assertTrue(SameOriginFilter.sameOrigin("https://ipdex.example.org", "gateway:8080", "ipdex.example.org, proxy"));
    }

    @Test
    void anotherSiteOrPortIsNot() {
        assertFalse(SameOriginFilter.sameOrigin("https://evil.example", "ipdex.example.org", null));
        assertFalse(SameOriginFilter.sameOrigin("http://127.0.0.1:9999", "127.0.0.1:8080", null));
        assertFalse(SameOriginFilter.sameOrigin("http://ipdex.example.org.evil.example", "ipdex.example.org", null));
        assertFalse(SameOriginFilter.sameOrigin("null", "ipdex.example.org", null));
        assertFalse(SameOriginFilter.sameOrigin("file://ipdex.example.org", "ipdex.example.org", null));
        assertFalse(SameOriginFilter.sameOrigin("http://x y", "ipdex.example.org", null));
        assertFalse(SameOriginFilter.sameOrigin("https://ipdex.example.org", null, null));
    }
}
