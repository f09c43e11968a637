package io.seqcast.api;

/** What an API key may do; each role includes the ones before it. */
enum Role {
    /** Read models and forecast. */
    FORECASTER,
    /** Also submit, follow and cancel training jobs. */
    TRAINER,
    /** Also move aliases and delete versions. */
    ADMIN;

    boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }
}
