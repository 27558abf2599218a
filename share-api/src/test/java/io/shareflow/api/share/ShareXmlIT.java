package io.shareflow.api.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.support.web.DataEnvelope;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The share endpoints in XML: the same envelope as JSON, a list inside an item one element per entry named as the
 * JSON field ({@code <shares>…</shares><shares>…</shares>}, never {@code <shares><shares>}), and what the service
 * writes reads back, with the service's own mappers, into what the JSON says.
 */
class ShareXmlIT extends ShareApiIntegrationSupport {

    private static final Map<String, String> XML = Map.of("Content-Type", "application/xml", "Accept", "application/xml");

    @Autowired
    XmlMapper xml;

    @Autowired
    JsonMapper json;

    private final Caller sharer = Caller.sharer();

    @Test
    void theAcceptedSharesAreOneElementEachAndReadBack() {
        UUID resource = createDocument(sharer);
        Response response = api.send("POST", "/v1/shares/" + resource, sharer.token(), """
                <share><recipients><email>ann@example.com</email></recipients>\
                <recipients><email>bob@example.com</email></recipients><role>downloader</role></share>""", XML);

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        assertThat(response.body()).startsWith("<response><data><requestId>").doesNotContain("<shares><shares>")
                .contains("<shares><shareId>");
        assertThat(response.body().split("<shares>", -1)).hasSize(3);

        DataEnvelope<ShareAccepted> read = xml.readValue(response.body(), new TypeReference<DataEnvelope<ShareAccepted>>() { });
        assertThat(read.data().shares()).extracting(ShareAccepted.Share::recipientEmail)
                .containsExactly("ann@example.com", "bob@example.com");
        assertThat(read.data().shares()).extracting(ShareAccepted.Share::role).containsOnly("downloader");
        assertThat(read.data().shares()).allSatisfy(share -> {
            assertThat(share.expiresAt()).isNull();
            assertThat(share.url()).startsWith(LINK_BASE + "/s/");
        });
        assertThat(response.location()).isEqualTo("/v1/shares/" + read.data().firstShareId());

        // Written and read by the same mapper: the same value.
        assertThat(xml.readValue(xml.writeValueAsString(read), new TypeReference<DataEnvelope<ShareAccepted>>() { }))
                .isEqualTo(read);
    }

    @Test
    void aShareReadInXmlIsTheShareReadInJson() {
        UUID resource = createDocument(sharer);
        String shareId = api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail", "xml@example.com"))
                .data().get("shares").get(0).get("shareId").asString();

        Response asXml = api.send("GET", "/v1/shares/" + shareId, sharer.token(), null, Map.of("Accept", "application/xml"));
        Response asJson = api.get("/v1/shares/" + shareId, sharer.token());

        assertThat(asXml.status()).isEqualTo(200);
        assertThat(asXml.body()).contains("<history><status>PENDING</status>").doesNotContain("<history><history>");
        ShareDetails fromXml = xml.readValue(asXml.body(), new TypeReference<DataEnvelope<ShareDetails>>() { }).data();
        ShareDetails fromJson = json.readValue(asJson.body(), new TypeReference<DataEnvelope<ShareDetails>>() { }).data();
        assertThat(fromXml).isEqualTo(fromJson);
    }

    @Test
    void aLinkAndItsRecipientsInXml() {
        UUID resource = createDocument(sharer);
        Response created = api.send("POST", "/v1/shares/" + resource + "/links", sharer.token(), """
                <link><audience>anyone</audience><recipients><email>a@example.com</email></recipients>\
                <recipients><email>b@example.com</email></recipients><notify>false</notify></link>""", XML);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("<recipients><recipients>");
        LinkCreated link = xml.readValue(created.body(), new TypeReference<DataEnvelope<LinkCreated>>() { }).data();
        assertThat(link.recipients()).extracting(LinkCreated.Recipient::email).containsExactly("a@example.com", "b@example.com");
        assertThat(link.recipients()).extracting(LinkCreated.Recipient::notification).containsOnly("SKIPPED");
        assertThat(link.audience()).isEqualTo("anyone");

        Response details = api.send("GET", "/v1/shares/" + link.shareId(), sharer.token(), null, Map.of("Accept", "application/xml"));
        ShareDetails read = xml.readValue(details.body(), new TypeReference<DataEnvelope<ShareDetails>>() { }).data();
        assertThat(read.recipients()).extracting(ShareDetails.Recipient::email).containsExactly("a@example.com", "b@example.com");
        assertThat(read.type()).isEqualTo("link");
    }

    @Test
    void listsOfSharesUseTheEnvelopesItemElements() {
        UUID resource = createDocument(sharer);
        api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipients",
                List.of(Map.of("email", "one@example.com"), Map.of("email", "two@example.com"))));
        Response list = api.send("GET", "/v1/shares?resourceId=" + resource, sharer.token(), null,
                Map.of("Accept", "application/xml"));
        assertThat(list.body()).startsWith("<response><data><item>").contains("<page><number>0</number>");
        assertThat(list.body().split("<item>", -1)).hasSize(3);
    }
}
