package io.seqcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.Deadline;
import io.seqcast.TestKeys;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Processes of the built jar over one data folder, as a deployment runs them; stopped on close. */
final class Replicas implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path data;
    private final List<Process> processes = new ArrayList<>();

    Replicas(Path data) {
        this.data = data;
    }

    /** Starts one replica with the test keys; returns its port once it is ready. */
    int start(String name) throws Exception {
        int port = freePort();
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("seqcast-.*\\.jar")).findFirst().orElseThrow();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
                "--seqcast.registry.root=" + data.resolve("registry"), "--seqcast.training.jobs=" + data.resolve("jobs"),
                "--seqcast.engine.warm-up=false"));
        for (String property : TestKeys.PROPERTIES) {
            command.add("--" + property);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/replica-" + name + ".log")).start();
        processes.add(process);
        String base = "http://localhost:" + port;
        Deadline.await(Duration.ofMinutes(2), "replica " + name + " ready", () -> {
            assertThat(process.isAlive()).as("replica %s is running (see target/replica-%s.log)", name, name).isTrue();
            try {
                return DeployedStack.get(HTTP, base + "/actuator/health/readiness").statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return port;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            process.waitFor();
        }
    }
}
