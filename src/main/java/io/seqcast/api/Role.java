package io.seqcast.api;

/** What an API key may do; each role includes the ones before it. */
public enum Role {
    /** Read models and forecast. */
    FORECASTER,
    /** Also submit, follow and cancel training jobs. */
    TRAINER,
    /** Also move aliases and delete versions. */
    ADMIN;

    boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** The Spring Security authority that stands for this role. */
    String authority() {
        return "ROLE_" + name();
    }
}
