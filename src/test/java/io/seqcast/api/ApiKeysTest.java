package io.seqcast.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    @TempDir
    Path folder;

    @Test
    void configuredKeysAreKnownByTheirHashOnlyAndCarryTheirRole() {
        String hash = HexFormat.of().formatHex(ApiKeys.sha256("trainer-secret"));
        ApiKeys keys = new ApiKeys(new SecurityProperties(true,
                List.of(new SecurityProperties.Key("ci", hash.toUpperCase(), Role.TRAINER)), folder.resolve("gen")));
        assertThat(keys.roleOf("trainer-secret")).contains(Role.TRAINER);
        assertThat(keys.roleOf("trainer-secreT")).isEmpty();
        assertThat(keys.roleOf(hash)).isEmpty();
        assertThat(folder.resolve("gen")).doesNotExist();
    }

    @Test
    void withoutConfiguredKeysAnAdminKeyIsGeneratedOnceAndOnlyItsHashKept() throws Exception {
        Path file = folder.resolve("security/admin-key.sha256");
        new ApiKeys(new SecurityProperties(true, List.of(), file));
        String stored = Files.readString(file).strip();
        assertThat(stored).matches("[0-9a-f]{64}");
        new ApiKeys(new SecurityProperties(true, List.of(), file));
        assertThat(Files.readString(file).strip()).isEqualTo(stored);
    }

    @Test
    void rolesIncludeTheOnesBelowAndPathsNeedTheRoleOfWhatTheyDo() {
        assertThat(Role.ADMIN.includes(Role.TRAINER)).isTrue();
        assertThat(Role.FORECASTER.includes(Role.TRAINER)).isFalse();
        assertThat(ApiKeyFilter.required("GET", "/actuator/health/readiness")).isEmpty();
        assertThat(ApiKeyFilter.required("GET", "/swagger-ui/index.html")).isEmpty();
        assertThat(ApiKeyFilter.required("GET", "/actuator/prometheus")).contains(Role.FORECASTER);
        assertThat(ApiKeyFilter.required("POST", "/api/v1/models/m/forecast")).contains(Role.FORECASTER);
        assertThat(ApiKeyFilter.required("GET", "/api/v1/training-jobs")).contains(Role.TRAINER);
        assertThat(ApiKeyFilter.required("PUT", "/api/v1/models/m/aliases/production")).contains(Role.ADMIN);
        assertThat(ApiKeyFilter.required("GET", "/api/v1/models/m/aliases/production")).isEqualTo(Optional.of(Role.FORECASTER));
        assertThat(ApiKeyFilter.required("DELETE", "/api/v1/models/m/versions/1")).contains(Role.ADMIN);
        assertThat(ApiKeyFilter.required("GET", "/actuator/env")).contains(Role.FORECASTER);
    }
}
