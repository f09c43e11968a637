package io.seqcast.data;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/** {@link SeriesValues} is read by hand (no tree, precise pointers): its contract is an array of numbers or arrays. */
@Configuration(proxyBeanMethods = false)
class SeriesValuesSchema {

    static {
        SpringDocUtils.getConfig().replaceWithSchema(SeriesValues.class, new ArraySchema()
                .items(new Schema<>().description("a number, or an array of numbers (one per feature)")));
    }
}
