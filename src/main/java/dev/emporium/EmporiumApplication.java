package dev.emporium;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EmporiumApplication {

    public static void main(String[] args) {
        exitCleanlyOnTerminate();
        ConfigurableApplicationContext context = SpringApplication.run(EmporiumApplication.class, args);
        // A one-off command (emporium.command, run without a web server by ./emporium) ends once it has run.
        if (context.getEnvironment().containsProperty("emporium.command")) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /**
     * SIGTERM is how orchestrators ask for a graceful stop. Exiting through System.exit runs the same shutdown
     * (readiness DOWN, drain, close) and reports success (0) instead of the JVM's default 143.
     */
    private static void exitCleanlyOnTerminate() {
        Signal.handle(new Signal("TERM"), signal -> new Thread(() -> System.exit(0), "sigterm").start());
    }
}
