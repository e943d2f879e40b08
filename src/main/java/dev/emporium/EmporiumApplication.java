package dev.emporium;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EmporiumApplication {

    public static void main(String[] args) {
        SpringApplication.run(EmporiumApplication.class, args);
    }
}
