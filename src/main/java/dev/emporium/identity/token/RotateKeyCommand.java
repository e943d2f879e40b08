package dev.emporium.identity.token;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code ./emporium keys rotate}: the same rotation as the admin endpoint, for operators with database access. */
@Component
@ConditionalOnProperty(name = "emporium.command", havingValue = "keys-rotate")
class RotateKeyCommand implements ApplicationRunner {

    private final SigningKeys signingKeys;

    RotateKeyCommand(SigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    @Override
    public void run(ApplicationArguments args) {
        System.out.println("New signing key: " + signingKeys.rotate()
                + " (every instance signs with it within emporium.identity.key-refresh-interval)");
    }
}
