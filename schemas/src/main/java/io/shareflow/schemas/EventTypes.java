package io.shareflow.schemas;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * Names of event types, as used in the outbox's {@code type} column and in logs.
 */
public final class EventTypes {

    private EventTypes() {
    }

    /**
     * The simple type name of an event, e.g. {@code "ShareRequested"}.
     *
     * @param event an event, not null
     * @return the record's simple name, never null
     */
    public static String typeOf(SpecificRecord event) {
        return Objects.requireNonNull(event, "event").getSchema().getName();
    }
}
