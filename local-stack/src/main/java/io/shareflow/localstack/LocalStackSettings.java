package io.shareflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.shareflow.embedded.FreePorts;

/**
 * Where local-stack puts everything.
 *
 * @param dataDir   Kafka's log, PostgreSQL's data, service logs and the seed record
 * @param jwtSecret the HS256 secret every service validates tokens with
 * @param home      the repository root, where {@code <service>/target/<service>.jar} are found
 * @param extraEnv  environment added to every service (tests shrink retry windows with it)
 */
public record LocalStackSettings(int shareApiPort, int provisionerPort, int notifierPort, int mailHttpPort,
                                 int smtpPort, int kafkaPort, int postgresPort, Path dataDir, String jwtSecret,
                                 boolean generatedSecret, Path home, Map<String, String> extraEnv) {

    /** The fixed ports of DESIGN.md, honouring SHAREFLOW_DATA_DIR and SHAREFLOW_SECURITY_JWT_HMAC_SECRET. */
    public static LocalStackSettings fromEnvironment() {
        String dir = System.getenv("SHAREFLOW_DATA_DIR");
        String secret = System.getenv("SHAREFLOW_SECURITY_JWT_HMAC_SECRET");
        boolean generated = secret == null || secret.isBlank();
        return new LocalStackSettings(8080, 8081, 8082, 8025, 3025, 9092, 5432,
                dir == null || dir.isBlank() ? tempDir() : Path.of(dir).toAbsolutePath(),
                generated ? randomSecret() : secret, generated, repositoryRoot(), Map.of());
    }

    /** Free ports and a fresh directory: for tests, next to anything else running. */
    public static LocalStackSettings onFreePorts(Map<String, String> extraEnv) {
        return new LocalStackSettings(FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(),
                FreePorts.find(), FreePorts.find(), FreePorts.find(), tempDir(), randomSecret(), true,
                repositoryRoot(), extraEnv);
    }

    public String shareApiUrl() {
        return "http://localhost:" + shareApiPort;
    }

    public String provisionerUrl() {
        return "http://localhost:" + provisionerPort;
    }

    public String notifierUrl() {
        return "http://localhost:" + notifierPort;
    }

    public String mailUrl() {
        return "http://localhost:" + mailHttpPort;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("shareflow-local-stack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** local-stack/target/local-stack.jar or local-stack/target/classes → the repository root. */
    private static Path repositoryRoot() {
        String override = System.getenv("SHAREFLOW_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        try {
            Path location = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = location; p != null; p = p.getParent()) {
                if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("share-api"))) {
                    return p;
                }
            }
        } catch (Exception e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
