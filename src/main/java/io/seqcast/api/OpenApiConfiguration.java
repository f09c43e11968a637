package io.seqcast.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service-wide part of the OpenAPI contract; endpoints describe themselves in their feature. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI seqcastOpenApi() {
        return new OpenAPI().info(new Info()
                .title("seqcast")
                .version("v1")
                .description("Sequence forecasting: train recurrent models (RNN, LSTM, GRU) on time series and"
                        + " trajectories, keep them as numbered versions, and serve forecasts.")
                .license(new License().name("Apache-2.0")));
    }
}
