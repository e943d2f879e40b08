package reference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Spring Boot's defaults plus virtual threads, and one endpoint: what Emporium's stack is measured against. */
@SpringBootApplication
@RestController
public class BareApplication {

    record Message(String message) {}

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }

    @GetMapping("/api/data")
    Message data() {
        return new Message("Hello scalable backend!");
    }
}
