package io.seqcast.api;

import java.security.Principal;

/** Who presented a valid key: the key's configured name (never the key) and its role. */
record ApiKeyPrincipal(String name, Role role) implements Principal {

    @Override
    public String getName() {
        return name;
    }
}
