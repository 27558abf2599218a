package io.shareflow.support.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health component {@code kafka}: UP, with the cluster id and the number of brokers, when the cluster
 * answers a metadata request within the timeout; DOWN otherwise. Spring Boot has no Kafka health indicator
 * of its own. Whether it counts for readiness is each service's choice ({@code management.endpoint.health.group.*}).
 *
 * <p>The admin client is created on the first check, not at start-up, and reused: a check every few
 * seconds from a probe must not open a new connection each time.
 */
final class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private Admin admin;

    /**
     * @param adminConfig the service's admin client configuration (Boot's {@code KafkaAdmin}); not null
     * @param timeout     how long the cluster may take to answer; positive
     */
    KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
        super("Kafka health check failed");
        this.timeout = timeout;
        this.adminConfig = new HashMap<>(adminConfig);
        // The client's own retries must give up within the timeout too, or a dead cluster holds the check.
        this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        // A client id of the service's own would clash with KafkaAdmin's clients (JMX names); ours gets a suffix.
        Object clientId = adminConfig.get(AdminClientConfig.CLIENT_ID_CONFIG);
        if (clientId != null) {
            this.adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-health");
        }
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        long millis = timeout.toMillis();
        DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) millis));
        String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
