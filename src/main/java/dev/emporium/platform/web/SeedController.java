package dev.emporium.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seed parity endpoint: the smallest request the whole filter stack serves, used as the benchmark baseline. */
@RestController
@Tag(name = "Seed")
class SeedController {

    record Greeting(String message) {}

    private static final Greeting GREETING = new Greeting("Hello scalable backend!");

    @GetMapping("/api/data")
    @Operation(summary = "Seed parity endpoint", description = "Always answers the same greeting; the baseline of every benchmark.")
    Greeting data() {
        return GREETING;
    }
}
