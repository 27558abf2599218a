package io.shareflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.shareflow.localstack.RestCalls.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric the Grafana dashboard queries is exposed by the services as local-stack runs them, in the job its
 * query names (a query without a job: by at least one service). Kafka's client meters appear up to a minute after a
 * consumer first fetches (Micrometer looks for new Kafka metrics once a minute), hence the long wait — and why this
 * class runs after the others on the shared stack: by then the stack has been consuming for minutes, so the wait is
 * only as long as the meters really take, not a minute idle.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(SharedLocalStack.class)
class DashboardMetricsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyMetricTheDashboardQueriesIsExposed(LocalStack stack) throws IOException {
        // Traffic through the whole pipeline: HTTP on share-api, outbox rows published, consumers fetching, an e-mail.
        String alice = stack.demo().aliceToken(stack.settings().jwtTokens());
        Response accepted = RestCalls.post(stack.settings().shareApiUrl() + "/v1/shares/" + stack.demo().maintenanceLogId(),
                alice, Map.of("recipientEmail", "metrics." + UUID.randomUUID() + "@example.com"));
        assertThat(accepted.status()).isEqualTo(202);
        String shareId = accepted.data().path("shares").get(0).path("shareId").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> "ACTIVE".equals(RestCalls
                .get(stack.settings().shareApiUrl() + "/v1/shares/" + shareId, alice).data().path("status").asText()));

        Map<String, String> jobs = Map.of("share-api", stack.settings().shareApiUrl(),
                "user-provisioner", stack.settings().provisionerUrl(), "share-notifier", stack.settings().notifierUrl());
        Map<String, Set<String>> queried = DashboardQueries.metrics(DashboardQueries.DASHBOARD);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<String, String> scrapes = new TreeMap<>();
            jobs.forEach((job, url) -> scrapes.put(job, scrape(url)));
            List<String> missing = new ArrayList<>();
            queried.forEach((metric, selectedJobs) -> {
                if (selectedJobs.isEmpty() && scrapes.values().stream().noneMatch(text -> exposes(text, metric))) {
                    missing.add(metric + " (any job)");
                }
                selectedJobs.stream().filter(job -> !exposes(scrapes.get(job), metric))
                        .forEach(job -> missing.add(metric + " (" + job + ")"));
            });
            assertThat(missing).as("metrics the dashboard queries that no service exposes").isEmpty();
            scrapes.forEach(DashboardMetricsIT::lagIsPerPartitionOnce);
        });
    }

    /**
     * The lag of each partition a service consumes, tagged with its client, topic and partition, once: Kafka's
     * deprecated copy under the underscore name ({@code share_events_v1}) is filtered out by service-support.
     */
    private static void lagIsPerPartitionOnce(String job, String scrape) {
        List<String> lag = scrape.lines().filter(line -> line.startsWith("kafka_consumer_fetch_manager_records_lag{")).toList();
        assertThat(lag).as(job).isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains("client_id=\"consumer-" + job + "-").contains("partition=\"").containsPattern("topic=\"[^\"]*\\.[^\"]*\""));
    }

    /** A sample line of the metric in Prometheus' text format: {@code name{labels} value} or {@code name value}. */
    private static boolean exposes(String scrape, String metric) {
        return scrape.lines().anyMatch(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "));
    }

    private static String scrape(String serviceUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(serviceUrl + "/actuator/prometheus: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
