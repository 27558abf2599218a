package io.shareflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No Docker engine runs here, so docker-compose.yml is checked as far as it can be without one:
 * it parses, the ports are DESIGN.md's, and every environment variable a service gets names a
 * setting that service really has.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Spring Boot's own settings (their metadata lives in Boot's jars). */
    private static final List<String> BOOT_PREFIXES = List.of("spring.datasource.", "spring.kafka.", "spring.mail.", "server.");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Object>) compose.get("services");
    }

    /** The images run the services with the same JVM options as local-stack (README "Memory"). */
    @Test
    void imagesRunTheServicesWithLocalStacksJvmOptions() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("JAVA_OPTS=\"" + String.join(" ", ServiceProcess.DEFAULT_JVM_OPTIONS) + "\"")
                .contains("MALLOC_ARENA_MAX=2").contains("exec java $JAVA_OPTS -jar /app/service.jar");
    }

    @Test
    void declaresTheWholeSystem() throws IOException {
        assertThat(services()).containsOnlyKeys("kafka", "postgres", "mailpit", "share-api", "user-provisioner", "share-notifier");
        assertThat(Files.readString(ROOT.resolve("deploy/postgres-init.sql")))
                .contains("create database share_api;", "create database user_provisioner;", "create database share_notifier;");
    }

    @ParameterizedTest
    @CsvSource({"kafka,9092:9092", "postgres,5432:5432", "mailpit,8025:8025", "mailpit,3025:1025",
            "share-api,8080:8080", "user-provisioner,8081:8081", "share-notifier,8082:8082"})
    @SuppressWarnings("unchecked")
    void publishesThePortsOfTheDesign(String service, String mapping) throws IOException {
        Map<String, Object> definition = (Map<String, Object>) services().get(service);
        assertThat((List<String>) definition.get("ports")).contains(mapping);
    }

    @ParameterizedTest
    @CsvSource({"share-api,8080,share_api", "user-provisioner,8081,user_provisioner", "share-notifier,8082,share_notifier"})
    @SuppressWarnings("unchecked")
    void configuresEachServiceOnlyWithSettingsItHas(String service, String port, String database) throws IOException {
        Map<String, Object> definition = (Map<String, Object>) services().get(service);
        Map<String, Object> env = (Map<String, Object>) definition.get("environment");
        assertThat(env).containsEntry("SERVER_PORT", port)
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/" + database)
                .containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "SHAREFLOW_SECURITY_JWT_HMAC_SECRET",
                        "SHAREFLOW_SECURITY_JWT_ISSUER", "SHAREFLOW_SECURITY_JWT_AUDIENCE");
        // Secrets come from the environment of `docker compose`, with no default: compose refuses to start without.
        // A key list per producer: share-api's share links, user-provisioner's registration links; share-notifier
        // opens both. No producer holds the other's.
        String shareLinks = "${SHAREFLOW_EVENTS_SEAL_KEY:?set SHAREFLOW_EVENTS_SEAL_KEY to id:base64key}";
        String registrationLinks = "${SHAREFLOW_REGISTRATION_SEAL_KEY:?set SHAREFLOW_REGISTRATION_SEAL_KEY to id:base64key}";
        assertThat(env).containsEntry("SHAREFLOW_EVENTS_SEAL_KEY", switch (service) {
            case "share-api" -> shareLinks;
            case "user-provisioner" -> registrationLinks;
            default -> shareLinks + "," + registrationLinks;
        });
        assertThat(String.valueOf(env.get("SHAREFLOW_SECURITY_JWT_HMAC_SECRET"))).startsWith("${SHAREFLOW_SECURITY_JWT_HMAC_SECRET:?");

        Set<String> known = knownSettings(service);
        for (String variable : env.keySet()) {
            String property = variable.toLowerCase(Locale.ROOT).replace('_', '.');
            boolean boot = BOOT_PREFIXES.stream().anyMatch(property::startsWith);
            assertThat(boot || known.contains(normalise(variable)))
                    .as("%s sets %s, which is not a setting of %s", service, variable, service).isTrue();
        }
    }

    /** The service's own, service-support's and outbox's settings, in relaxed-binding form. */
    private static Set<String> knownSettings(String service) throws IOException {
        Set<String> names = new HashSet<>();
        for (String module : List.of(service, "service-support", "outbox")) {
            Path metadata = ROOT.resolve(module).resolve("target/classes/META-INF/spring-configuration-metadata.json");
            if (Files.exists(metadata)) {
                JsonNode root = JsonMapper.builder().build().readTree(metadata.toFile());
                root.path("properties").forEach(p -> names.add(normalise(p.path("name").asText())));
            }
        }
        Object yaml = new Yaml().load(Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.yml")));
        flatten("", yaml, names);
        return names;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else {
            into.add(normalise(prefix));
        }
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
