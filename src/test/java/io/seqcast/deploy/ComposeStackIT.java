package io.seqcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The compose stack through its gateway: train on one replica, forecast on either. Needs Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Container
    static final ComposeContainer STACK = new ComposeContainer(new File("docker-compose.yml"))
            .withBuild(true)
            .withEnv("SEQCAST_ADMIN_KEY_SHA256", DeployedStack.KEY_SHA256)
            .withExposedService("gateway", 80, Wait.forHttp("/v3/api-docs").forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(5)));

    @Test
    void theWalkthroughWorksThroughTheGatewayAndActuatorIsNotPublic() throws Exception {
        String base = "http://" + STACK.getServiceHost("gateway", 80) + ":" + STACK.getServicePort("gateway", 80);
        assertThat(DeployedStack.get(HTTP, base + "/actuator/health").statusCode()).isEqualTo(404);
        DeployedStack.trainAndForecast(HTTP, base);
    }
}
