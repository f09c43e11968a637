package io.seqcast.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    @TempDir
    Path folder;

    @Test
    void configuredKeysAreKnownByTheirHashOnlyAndCarryTheirRole() {
        String hash = HexFormat.of().formatHex(ApiKeys.sha256("trainer-secret"));
        ApiKeys keys = new ApiKeys(new SecurityProperties(true,
                List.of(new SecurityProperties.Key("ci", hash.toUpperCase(), Role.TRAINER)), folder.resolve("gen")));
        assertThat(keys.holderOf("trainer-secret")).contains(new ApiKeyPrincipal("ci", Role.TRAINER));
        assertThat(keys.holderOf("trainer-secreT")).isEmpty();
        assertThat(keys.holderOf(hash)).isEmpty();
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
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void replicasStartingTogetherEndWithOneGeneratedKeyThatEveryOneAccepts() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(ApiKeys.class);
        ListAppender<ILoggingEvent> printed = new ListAppender<>();
        printed.start();
        logger.addAppender(printed);
        try {
            for (int round = 0; round < 20; round++) {
                printed.list.clear();
                Path file = folder.resolve("round-" + round + "/admin-key.sha256");
                List<ApiKeys> replicas = startTogether(4, file);
                assertThat(printed.list).as("the key is printed once, by the replica that made it").hasSize(1);
                String key = printed.list.get(0).getArgumentArray()[0].toString();
                for (ApiKeys replica : replicas) {
                    assertThat(replica.holderOf(key)).map(ApiKeyPrincipal::role).contains(Role.ADMIN);
                }
                assertThat(Files.readString(file).strip()).isEqualTo(HexFormat.of().formatHex(ApiKeys.sha256(key)));
                try (var files = Files.list(file.getParent())) {
                    assertThat(files).as("no temp files left").containsExactly(file);
                }
            }
        } finally {
            logger.detachAppender(printed);
        }
    }

    private static List<ApiKeys> startTogether(int replicas, Path file) throws Exception {
        CyclicBarrier start = new CyclicBarrier(replicas);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<ApiKeys>> started = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                started.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return new ApiKeys(new SecurityProperties(true, List.of(), file));
                }));
            }
            List<ApiKeys> keys = new ArrayList<>();
            for (Future<ApiKeys> replica : started) {
                keys.add(replica.get(30, TimeUnit.SECONDS));
            }
            return keys;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyFileThatHoldsNoHashStopsStartupInsteadOfAcceptingAnEmptyOne() throws Exception {
        Path file = Files.createDirectories(folder.resolve("security")).resolve("admin-key.sha256");
        Files.writeString(file, "");
        assertThatThrownBy(() -> new ApiKeys(new SecurityProperties(true, List.of(), file)))
                .hasMessageContaining("does not hold a SHA-256 hash");
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertThat(Role.ADMIN.includes(Role.TRAINER)).isTrue();
        assertThat(Role.TRAINER.includes(Role.FORECASTER)).isTrue();
        assertThat(Role.FORECASTER.includes(Role.TRAINER)).isFalse();
    }
}
