package io.seqcast;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SeqcastApplication {

    public static void main(String[] args) {
        SpringApplication.run(SeqcastApplication.class, args);
    }
}
