package org.ipdex.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.ipdex.stack.TestStack;

import java.text.ParseException;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks a forwarded identity token the way a service does: a real HS256 signature with the shared secret. */
public final class IdentityTokenAssert {

    private IdentityTokenAssert() {
    }

    public static JWTClaimsSet verifiedClaims(String authorizationHeader) {
        assertNotNull(authorizationHeader, "the backend received no Authorization header");
        assertTrue(authorizationHeader.startsWith("Bearer "), authorizationHeader);
        try {
            SignedJWT jwt = SignedJWT.parse(authorizationHeader.substring("Bearer ".length()));
            assertTrue(jwt.verify(new MACVerifier(TestStack.IDENTITY_SECRET)), "the signature does not verify");
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            assertTrue(claims.getExpirationTime().after(new Date()), "the token has expired");
            return claims;
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("not a signed JWT: " + authorizationHeader, e);
        }
    }
}
