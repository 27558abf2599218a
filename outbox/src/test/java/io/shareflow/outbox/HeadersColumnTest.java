package io.shareflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class HeadersColumnTest {

    @Test
    void everyFieldBecomesOneHeaderInOrderWithItsValueInUtf8() {
        List<Header> headers = HeadersColumn.toKafkaHeaders("{\"ce_id\":\"42\", \"ce_source\":\"/shareflow/é\"}");

        assertThat(headers).extracting(Header::key).containsExactly("ce_id", "ce_source");
        assertThat(new String(headers.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("42");
        assertThat(headers.get(1).value()).isEqualTo("/shareflow/é".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyObjectGivesNoHeaders() {
        assertThat(HeadersColumn.toKafkaHeaders("{}")).isEmpty();
    }
}
