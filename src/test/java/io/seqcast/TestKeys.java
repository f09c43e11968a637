package io.seqcast;

/** API keys the service tests configure (as hashes) and present. */
public final class TestKeys {

    public static final String ADMIN = "test-admin-key";
    public static final String TRAINER = "test-trainer-key";
    public static final String FORECASTER = "test-forecaster-key";

    /** Properties that configure both keys. */
    public static final String[] PROPERTIES = {
        "seqcast.security.keys[0].name=test-admin",
        "seqcast.security.keys[0].sha256=944650a7cd0f9e14d5c4fb15edbffb7fa45fb9ed36a4fa9be3d7e5476ae51bd9",
        "seqcast.security.keys[0].role=ADMIN",
        "seqcast.security.keys[1].name=test-forecaster",
        "seqcast.security.keys[1].sha256=4bd7d4c4187e6a8759bbf074183ebd8a306b40ae7ca82d3c70afff0693d571ae",
        "seqcast.security.keys[1].role=FORECASTER",
        "seqcast.security.keys[2].name=test-trainer",
        "seqcast.security.keys[2].sha256=4a837b4f24aed26eedbf8f97fa75cbe97f70a8f24e2213df1bb9e9d327401130",
        "seqcast.security.keys[2].role=TRAINER"};

    private TestKeys() {}
}
