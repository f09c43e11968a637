package io.seqcast.registry;

import io.seqcast.Deadline;
import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.internal.DjlSequenceEngine;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with SIGKILL while it publishes versions: after a restart every version is either
 * absent or complete with valid checksums, and staging leftovers are gone.
 */
class KilledPublicationIT {

    @TempDir
    Path root;

    @Test
    void aPublicationKilledMidwayLeavesOnlyCompleteVersions() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 3; round++) {
            Process publisher = startPublisher();
            Thread.sleep(200 + random.nextInt(400));
            publisher.destroyForcibly().waitFor();
        }
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 16)) {
            ModelRegistry registry = new ModelRegistry(new RegistryProperties(root), engine, e -> {});
            List<VersionInfo> versions = registry.versions("crash");
            System.out.println("killed publication: " + versions.size() + " versions survived three SIGKILLs");
            assertThat(versions).isNotEmpty().allSatisfy(v -> assertThat(v.available()).as("version %d", v.version())
                    .isTrue());
            try (var staging = Files.list(root.resolve(".staging"))) {
                assertThat(staging).isEmpty();
            }
            registry.load("crash", versions.get(versions.size() - 1).version()).close();
        }
    }

    private Process startPublisher() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", "killed-publisher.log");
        Files.deleteIfExists(log);
        Process process = new ProcessBuilder(java, "-cp", classpath, PublishLoop.class.getName(), root.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Deadline.await(Duration.ofMinutes(1), "publisher started", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("publisher ended before publishing: " + Files.readString(log));
            }
            return Files.exists(log) && Files.readString(log).contains("publishing");
        });
        return process;
    }
}
