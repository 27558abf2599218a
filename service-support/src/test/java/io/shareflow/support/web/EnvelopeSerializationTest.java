package io.shareflow.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

class EnvelopeSerializationTest {

    @Test
    void errorEnvelopeHasTheContractShape() {
        String json = JsonMapper.shared().writeValueAsString(ErrorEnvelope.of(ApiError.forField("BadRequest", "email: invalid", "recipients[1].email")));

        assertThat(json).isEqualTo("{\"errors\":[{\"errorCode\":\"BadRequest\",\"message\":\"email: invalid\","
                + "\"extension\":{\"field\":\"recipients[1].email\"}}]}");
    }

    @Test
    void extensionIsAlwaysPresentEvenWhenAServiceOmitsEmptyValues() {
        JsonMapper nonEmpty = JsonMapper.builder()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
                .build();

        assertThat(nonEmpty.writeValueAsString(ErrorEnvelope.of(ApiError.of("NotFound", "Not found."))))
                .isEqualTo("{\"errors\":[{\"errorCode\":\"NotFound\",\"message\":\"Not found.\",\"extension\":{}}]}");
        assertThat(new ApiError("Conflict", "x", null).extension()).isEmpty();
    }

    @Test
    void extensionIsAnOrderedImmutableCopy() {
        Map<String, Object> details = new HashMap<>(Map.of("recipientEmail", "a@example.com"));
        ApiError error = new ApiError("UnprocessableEntity", "Recipient belongs to another organisation.", details);
        details.clear();

        assertThat(error.extension()).containsEntry("recipientEmail", "a@example.com");
        assertThatThrownBy(() -> error.extension().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void successEnvelopesHaveTheContractShape() {
        JsonMapper json = JsonMapper.shared();

        assertThat(json.writeValueAsString(DataEnvelope.of(Map.of("id", "1")))).isEqualTo("{\"data\":{\"id\":\"1\"}}");
        assertThat(json.writeValueAsString(PageEnvelope.of(List.of("a", "b"), 0, 20, 2)))
                .isEqualTo("{\"data\":[\"a\",\"b\"],\"page\":{\"number\":0,\"size\":20,\"totalElements\":2}}");
    }

    @Test
    void pageEnvelopeOfADomainPageHasTheContractShape() {
        JsonMapper json = JsonMapper.shared();
        Page<String> page = Page.of(List.of("c", "d"), new PageRequest(1, 2), 5);

        assertThat(json.writeValueAsString(PageEnvelope.of(page)))
                .isEqualTo("{\"data\":[\"c\",\"d\"],\"page\":{\"number\":1,\"size\":2,\"totalElements\":5}}");
        assertThat(json.writeValueAsString(PageEnvelope.of(new Page<>(List.of(), 0, 20, 0))))
                .isEqualTo("{\"data\":[],\"page\":{\"number\":0,\"size\":20,\"totalElements\":0}}");
        assertThat(PageEnvelope.of(page)).isEqualTo(PageEnvelope.of(List.of("c", "d"), 1, 2, 5));
    }

    @Test
    void xmlHasARootAndSingularListItems() {
        XmlMapper xml = XmlMapper.shared();

        assertThat(xml.writeValueAsString(ErrorEnvelope.of(ApiError.forField("BadRequest", "bad", "name"))))
                .isEqualTo("<response><errors><error><errorCode>BadRequest</errorCode><message>bad</message>"
                        + "<extension><field>name</field></extension></error></errors></response>");
        assertThat(xml.writeValueAsString(PageEnvelope.of(List.of("a"), 0, 20, 1)))
                .isEqualTo("<response><data><item>a</item></data><page><number>0</number><size>20</size>"
                        + "<totalElements>1</totalElements></page></response>");
        assertThat(xml.writeValueAsString(DataEnvelope.of("x"))).isEqualTo("<response><data>x</data></response>");
    }

    @Test
    void invalidEnvelopesAreRefused() {
        assertThatThrownBy(() -> new ErrorEnvelope(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PagePosition(-1, 20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PagePosition(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
