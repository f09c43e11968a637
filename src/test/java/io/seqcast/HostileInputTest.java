package io.seqcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hostile and malformed inputs of docs/reliability.md: each gets a 4xx problem+json and writes
 * nothing. The slowest time to reject is printed for the report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "seqcast.registry.root=target/test-data/hostile/registry",
        "seqcast.training.jobs=target/test-data/hostile/jobs",
        "seqcast.security.keys[0].name=test-admin",
        "seqcast.security.keys[0].sha256=944650a7cd0f9e14d5c4fb15edbffb7fa45fb9ed36a4fa9be3d7e5476ae51bd9",
        "seqcast.security.keys[0].role=ADMIN",
        "server.tomcat.connection-timeout=1s"})
class HostileInputTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path DATA = Path.of("target/test-data/hostile");
    private static long slowestMillis;

    @LocalServerPort
    int port;

    @AfterAll
    static void report() {
        System.out.println("hostile input: slowest rejection " + slowestMillis + " ms");
    }

    @Test
    void hostileModelNamesAreRefusedWithoutTouchingTheFileSystem() throws Exception {
        for (String name : new String[] {"..%2F..%2Fetc", "%252e%252e", "..;", "a%23%2F..%2F", "C:%2Fx",
                "%2F%2Fproc%2Fself%2Froot", "a%00b", "a".repeat(300), "%EF%BD%8Dodel", "model%E2%80%8B"}) {
            expectProblem(request("/api/v1/models/" + name).GET(), name);
            expectProblem(request("/api/v1/models/" + name + "/forecast").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"series\": [{\"values\": [1]}]}")), name);
            expectProblem(request("/api/v1/models/" + name + "/versions/1").DELETE(), name);
        }
        assertNothingWritten();
    }

    @Test
    void hostileNumbersShapesAndSizesAreRefused() throws Exception {
        long heapBefore = usedHeapAfterGc();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("bare NaN", training("[1, NaN, 3]"));
        bodies.put("\"NaN\" string", training("[1, \"NaN\", 3]"));
        bodies.put("1e309", training("[1, 1e309, 3]"));
        bodies.put("-Infinity", training("[1, -Infinity, 3]"));
        bodies.put("5,000 digits", training("[1, " + "9".repeat(5000) + ", 3]"));
        bodies.put("empty array", training("[]"));
        bodies.put("3-D where 2-D", "{\"model\": \"h\", \"data\": {\"features\": [\"a\", \"b\"], \"series\": [{\"values\":"
                + " [[[1, 2]], [[3, 4]]]}]}}");
        bodies.put("ragged points", "{\"model\": \"h\", \"data\": {\"features\": [\"a\", \"b\"], \"series\": [{\"values\":"
                + " [[1, 2], [3]]}]}}");
        bodies.put("ragged trajectory", "{\"model\": \"h\", \"data\": {\"trajectories\": [{\"points\": [{\"x\": 1, \"y\": 2,"
                + " \"z\": 3}, {\"x\": 1, \"y\": 2}]}]}}");
        bodies.put("shorter than window", training("[1, 2, 3]").replace("\"spec\": {}", "\"spec\": {\"window\": 24}"));
        bodies.put("nesting 2,000 deep", "{\"model\": \"h\", \"data\": " + "[".repeat(2000) + "]".repeat(2000) + "}");
        bodies.put("horizon 10^9", training(values(100)).replace("\"spec\": {}", "\"spec\": {\"horizon\": 1000000000}"));
        bodies.put("epochs 10^9", training(values(100)).replace("\"training\": {}", "\"training\": {\"epochs\": 1000000000}"));
        StringBuilder many = new StringBuilder("{\"model\": \"h\", \"data\": {\"series\": [");
        for (int i = 0; i < 100_000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"values\": [1]}");
        }
        bodies.put("10^5 series", many.append("]}}").toString());
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            expectProblem(request("/api/v1/training-jobs").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.getValue())), body.getKey());
        }
        byte[] fiftyMegabytes = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(fiftyMegabytes, (byte) ' ');
        expectProblem(request("/api/v1/training-jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(fiftyMegabytes)), "50 MB body");
        String tenMillion = training("[" + "1,".repeat(10_000_000) + "1]");
        expectProblem(request("/api/v1/training-jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(tenMillion)), "10^7 elements");
        for (String type : new String[] {"application/x-java-serialized-object", "application/yaml", "text/plain"}) {
            expectProblem(request("/api/v1/training-jobs").header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("model: h")), type);
        }
        assertNothingWritten();
        tenMillion = null;
        fiftyMegabytes = null;
        System.out.printf("hostile input: used heap %d MiB before, %d MiB after (after GC)%n", heapBefore >> 20,
                usedHeapAfterGc() >> 20);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void aClientThatStallsMidRequestIsDisconnectedInsteadOfHoldingAThread() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/training-jobs HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestKeys.ADMIN + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"model\":").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long started = System.nanoTime();
            byte[] answer = socket.getInputStream().readAllBytes();
            long waited = (System.nanoTime() - started) / 1_000_000;
            System.out.println("hostile input: stalled body cut off after " + waited + " ms");
            assertThat(waited).isLessThan(10_000);
            String response = new String(answer, StandardCharsets.US_ASCII);
            assertThat(response.isEmpty() || response.startsWith("HTTP/1.1 4")).as(response).isTrue();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestKeys.ADMIN);
    }

    private void expectProblem(HttpRequest.Builder request, String what) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long millis = (System.nanoTime() - started) / 1_000_000;
        slowestMillis = Math.max(slowestMillis, millis);
        if (millis > 100) {
            System.out.println("hostile input: " + what + " rejected in " + millis + " ms");
        }
        assertThat(response.statusCode()).as(what).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
        assertThat(response.body()).as(what).doesNotContain("Exception", "at io.", "at org.", "/work/", "/tmp/");
    }

    private static void assertNothingWritten() throws Exception {
        try (Stream<Path> registry = Files.list(DATA.resolve("registry"));
                Stream<Path> jobs = Files.list(DATA.resolve("jobs"))) {
            assertThat(registry.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("."));
            assertThat(jobs).isEmpty();
        }
    }

    private static String training(String values) {
        return "{\"model\": \"h\", \"data\": {\"series\": [{\"values\": " + values + "}]}, \"spec\": {}, \"training\": {}}";
    }

    private static String values(int n) {
        StringBuilder values = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            values.append(i == 0 ? "" : ",").append(Math.sin(i));
        }
        return values.append("]").toString();
    }
}
