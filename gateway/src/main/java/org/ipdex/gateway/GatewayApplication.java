package org.ipdex.gateway;

import io.micronaut.runtime.Micronaut;

/** The only public door of ipdex: API keys become identity tokens, requests go to the service that owns them. */
public class GatewayApplication {

    public static void main(String[] args) {
        Micronaut.run(GatewayApplication.class, args);
    }
}
