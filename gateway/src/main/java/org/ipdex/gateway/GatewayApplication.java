package org.ipdex.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The only public door of ipdex: API keys become identity tokens, requests go to the service that owns them. */
@OpenAPIDefinition(info = @Info(title = "ipdex gateway", version = "1",
        description = "Offices and API keys, managed by administrators"))
@SecurityScheme(name = GatewayApplication.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An ipdex API key, sent as 'Authorization: Bearer <key>'")
public class GatewayApplication {

    /** The security scheme every keyed operation of the public API names in the merged document. */
    public static final String API_KEY = "apiKey";

    public static void main(String[] args) {
        Micronaut.run(GatewayApplication.class, args);
    }
}
