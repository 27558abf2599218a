package io.shareflow.api.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.resource.ResourceDeleted;
import io.shareflow.api.support.Caller;
import io.shareflow.events.ShareRevoked;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deleting a resource revokes its shares, in the delete's transaction: {@link ResourceDeleted} is published there as
 * the resource feature publishes it (the delete itself is that feature's; here the event is published directly).
 */
class ResourceDeletedRevocationIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Autowired
    private ApplicationEventPublisher publisher;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void everyShareOfTheDeletedResourceIsRevokedWithCauseResourceDeletedOnce() {
        UUID resource = createDocument(sharer);
        UUID other = createDocument(sharer);
        UUID direct = share(resource);
        UUID link = UUID.fromString(api.post("/v1/shares/" + resource + "/links", sharer.token(),
                Map.of("audience", "anyone")).data().get("shareId").asString());
        UUID revokedBefore = share(resource);
        UUID elsewhere = share(other);
        assertThat(api.send("DELETE", "/v1/shares/" + revokedBefore, sharer.token(), null).status()).isEqualTo(204);
        Caller deleter = Caller.of(sharer.organizationId(), "producer-admin");

        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                publisher.publishEvent(new ResourceDeleted(resource, sharer.organizationId(), deleter.userId())));

        for (UUID shareId : List.of(direct, link)) {
            JsonNode share = api.get("/v1/shares/" + shareId, sharer.token()).data();
            assertThat(share.get("status").asString()).isEqualTo("REVOKED");
            JsonNode last = share.get("history").get(share.get("history").size() - 1);
            assertThat(last.get("cause").asString()).isEqualTo("ShareRevoked(resource-deleted)");
            assertThat(last.get("by").asString()).isEqualTo(deleter.userId().toString());
            List<SpecificRecord> events = kafka().eventsUntil(Topics.SHARE_EVENTS, shareId.toString(),
                    all -> all.stream().anyMatch(ShareRevoked.class::isInstance));
            ShareRevoked revoked = (ShareRevoked) events.stream().filter(ShareRevoked.class::isInstance).findFirst()
                    .orElseThrow();
            assertThat(revoked.getCause()).isEqualTo("resource-deleted");
            assertThat(revoked.getRevokedBy()).isEqualTo(deleter.userId());
        }
        assertThat(count("select count(*) from outbox_event where type = 'ShareRevoked' and aggregateid = ?",
                revokedBefore.toString())).as("a share revoked before is not revoked again").isEqualTo(1);
        assertThat(api.get("/v1/shares/" + elsewhere, sharer.token()).data().get("status").asString())
                .isEqualTo("PENDING");
    }

    @Test
    void aDeleteThatRollsBackRevokesNothing() {
        UUID resource = createDocument(sharer);
        UUID direct = share(resource);

        try {
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                publisher.publishEvent(new ResourceDeleted(resource, sharer.organizationId(), sharer.userId()));
                status.setRollbackOnly();
            });
        } catch (RuntimeException ignored) {
            // UnexpectedRollbackException, depending on the transaction manager: either way nothing is committed.
        }

        assertThat(api.get("/v1/shares/" + direct, sharer.token()).data().get("status").asString())
                .isEqualTo("PENDING");
        assertThat(count("select count(*) from outbox_event where type = 'ShareRevoked' and aggregateid = ?",
                direct.toString())).isZero();
    }

    private UUID share(UUID resource) {
        Response response = api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail",
                "deleted." + UUID.randomUUID().toString().substring(0, 8) + "@recipient.example", "notify", false));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return UUID.fromString(response.data().get("shares").get(0).get("shareId").asString());
    }
}
