package io.shareflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No Docker engine runs here, so docker-compose.yml is checked as far as it can be without one:
 * it parses, only the services' and the UIs' ports are published (DESIGN.md's for the services), no password has a
 * default, every environment variable a service gets names a setting that service really has, and Prometheus and
 * Grafana get configuration files that exist and fit the services.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Spring Boot's own settings (their metadata lives in Boot's jars). */
    private static final List<String> BOOT_PREFIXES = List.of("spring.datasource.", "spring.kafka.", "spring.mail.", "server.");

    /** Required variables of {@code docker compose}'s environment, {@code ${NAME:?message}[,...]}: no default. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{[A-Z0-9_]+:\\?[^}]+}(,\\$\\{[A-Z0-9_]+:\\?[^}]+})*");

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
        assertThat(services()).containsOnlyKeys("kafka", "postgres", "mailpit", "share-api", "user-provisioner", "share-notifier",
                "prometheus", "grafana");
        assertThat(Files.readString(ROOT.resolve("deploy/postgres-init.sql")))
                .contains("create database share_api;", "create database user_provisioner;", "create database share_notifier;");
    }

    /** The services on DESIGN.md's ports and the UIs a person opens; Kafka and PostgreSQL stay on the compose network. */
    @Test
    @SuppressWarnings("unchecked")
    void publishesOnlyTheServicesAndTheUis() throws IOException {
        Map<String, Object> published = new TreeMap<>();
        services().forEach((name, definition) -> {
            Object ports = ((Map<String, Object>) definition).get("ports");
            if (ports != null) {
                published.put(name, ports);
            }
        });
        assertThat(published).isEqualTo(Map.of(
                "share-api", List.of("8080:8080"), "user-provisioner", List.of("8081:8081"),
                "share-notifier", List.of("8082:8082"), "mailpit", List.of("8025:8025"),
                "grafana", List.of("3000:3000"), "prometheus", List.of("9090:9090")));
    }

    /** Without a published port, a listener advertised on localhost would only mislead: clients use kafka:19092. */
    @Test
    void kafkaAdvertisesOnlyItsAddressOnTheComposeNetwork() throws IOException {
        Map<String, Object> kafka = environment("kafka");
        assertThat(kafka).containsEntry("KAFKA_ADVERTISED_LISTENERS", "INTERNAL://kafka:19092");
        assertThat(String.valueOf(kafka.get("KAFKA_LISTENERS"))).doesNotContain("EXTERNAL");
        for (String service : List.of("share-api", "user-provisioner", "share-notifier")) {
            assertThat(environment(service)).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:19092");
        }
    }

    /** Every password and secret comes from the environment of {@code docker compose}: it refuses to start without. */
    @Test
    void noPasswordOrSecretHasADefault() throws IOException {
        for (String service : services().keySet()) {
            environment(service).forEach((variable, value) -> {
                if (variable.contains("PASSWORD") || variable.contains("SECRET") || variable.contains("SEAL_KEY")) {
                    assertThat(String.valueOf(value)).as("%s of %s", variable, service).matches(REQUIRED);
                }
            });
        }
        String database = "${SHAREFLOW_POSTGRES_PASSWORD:?set SHAREFLOW_POSTGRES_PASSWORD}";
        assertThat(environment("postgres")).containsEntry("POSTGRES_PASSWORD", database);
        for (String service : List.of("share-api", "user-provisioner", "share-notifier")) {
            assertThat(environment(service)).containsEntry("SPRING_DATASOURCE_PASSWORD", database);
        }
        assertThat(String.valueOf(environment("grafana").get("GF_SECURITY_ADMIN_PASSWORD")))
                .startsWith("${SHAREFLOW_GRAFANA_ADMIN_PASSWORD:?");
    }

    /** Prometheus scrapes each service's /actuator/prometheus on the port compose gives it, job = service. */
    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheThreeServices() throws IOException {
        assertThat(mounts("prometheus")).containsEntry("/etc/prometheus/prometheus.yml", ROOT.resolve("deploy/prometheus/prometheus.yml"));
        Map<String, Object> config = new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml")));
        Map<String, Object> targets = new TreeMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
            List<String> addresses = new ArrayList<>();
            ((List<Map<String, Object>>) job.get("static_configs")).forEach(c -> addresses.addAll((List<String>) c.get("targets")));
            targets.put((String) job.get("job_name"), addresses);
        }
        Map<String, Object> expected = new TreeMap<>();
        for (String service : List.of("share-api", "user-provisioner", "share-notifier")) {
            expected.put(service, List.of(service + ":" + environment(service).get("SERVER_PORT")));
        }
        assertThat(targets).isEqualTo(expected);
    }

    /** Grafana is provisioned from the repository: the Prometheus datasource, and the dashboard's folder. */
    @Test
    @SuppressWarnings("unchecked")
    void grafanaIsProvisionedWithThePrometheusDatasourceAndTheDashboard() throws IOException {
        Map<String, Path> mounts = mounts("grafana");
        Path datasources = mounts.get("/etc/grafana/provisioning/datasources");
        Path providers = mounts.get("/etc/grafana/provisioning/dashboards");
        assertThat(datasources).isDirectory();
        assertThat(providers).isDirectory();

        Map<String, Object> datasource = ((List<Map<String, Object>>) ((Map<String, Object>) new Yaml()
                .load(Files.readString(datasources.resolve("prometheus.yml")))).get("datasources")).get(0);
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");

        Map<String, Object> provider = ((List<Map<String, Object>>) ((Map<String, Object>) new Yaml()
                .load(Files.readString(providers.resolve("shareflow.yml")))).get("providers")).get(0);
        String dashboardsPath = (String) ((Map<String, Object>) provider.get("options")).get("path");
        assertThat(mounts).containsEntry(dashboardsPath, ROOT.resolve("deploy/grafana/dashboards"));
        assertThat(environment("grafana")).containsEntry("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH", dashboardsPath + "/shareflow.json");

        JsonNode dashboard = JsonMapper.builder().build().readTree(ROOT.resolve("deploy/grafana/dashboards/shareflow.json").toFile());
        List<String> uids = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target ->
                uids.add(target.path("datasource").path("uid").asText())));
        assertThat(uids).isNotEmpty().containsOnly(String.valueOf(datasource.get("uid")));
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) throws IOException {
        Map<String, Object> definition = (Map<String, Object>) services().get(service);
        Map<String, Object> env = (Map<String, Object>) definition.get("environment");
        return env == null ? Map.of() : env;
    }

    /** A service's bind mounts: the path in the container → the file or directory of this repository, which exists. */
    @SuppressWarnings("unchecked")
    private static Map<String, Path> mounts(String service) throws IOException {
        Map<String, Path> mounts = new TreeMap<>();
        for (String volume : (List<String>) ((Map<String, Object>) services().get(service)).get("volumes")) {
            String[] parts = volume.split(":");
            if (parts[0].startsWith("./")) {
                Path source = ROOT.resolve(parts[0].substring(2)).normalize();
                assertThat(source).as("%s mounts %s", service, parts[0]).exists();
                mounts.put(parts[1], source);
            }
        }
        return mounts;
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
