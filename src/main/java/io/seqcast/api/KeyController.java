package io.seqcast.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the presented key is, so that a client (the dashboard) offers only what its role may do. */
@RestController
@RequiresRole(Role.FORECASTER)
@Tag(name = "Keys", description = "The API key presented")
class KeyController {

    @Schema(description = "The key's configured name (never the key) and its role")
    record KeyInfo(String name, Role role) {}

    @GetMapping(path = "/api/v1/key", produces = "application/json")
    @Operation(summary = "The presented key's name and role")
    KeyInfo key(@AuthenticationPrincipal ApiKeyPrincipal principal) {
        // With security off (seqcast.security.enabled=false) there is no key, and anyone may do anything.
        return principal == null ? new KeyInfo("anonymous", Role.ADMIN) : new KeyInfo(principal.name(), principal.role());
    }
}
