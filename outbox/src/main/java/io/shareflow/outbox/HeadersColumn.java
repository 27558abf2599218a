package io.shareflow.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The outbox's {@code headers} column, a JSON object of strings, as Kafka record headers: one
 * header per field, its value in UTF-8. Public for tools that read the table the way the relay
 * does (the benchmark's ceiling).
 */
public final class HeadersColumn {

    /** A bare factory: a mapper would build a deserialization context for every row's parser. */
    private static final JsonFactory JSON = new JsonFactory();

    private HeadersColumn() {
    }

    /** Parses {@code json} as a stream: no map per row. */
    public static List<Header> toKafkaHeaders(String json) {
        List<Header> headers = new ArrayList<>(8);
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            parser.nextToken();
            String name;
            while ((name = parser.nextName()) != null) {
                parser.nextToken();
                headers.add(new RecordHeader(name, parser.getString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return headers;
    }
}
