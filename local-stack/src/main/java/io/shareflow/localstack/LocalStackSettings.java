package io.shareflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.shareflow.embedded.FreePorts;
import io.shareflow.schemas.SealedFields;
import io.shareflow.support.security.JwtTokens;

/**
 * Where local-stack puts everything.
 *
 * @param signInPort the dev sign-in page ({@link DevSignIn}), local-stack's stand-in for the platform's sign-in
 * @param dataDir   Kafka's log, PostgreSQL's data, service logs and the seed record
 * @param jwtSecret the HS256 secret every service validates tokens with; the services also require the issuer
 *                  {@value #JWT_ISSUER} and the audience {@value #JWT_AUDIENCE} ({@link #jwtTokens()} mints such tokens)
 * @param sealKey   the key list that seals share links ({@code SHAREFLOW_EVENTS_SEAL_KEY},
 *                  {@code id:base64key[,id:base64key…]}): share-api's, and share-notifier's to open them; never printed
 * @param sealKeyFile where a generated seal key is kept, so a restart with the same data directory can
 *                  still open what was sealed before; null when the key came from the environment
 * @param registrationSealKey the key list that seals registration links ({@code SHAREFLOW_REGISTRATION_SEAL_KEY}):
 *                  user-provisioner's, and share-notifier's to open them. A list of its own, so that neither
 *                  producer holds a key that opens the other's credentials (DESIGN.md "Sealed fields"); kept in
 *                  {@code <dataDir>/registration-seal-key} when generated
 * @param home      the repository root, where {@code <service>/target/<service>.jar} are found
 * @param extraEnv  environment added to every service (tests shrink retry windows with it)
 */
public record LocalStackSettings(int shareApiPort, int provisionerPort, int notifierPort, int mailHttpPort,
                                 int signInPort, int smtpPort, int kafkaPort, int postgresPort, Path dataDir, String jwtSecret,
                                 boolean generatedSecret, String sealKey, Path sealKeyFile,
                                 String registrationSealKey, Path home, Map<String, String> extraEnv) {

    /** The dev sign-in page's port: next to the services' (DESIGN.md's fixed ports are 8080-8082, 8025, 3025, 9092, 5432). */
    static final int SIGN_IN_PORT = 8083;
    /** The {@code iss} every service requires ({@code SHAREFLOW_SECURITY_JWT_ISSUER}), and the tokens carry. */
    public static final String JWT_ISSUER = "shareflow-local";
    /** The {@code aud} every service requires ({@code SHAREFLOW_SECURITY_JWT_AUDIENCE}), and the tokens carry. */
    public static final String JWT_AUDIENCE = "shareflow";
    /** The file in the data directory that keeps a generated seal key. */
    static final String SEAL_KEY_FILE = "seal-key";
    /** The key id of a seal key local-stack generates. */
    static final String GENERATED_KEY_ID = "local";
    /** The variable of user-provisioner's own key list, which local-stack hands it as its SHAREFLOW_EVENTS_SEAL_KEY. */
    static final String REGISTRATION_KEY_VARIABLE = "SHAREFLOW_REGISTRATION_SEAL_KEY";
    /** The file in the data directory that keeps a generated registration seal key. */
    static final String REGISTRATION_SEAL_KEY_FILE = "registration-seal-key";
    /** Its key id: another than the share links' key, as share-notifier holds both lists at once. */
    static final String GENERATED_REGISTRATION_KEY_ID = "local-registration";

    /**
     * The fixed ports of DESIGN.md, honouring SHAREFLOW_DATA_DIR, SHAREFLOW_SECURITY_JWT_HMAC_SECRET and
     * SHAREFLOW_EVENTS_SEAL_KEY.
     *
     * @throws IllegalArgumentException when SHAREFLOW_EVENTS_SEAL_KEY is set but malformed (the message shows no key)
     */
    public static LocalStackSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static LocalStackSettings fromEnvironment(Map<String, String> environment) {
        String dir = environment.get("SHAREFLOW_DATA_DIR");
        String secret = environment.get("SHAREFLOW_SECURITY_JWT_HMAC_SECRET");
        boolean generated = secret == null || secret.isBlank();
        String sealKey = environment.get(SealedFields.KEY_VARIABLE);
        boolean ownKey = sealKey != null && !sealKey.isBlank();
        if (ownKey) {
            SealedFields.fromKeyList(sealKey); // fail here, not in three service logs
        }
        String registrationKey = environment.get(REGISTRATION_KEY_VARIABLE);
        boolean ownRegistrationKey = registrationKey != null && !registrationKey.isBlank();
        if (ownRegistrationKey) {
            SealedFields.fromKeyList(registrationKey);
        }
        Path dataDir = dir == null || dir.isBlank() ? tempDir() : Path.of(dir).toAbsolutePath();
        return new LocalStackSettings(8080, 8081, 8082, 8025, SIGN_IN_PORT, 3025, 9092, 5432, dataDir,
                generated ? randomSecret() : secret, generated, ownKey ? sealKey : storedOrNewSealKey(dataDir),
                ownKey ? null : dataDir.resolve(SEAL_KEY_FILE),
                ownRegistrationKey ? registrationKey : storedOrNewRegistrationSealKey(dataDir), repositoryRoot(),
                Map.of());
    }

    /** Free ports, a fresh directory and fresh keys: for tests, next to anything else running. */
    public static LocalStackSettings onFreePorts(Map<String, String> extraEnv) {
        Path dataDir = tempDir();
        return new LocalStackSettings(FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(),
                FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(), dataDir, randomSecret(), true,
                storedOrNewSealKey(dataDir), dataDir.resolve(SEAL_KEY_FILE), storedOrNewRegistrationSealKey(dataDir),
                repositoryRoot(), extraEnv);
    }

    /** Tokens the services of this stack accept: its secret, {@value #JWT_ISSUER}, {@value #JWT_AUDIENCE}. */
    public JwtTokens jwtTokens() {
        return JwtTokens.signedWith(jwtSecret).issuedBy(JWT_ISSUER, JWT_AUDIENCE);
    }

    /** The id of the seal key that seals (the first of the list); printable, unlike the key. */
    public String currentSealKeyId() {
        return SealedFields.fromKeyList(sealKey).currentKeyId();
    }

    /** share-notifier opens both kinds of link: both key lists (their key ids differ), share links' first. */
    public String notifierSealKey() {
        return sealKey + "," + registrationSealKey;
    }

    /** Neither the JWT secret nor the seal keys. */
    @Override
    public String toString() {
        return "LocalStackSettings[shareApiPort=" + shareApiPort + ", provisionerPort=" + provisionerPort
                + ", notifierPort=" + notifierPort + ", mailHttpPort=" + mailHttpPort + ", signInPort=" + signInPort + ", smtpPort=" + smtpPort
                + ", kafkaPort=" + kafkaPort + ", postgresPort=" + postgresPort + ", dataDir=" + dataDir
                + ", jwtSecret=***, generatedSecret=" + generatedSecret + ", sealKey=***, sealKeyFile=" + sealKeyFile
                + ", registrationSealKey=***"
                + ", home=" + home + ", extraEnv=" + extraEnv.keySet() + "]";
    }

    /**
     * The services' JVM options: {@code SHAREFLOW_SERVICE_JAVA_OPTS} (split at white space) when set, else
     * {@link ServiceProcess#DEFAULT_JVM_OPTIONS} as this JVM, which runs them, accepts them
     * ({@link ServiceProcess#defaultJvmOptionsFor}).
     */
    public java.util.List<String> jvmOptions() {
        String options = System.getenv("SHAREFLOW_SERVICE_JAVA_OPTS");
        return options == null || options.isBlank() ? ServiceProcess.defaultJvmOptionsFor(Runtime.version())
                : java.util.List.of(options.strip().split("\\s+"));
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

    /** The dev sign-in page share-api's pages link to ({@code shareflow.links.sign-in-url}). */
    public String signInUrl() {
        return "http://localhost:" + signInPort + DevSignIn.PATH;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("shareflow-local-stack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The seal key kept in {@code <dataDir>/seal-key}, or a new one ({@code local:<32 random bytes>}) written
     * there, readable by the owner only. A restart with the same data directory must open what the services
     * sealed before (share-api's sealed links, the notifier's pending e-mails, events not yet consumed).
     */
    static String storedOrNewSealKey(Path dataDir) {
        return storedOrNewKey(dataDir, SEAL_KEY_FILE, GENERATED_KEY_ID);
    }

    /** As {@link #storedOrNewSealKey}, for user-provisioner's registration links, in its own file and key id. */
    static String storedOrNewRegistrationSealKey(Path dataDir) {
        return storedOrNewKey(dataDir, REGISTRATION_SEAL_KEY_FILE, GENERATED_REGISTRATION_KEY_ID);
    }

    private static String storedOrNewKey(Path dataDir, String fileName, String keyId) {
        Path file = dataDir.resolve(fileName);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file).strip();
                try {
                    SealedFields.fromKeyList(stored);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + " does not hold a seal key list: " + e.getMessage(), e);
                }
                return stored;
            }
            String key = SealedFields.generateKeyList(keyId);
            Files.createDirectories(dataDir);
            // Owner-only from its creation on a POSIX file system (rw-------); written in full, then moved.
            Path temp = Files.createTempFile(dataDir, fileName, ".tmp");
            Files.writeString(temp, key + "\n");
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the seal key in " + file, e);
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
