package io.seqcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Builds the image from the Dockerfile and runs it: health, a small training job, a forecast. Needs Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerImageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Container
    static final GenericContainer<?> SEQCAST = new GenericContainer<>(new ImageFromDockerfile("seqcast-it", false)
            .withFileFromPath(".", Path.of(".")))
            .withExposedPorts(8080)
            .withEnv("SEQCAST_SECURITY_KEYS_0_NAME", "it")
            .withEnv("SEQCAST_SECURITY_KEYS_0_ROLE", "ADMIN")
            .withEnv("SEQCAST_SECURITY_KEYS_0_SHA256", DeployedStack.KEY_SHA256)
            .waitingFor(Wait.forHttp("/actuator/health/readiness").forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(3)));

    @Test
    void theImageStartsOfflineTrainsAndForecasts() throws Exception {
        String base = "http://" + SEQCAST.getHost() + ":" + SEQCAST.getMappedPort(8080);
        assertThat(DeployedStack.get(HTTP, base + "/actuator/health").statusCode()).isEqualTo(200);
        DeployedStack.trainAndForecast(HTTP, base);
    }
}
