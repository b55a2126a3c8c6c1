package org.ipdex.gateway.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new key.
 *
 * @param role       {@code admin} or {@code office}
 * @param officeCode the office an {@code office} key acts for; must be absent for an admin key
 */
@Serdeable
public record ApiKeyRequest(@NotBlank @Size(max = 200) String name,
                            @NotBlank @Pattern(regexp = "admin|office", message = "must be admin or office") String role,
                            @Nullable String officeCode) {
}
