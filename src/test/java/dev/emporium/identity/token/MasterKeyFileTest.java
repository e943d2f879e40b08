package dev.emporium.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.identity.IdentityProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Without a configured master key, one is generated into a file only its owner can read, and read back later. */
class MasterKeyFileTest {

    private static IdentityProperties keptIn(Path file) {
        return new IdentityProperties("emporium", "emporium-api", Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofMinutes(30),
                Duration.ofSeconds(30), Duration.ofSeconds(30), null, file, 4,
                new IdentityProperties.External(null, null, null, "roles", null));
    }

    @Test
    void aGeneratedKeyIsOnlyEverReadableByItsOwnerAndSurvivesARestart() throws Exception {
        Path file = Files.createTempDirectory("master-key").resolve("keys/master.key");

        byte[] sealed = new MasterKey(keptIn(file)).encrypt("a signing key".getBytes());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new String(new MasterKey(keptIn(file)).decrypt(sealed))).isEqualTo("a signing key");
    }
}
