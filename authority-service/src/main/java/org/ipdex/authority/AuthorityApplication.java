package org.ipdex.authority;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "ipdex authority", version = "1",
        description = "WIPO ST.37 authority files: editions, look-up and PCT minimum documentation coverage checks"))
public class AuthorityApplication {

    public static void main(String[] args) {
        Micronaut.run(AuthorityApplication.class, args);
    }
}
