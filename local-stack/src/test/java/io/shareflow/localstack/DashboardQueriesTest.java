package io.shareflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DashboardQueriesTest {

    @Test
    void readsMetricNamesAndTheirJobsFromPromql() {
        assertThat(DashboardQueries.metrics(
                "histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket{job=\"share-api\", uri!~\"/actuator.*\"}[5m])))"))
                .isEqualTo(Map.of("http_server_requests_seconds_bucket", Set.of("share-api")));
        assertThat(DashboardQueries.metrics("sum by (job, topic, partition) (kafka_consumer_fetch_manager_records_lag)"))
                .isEqualTo(Map.of("kafka_consumer_fetch_manager_records_lag", Set.of()));
        assertThat(DashboardQueries.metrics("shareflow_outbox_backlog - shareflow_outbox_parked offset 5m"))
                .containsOnlyKeys("shareflow_outbox_backlog", "shareflow_outbox_parked");
    }

    /** The panels operators need (issue "Observability"): each reads its metric. */
    @Test
    void theDashboardCoversWhatOperatorsNeed() throws IOException {
        assertThat(DashboardQueries.metrics(DashboardQueries.DASHBOARD)).containsKeys(
                "kafka_consumer_fetch_manager_records_lag",
                "shareflow_kafka_dead_letters_total",
                "shareflow_notifier_emails_sent_total", "shareflow_notifier_emails_failed_total",
                "shareflow_notifier_emails_retried_total",
                "shareflow_shares", "shareflow_shares_stuck",
                "shareflow_outbox_backlog", "shareflow_outbox_oldest_pending_age_seconds",
                "shareflow_outbox_publish_latency_seconds",
                "http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "process_memory_rss_bytes", "jvm_memory_used_bytes");
    }
}
