package io.seqcast.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqcast.Deadline;
import io.seqcast.engine.CellType;
import io.seqcast.engine.DelegatingEngine;
import io.seqcast.engine.DelegatingModel;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.SequenceEngine;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.internal.DjlSequenceEngine;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

class ModelRegistryTest {

    private static final DjlSequenceEngine ENGINE = new DjlSequenceEngine(DeviceChoice.CPU, 1, 64);
    private static ForecastModel model;

    @TempDir
    Path root;

    private final List<Object> events = new ArrayList<>();
    private ModelRegistry registry;

    @BeforeAll
    static void train() {
        float[][] values = new float[40][1];
        for (int t = 0; t < 40; t++) {
            values[t][0] = (float) Math.sin(t * 0.4);
        }
        model = ENGINE.train(SequenceData.univariate(List.of(new Sequence("s", values)), 1),
                new ModelSpec(CellType.GRU, 4, 1, 0, 8, 2), TrainingSpec.builder().epochs(1).build(),
                TrainingListener.NONE);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @BeforeEach
    void open() {
        registry = new ModelRegistry(new RegistryProperties(root), ENGINE, events::add);
    }

    @Test
    void healthIsDownOnceNewVersionsCannotBeStaged() throws Exception {
        RegistryHealthIndicator health = new RegistryHealthIndicator(registry);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("registryWritable", true);
        Files.delete(root.resolve(".staging"));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("registryWritable", false);
    }

    @Test
    void versionsAreNumberedFromOne() {
        assertThat(registry.publish("demand", model)).isEqualTo(1);
        assertThat(registry.publish("demand", model)).isEqualTo(2);
        assertThat(registry.model("demand").versions()).containsExactly(1, 2);
        assertThat(registry.model("demand").latest()).isEqualTo(2);
        assertThat(root.resolve(".staging")).isEmptyDirectory();
    }

    @Test
    void concurrentPublicationsGetDistinctVersions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> registry.publish("busy", model)));
            }
            Set<Integer> versions = ConcurrentHashMap.newKeySet();
            for (Future<Integer> future : futures) {
                versions.add(future.get(2, TimeUnit.MINUTES));
            }
            assertThat(versions).hasSize(20).allSatisfy(v -> assertThat(v).isBetween(1, 20));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void leftoversOfAnInterruptedPublicationAreRemovedAtStartup() throws Exception {
        Path leftover = Files.createDirectories(root.resolve(".staging/half-written"));
        Files.writeString(leftover.resolve("parameters.bin"), "partial");
        new ModelRegistry(new RegistryProperties(root), ENGINE, e -> {});
        assertThat(root.resolve(".staging")).isEmptyDirectory();
    }

    @Test
    void aVersionWithBrokenFilesIsListedAsUnavailableAndTheRestStillWorks() throws Exception {
        registry.publish("demand", model);
        registry.publish("demand", model);
        Files.writeString(root.resolve("demand/1/parameters.bin"), "corrupted");
        List<VersionInfo> versions = registry.versions("demand");
        assertThat(versions.get(0).available()).isFalse();
        assertThat(versions.get(0).reason()).contains("checksum");
        assertThat(versions.get(0).reason()).doesNotContain(root.toString());
        assertThat(versions.get(1).available()).isTrue();
        assertThatThrownBy(() -> registry.load("demand", 1)).isInstanceOf(RegistryException.VersionUnavailable.class);
        registry.load("demand", 2).close();
    }

    @Test
    void aliasesResolveAndProtectTheirVersionFromDeletion() {
        registry.publish("demand", model);
        registry.publish("demand", model);
        assertThat(registry.resolve("demand", null, null)).isEqualTo(2);
        registry.setAlias("demand", "production", 1);
        assertThat(registry.resolve("demand", null, null)).isEqualTo(1);
        assertThat(registry.resolve("demand", 2, null)).isEqualTo(2);
        assertThatThrownBy(() -> registry.delete("demand", 1)).isInstanceOf(RegistryException.VersionInUse.class);
        registry.deleteAlias("demand", "production");
        registry.delete("demand", 1);
        assertThat(registry.model("demand").versions()).containsExactly(2);
        assertThat(events).contains(new ModelVersionDeleted("demand", 1));
    }

    @Test
    void resolutionIsKeptWhileTheModelFolderIsUnchangedAndFollowsAnotherReplicasChanges() throws Exception {
        registry.publish("demand", model);
        registry.publish("demand", model);
        Path folder = root.resolve("demand");
        FileTime settled = FileTime.from(Instant.now().minus(Duration.ofMinutes(1)));
        Files.setLastModifiedTime(folder, settled);
        assertThat(registry.resolve("demand", null, null)).isEqualTo(2);
        // A file changed behind the registry's back, the folder's time put back: the kept resolution answers.
        Files.writeString(folder.resolve("aliases.json"), "{\"production\":1}");
        Files.setLastModifiedTime(folder, settled);
        assertThat(registry.resolve("demand", null, null)).as("kept while the folder is unchanged").isEqualTo(2);
        // Every change a registry makes renames an entry into the folder, which changes its time.
        ModelRegistry otherReplica = new ModelRegistry(new RegistryProperties(root), ENGINE, e -> {});
        otherReplica.setAlias("demand", "production", 1);
        assertThat(registry.resolve("demand", null, null)).isEqualTo(1);
        assertThat(otherReplica.publish("demand", model)).isEqualTo(3);
        otherReplica.deleteAlias("demand", "production");
        assertThat(registry.resolve("demand", null, null)).isEqualTo(3);
        assertThatThrownBy(() -> registry.resolve("demand", null, "production"))
                .isInstanceOf(RegistryException.VersionNotFound.class);
    }

    @Test
    void namesThatCouldLeaveTheRegistryAreRefusedBeforeAnyFileAccess() {
        for (String name : new String[] {"../etc", "..", "a/b", "A", "", "-x", "a".repeat(64), "c:x", "a\u0000b"}) {
            assertThatThrownBy(() -> registry.model(name)).as(name).isInstanceOf(RegistryException.InvalidName.class);
        }
        assertThatThrownBy(() -> registry.model("missing")).isInstanceOf(RegistryException.ModelNotFound.class);
    }

    @Test
    void versionNumbersAreNeverReusedAfterTheNewestIsDeleted() {
        assertThat(registry.publish("demand", model)).isEqualTo(1);
        assertThat(registry.publish("demand", model)).isEqualTo(2);
        registry.delete("demand", 2);
        assertThat(registry.publish("demand", model)).isEqualTo(3);
        registry.delete("demand", 3);
        ModelRegistry otherReplica = new ModelRegistry(new RegistryProperties(root), ENGINE, e -> {});
        assertThat(otherReplica.publish("demand", model)).isEqualTo(4);
        assertThat(registry.model("demand").versions()).containsExactly(1, 4);
    }

    @Test
    void aReplicaThatStartsLeavesAnotherReplicasPublicationInProgressAlone() throws Exception {
        CountDownLatch saving = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        ForecastModel slowToSave = new DelegatingModel(model) {
            @Override
            public void save(Path directory) {
                saving.countDown();
                Deadline.released(mayFinish);
                super.save(directory);
            }
        };
        Path stale = Files.createDirectories(root.resolve(".staging/crashed-long-ago"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> publication = pool.submit(() -> registry.publish("demand", slowToSave));
            assertThat(saving.await(1, TimeUnit.MINUTES)).isTrue();
            new ModelRegistry(new RegistryProperties(root), ENGINE, e -> {});
            assertThat(stale).doesNotExist();
            mayFinish.countDown();
            assertThat(publication.get(1, TimeUnit.MINUTES)).isEqualTo(1);
        } finally {
            mayFinish.countDown();
            pool.shutdownNow();
        }
        assertThat(registry.version("demand", 1).available()).isTrue();
        assertThat(root.resolve(".staging")).isEmptyDirectory();
    }

    @Test
    void anAliasIsNeverSetToAVersionDeletedWhileItWasChecked() throws Exception {
        registry.publish("demand", model);
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch mayGoOn = new CountDownLatch(1);
        SequenceEngine slowToCheck = new DelegatingEngine(ENGINE) {
            @Override
            public io.seqcast.engine.ModelManifest readManifest(Path directory) {
                checking.countDown();
                Deadline.released(mayGoOn);
                return super.readManifest(directory);
            }
        };
        ModelRegistry fresh = new ModelRegistry(new RegistryProperties(root), slowToCheck, e -> {});
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> alias = pool.submit(() -> fresh.setAlias("demand", "production", 1));
            assertThat(checking.await(1, TimeUnit.MINUTES)).isTrue();
            Future<?> deletion = pool.submit(() -> registry.delete("demand", 1));
            // The deletion must wait for the alias (both hold the registry lock); give it the chance to cut in.
            Thread.sleep(300);
            mayGoOn.countDown();
            alias.get(1, TimeUnit.MINUTES);
            assertThatThrownBy(() -> deletion.get(1, TimeUnit.MINUTES))
                    .hasCauseInstanceOf(RegistryException.VersionInUse.class);
        } finally {
            mayGoOn.countDown();
            pool.shutdownNow();
        }
        assertThat(registry.aliases("demand")).containsEntry("production", 1);
        assertThat(registry.model("demand").versions()).contains(1);
    }
}
